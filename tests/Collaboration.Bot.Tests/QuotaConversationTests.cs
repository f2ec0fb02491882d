using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Reports;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Collaboration.Bot.Tests.OrganisationConversationTests;

namespace Collaboration.Bot.Tests;

/// <summary>"quota" / "配额" and the digest's attainment lines, checked against a plain computation over the seeded deals and quotas.</summary>
public sealed class QuotaConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly DateOnly Q1Start = new(2027, 1, 1);
    private static readonly DateOnly Q1End = new(2027, 3, 31);

    private static bool HasChart(JsonObject card) =>
        CardReader.Walk(card).Any(o => o["type"]?.GetValue<string>() == "Image" && o["url"]!.GetValue<string>().StartsWith("data:image/png;base64,", StringComparison.Ordinal));

    /// <summary>What the quota line should say, computed from the deals without the report.</summary>
    private static string Expected(IReadOnlyList<Opportunity> deals, IReadOnlyCollection<string> owners, decimal quota, string currency, bool chinese = false)
    {
        var counted = deals.Where(d => owners.Contains(d.OwnerId) && d.Currency == currency && d.CloseDate is { } c && c >= Q1Start && c <= Q1End).ToList();
        var won = counted.Where(d => d.Stage == Stage.Won).Sum(d => d.Amount ?? 0m);
        var open = counted.Where(d => d.Stage is not (Stage.Won or Stage.Lost)).ToList();
        var weighted = Math.Round(open.Sum(d => (d.Amount ?? 0m) * d.Probability / 100m), 2);
        var remaining = Math.Max(quota - won, 0m);
        string Pct(decimal ratio) => (ratio * 100m).ToString("0", CultureInfo.InvariantCulture) + "%";
        var (m, cur) = ((Func<decimal, string>)Money, " " + currency);
        var coverage = remaining == 0m ? (chinese ? "已完成配额" : "quota reached")
            : chinese ? $"未关闭加权 {m(weighted)}{cur}，覆盖剩余 {m(remaining)}{cur} 的 {Pct(weighted / remaining)}（{open.Count} 个未关闭商机）"
            : $"open weighted {m(weighted)}{cur} covers {Pct(weighted / remaining)} of the remaining {m(remaining)}{cur} ({open.Count} open deals)";
        return chinese
            ? $"已赢 {m(won)}{cur} / 配额 {m(quota)}{cur}（{Pct(won / quota)}）；{coverage}"
            : $"{m(won)}{cur} won of {m(quota)}{cur} ({Pct(won / quota)}); {coverage}";
    }

    [Fact]
    public async Task AttainmentAndCoverageFollowTheSeededDealsForARepAndForTheirManagerWithTheTeamInTheDigest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        foreach (var user in new[] { Alex, Megan, Li }) await host.SayAsync(user, "help");
        await PlaceAsync(host, Megan.ObjectId, "East", Alex.ObjectId);
        await PlaceAsync(host, Li.ObjectId, "East", Alex.ObjectId);
        await host.SayAsync(Megan, "new deal Alpha 100k close 2027-03-20");
        await host.SayAsync(Megan, "new deal Beta 40k close 2027-02-28");
        await host.SayAsync(Megan, "beta probability 60");
        await host.SayAsync(Megan, "new deal Gamma 30k close 2027-02-09");
        foreach (var qualify in new[] { "gamma budget 30k confirmed", "gamma decision maker Wang Fang", "gamma need must have", "gamma timeline this quarter" })
        {
            await host.SayAsync(Megan, qualify);
        }
        await host.SayAsync(Megan, "won gamma 30k");
        await host.SayAsync(Megan, "new deal Delta 500k close 2027-05-01");
        await host.SayAsync(Megan, "new deal Epsilon 20k close 2027-03-05");
        await host.SayAsync(Megan, "lost epsilon price");
        await host.SayAsync(Li, "新商机 华为 10万 成交 2027-03-15");
        List<Opportunity> deals;
        string liCurrency;
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            deals = await db.Opportunities.AsNoTracking().ToListAsync();
            liCurrency = deals.Single(d => d.OwnerId == Li.ObjectId).Currency;
            db.Quotas.Add(Quota.ForRep("tenant-a", Megan.ObjectId, QuotaPeriod.Quarter(2027, 1), 200_000m, "USD"));
            db.Quotas.Add(Quota.ForRep("tenant-a", Li.ObjectId, QuotaPeriod.Quarter(2027, 1), 50_000m, liCurrency));
            db.Quotas.Add(Quota.ForTeam("tenant-a", "East", QuotaPeriod.Quarter(2027, 1), 500_000m, "USD"));
            await db.SaveChangesAsync();
        }
        Assert.Contains(deals, d => d.Stage == Stage.Won);

        var megans = Assert.Single(await host.SayAsync(Megan, "quota"));
        var lis = Assert.Single(await host.SayAsync(Li, "配额 2027年第一季度"));
        var alexs = Assert.Single(await host.SayAsync(Alex, "my team quota this quarter"));

        Assert.Equal(Expected(deals, [Megan.ObjectId], 200_000m, "USD"), FactLine(megans, "You · 2027-Q1"));
        Assert.DoesNotContain("李雷", CardReader.Text(megans));
        Assert.DoesNotContain("Team East", CardReader.Text(megans));
        Assert.Equal(Expected(deals, [Li.ObjectId], 50_000m, liCurrency, chinese: true), FactLine(lis, "您 · 2027-Q1"));
        Assert.Equal(Expected(deals, [Megan.ObjectId], 200_000m, "USD"), FactLine(alexs, "Megan Bowen · 2027-Q1"));
        Assert.Equal(Expected(deals, [Li.ObjectId], 50_000m, liCurrency), FactLine(alexs, "李雷 · 2027-Q1"));
        var team = Expected(deals, [Megan.ObjectId, Li.ObjectId], 500_000m, "USD");
        Assert.Equal(team, FactLine(alexs, "Team East · 2027-Q1"));
        Assert.Contains("This quarter (2027-01-01 – 2027-03-31)", CardReader.Text(alexs));
        foreach (var card in new[] { megans, lis, alexs })
        {
            Assert.True(HasChart(card));
            await CardValidator.EnsureValidAsync(card);
        }

        var composer = host.Services.GetRequiredService<WeeklyDigestComposer>();
        var digest = await composer.ComposeAsync(new Actor("tenant-a", Alex.ObjectId, ChangeSurface.System, "en-US"), new DateOnly(2027, 2, 1), clock.GetUtcNow());
        var names = new Dictionary<string, string>();
        var english = ReportCards.WeeklyDigest(digest, names, PipelineSettings.Default, new CardContext("en-US", clock.GetUtcNow()));
        var chinese = ReportCards.WeeklyDigest(digest, names, PipelineSettings.Default, new CardContext("zh-CN", clock.GetUtcNow()));
        Assert.Equal(team, FactLine(english, "Quota, 2027-Q1 · East"));
        Assert.Equal(Expected(deals, [Megan.ObjectId, Li.ObjectId], 500_000m, "USD", chinese: true), FactLine(chinese, "配额（2027-Q1） · East"));
        await CardValidator.EnsureValidAsync(english);
    }

    [Fact]
    public async Task APeriodWithoutQuotasSaysSoAndAnUnreadablePeriodIsNamed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Megan, "help");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            db.Quotas.Add(Quota.ForRep("tenant-a", Megan.ObjectId, QuotaPeriod.Quarter(2027, 1), 200_000m, "USD"));
            await db.SaveChangesAsync();
        }

        var nextQuarter = CardReader.Text(Assert.Single(await host.SayAsync(Megan, "quota 2027-Q2")));
        var chinese = CardReader.Text(Assert.Single(await host.SayAsync(Li, "本季度配额")));
        var unreadable = CardReader.Text(Assert.Single(await host.SayAsync(Megan, "quota *next* decade")));

        Assert.Contains("No quota is set for this period. Admins set quotas in Settings.", nextQuarter);
        Assert.Contains("2027-Q2 (2027-04-01 – 2027-06-30)", nextQuarter);
        Assert.Contains("此期间没有设置配额", chinese);
        Assert.Contains("本季度", chinese);
        Assert.Contains(@"I could not read ""\*next\* decade"" as a period.", unreadable);
    }
}

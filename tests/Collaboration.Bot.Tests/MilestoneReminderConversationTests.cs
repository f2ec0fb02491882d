using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>An overdue payment or delivery among the rep's reminders, marked paid or delivered with one click.</summary>
public sealed class MilestoneReminderConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Stranger = new("aad-stranger", "Sam Stranger");
    private static readonly DateOnly Today = new(2027, 1, 20);

    [Theory]
    [InlineData("en-US", "reminders", "Contoso payment 30000 due 2027-01-10", "The payment of 30,000", "Paid", "Payment of 30,000", "marked paid")]
    [InlineData("zh-CN", "提醒", "Contoso 交付 到期 2027-01-10", "应于 2027-01-10 完成的交付已逾期", "已交付", "“Contoso”的交付已于 2027-01-20 标记为完成", "已于 2027-01-20 标记为完成")]
    public async Task TheButtonOfAnOverdueMilestonesReminderMarksItDoneOnceAndIsRefusedToOthers(
        string locale, string reminders, string plan, string line, string button, string done, string already)
    {
        var rep = Alex with { Locale = locale };
        var clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(rep, "new deal Contoso 100k");
        await host.SayAsync(rep, "won Contoso");
        await host.SayAsync(rep, plan);

        var card = Assert.Single(await host.SayAsync(rep, reminders));
        Assert.Contains(line, CardReader.Text(card));
        var click = CardReader.Action(card, NotificationCards.MilestoneDone);
        Assert.Equal(button, click["title"]!.GetValue<string>());
        Assert.False(CardReader.HasAction(card, NotifyVerbs.MoveStage), "an overdue milestone offers no stage move");

        var foreign = await host.ClickAsync(Stranger with { Locale = locale }, click);
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Null((await db.Milestones.AsNoTracking().SingleAsync()) is { PaidOn: null, DeliveredOn: null } ? null : "changed by a stranger");
        }
        var answer = await host.ClickAsync(rep, click);
        var again = await host.ClickAsync(rep, click);

        Assert.Contains(locale == "en-US" ? "That deal was not found." : "未找到", CardReader.Text(foreign.Card));
        Assert.Contains(done, CardReader.Text(answer.Card));
        Assert.False(CardReader.HasAction(answer.Card, NotificationCards.MilestoneDone), "the milestone is no longer overdue");
        Assert.Contains(already, CardReader.Text(again.Card));
        await using var after = host.Db.Database.Open("tenant-a");
        var milestone = await after.Milestones.AsNoTracking().SingleAsync();
        Assert.Equal(Today, milestone.PaidOn ?? milestone.DeliveredOn);

        var results = await CardValidator.ValidateAsync(new[] { card, answer.Card, again.Card, foreign.Card }.Select((c, i) => ($"{locale} #{i}", (object)c)));
        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
    }

    [Fact]
    public async Task AClickNamingNoMilestoneOfTheDealIsNotFoundAndChangesNothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "new deal Contoso 100k");
        await host.SayAsync(Alex, "Contoso payment 30000 due 2027-01-10");
        var click = CardReader.Action(Assert.Single(await host.SayAsync(Alex, "reminders")), NotificationCards.MilestoneDone);
        var forged = (JsonObject)click.DeepClone();
        forged["data"]![NotificationCards.MilestoneId] = Guid.NewGuid().ToString();

        var answer = await host.ClickAsync(Alex, forged);

        Assert.Contains("That deal was not found.", CardReader.Text(answer.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Null((await db.Milestones.AsNoTracking().SingleAsync()).PaidOn);
    }
}

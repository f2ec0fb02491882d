using System.Diagnostics;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>The contract, payments and deliveries of a deal recorded by chat, in English and Chinese, over real HTTP.</summary>
public sealed class ContractConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly DateOnly Today = new(2027, 1, 20);

    private static async Task<BotConversationHost> StartAsync() =>
        await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(
            new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero))));

    [Theory]
    [InlineData("en-US", "Contoso contract signed 2027-01-15 for 100k https://contoso.sharepoint.com/contract.pdf", "Contract recorded: signed 2027-01-15")]
    [InlineData("zh-CN", "Contoso 合同已签 2027-01-15 金额 10万 https://contoso.sharepoint.com/contract.pdf", "已记录合同：签署于 2027-01-15")]
    public async Task ContractSignedRecordsTheDateTheValueAndTheLink(string locale, string text, string done)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await StartAsync();
        await host.SayAsync(rep, "new deal Contoso 120k");

        var card = Assert.Single(await host.SayAsync(rep, text));

        Assert.Contains(done, CardReader.Text(card));
        await using var db = host.Db.Database.Open("tenant-a");
        var contract = (await db.Opportunities.AsNoTracking().SingleAsync()).Contract!;
        Assert.Equal((new DateOnly(2027, 1, 15), 100_000m, "https://contoso.sharepoint.com/contract.pdf"), (contract.SignedOn, contract.Value, contract.DocumentLink));
    }

    [Theory]
    [InlineData("en-US", "Contoso contract signed yesterday")]
    [InlineData("en-US", "Contoso contract signed")]
    [InlineData("zh-CN", "Contoso 合同已签 昨天")]
    [InlineData("zh-CN", "Contoso 合同已签")]
    public async Task ARelativeOrMissingSigningDateIsReadAgainstTheRepsToday(string locale, string text)
    {
        await using var host = await StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");

        await host.SayAsync(Alex with { Locale = locale }, text);

        await using var db = host.Db.Database.Open("tenant-a");
        var contract = (await db.Opportunities.AsNoTracking().SingleAsync()).Contract!;
        Assert.Equal(text.EndsWith("yesterday", StringComparison.Ordinal) || text.EndsWith("昨天", StringComparison.Ordinal) ? Today.AddDays(-1) : Today, contract.SignedOn);
        Assert.Equal(120_000m, contract.Value);
    }

    [Theory]
    [InlineData("en-US", "Contoso paid 50%", "Payment recorded and marked paid: 50,000")]
    [InlineData("zh-CN", "Contoso 已付 50%", "已记录并标记为已付：50,000")]
    public async Task PaidAShareOfADealWithoutPlannedPaymentsRecordsThatShareUntilTheValueIsPaid(string locale, string text, string done)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await StartAsync();
        await host.SayAsync(rep, "new deal Contoso 120k");
        await host.SayAsync(rep, "Contoso contract signed 2027-01-15 for 100k");

        Assert.Contains(done, CardReader.Text(Assert.Single(await host.SayAsync(rep, text))));
        await host.SayAsync(rep, text);
        var third = Assert.Single(await host.SayAsync(rep, text));

        Assert.Contains(locale == "en-US" ? "would go beyond the contract's value" : "超出合同金额", CardReader.Text(third));
        await using var db = host.Db.Database.Open("tenant-a");
        var payments = await db.Milestones.AsNoTracking().ToListAsync();
        Assert.Equal(2, payments.Count);
        Assert.All(payments, p => Assert.Equal((50_000m, (DateOnly?)Today), (p.Amount!.Value, p.PaidOn)));
    }

    [Fact]
    public async Task PaidAShareMarksTheNextPlannedPaymentsThatMakeItUpAndRefusesAShareTheyDoNotMakeUp()
    {
        await using var host = await StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 100k");
        await host.SayAsync(Alex, "Contoso payment 20000 due 2027-03-01");
        await host.SayAsync(Alex, "Contoso payment 30k due 2027-02-01");
        await host.SayAsync(Alex, "Contoso 付款 5万 到期 2027-04-01");

        var half = Assert.Single(await host.SayAsync(Alex, "Contoso paid 50%"));
        var wrong = Assert.Single(await host.SayAsync(Alex, "Contoso paid 30%"));

        Assert.Contains("Marked paid: 30,000", CardReader.Text(half));
        Assert.Contains("do not add up to it. Nothing was marked", CardReader.Text(wrong));
        await using var db = host.Db.Database.Open("tenant-a");
        var byDue = (await db.Milestones.AsNoTracking().ToListAsync()).OrderBy(m => m.DueOn).Select(m => (m.Amount, m.PaidOn)).ToList();
        Assert.Equal([(30_000m, Today), (20_000m, Today), (50_000m, null)], byDue);
    }

    [Theory]
    [InlineData("en-US", "Contoso paid", "Contoso delivery due next friday", "Contoso delivered")]
    [InlineData("zh-CN", "Contoso 已付", "Contoso 交付 到期 本周五", "Contoso 已交付")]
    public async Task PaidMarksTheNextPaymentAndDeliveredTheNextDelivery(string locale, string paid, string plan, string delivered)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await StartAsync();
        await host.SayAsync(rep, "new deal Contoso 100k");
        await host.SayAsync(rep, "Contoso payment 40000 due 2027-02-01");
        await host.SayAsync(rep, "Contoso payment 60000 due 2027-01-10");

        await host.SayAsync(rep, paid);
        await host.SayAsync(rep, plan);
        await host.SayAsync(rep, delivered);
        var again = Assert.Single(await host.SayAsync(rep, delivered));

        Assert.Contains(locale == "en-US" ? "Every delivery of this deal is delivered already." : "该商机的所有交付都已完成。", CardReader.Text(again));
        await using var db = host.Db.Database.Open("tenant-a");
        var milestones = await db.Milestones.AsNoTracking().ToListAsync();
        Assert.Equal(Today, milestones.Single(m => m.Amount == 60_000m).PaidOn);
        Assert.Null(milestones.Single(m => m.Amount == 40_000m).PaidOn);
        var delivery = milestones.Single(m => m.Kind == MilestoneKind.Delivery);
        Assert.Equal((new DateOnly(2027, 1, 22), (DateOnly?)Today), (delivery.DueOn, delivery.DeliveredOn));
    }

    [Theory]
    [InlineData("en-US", "Contoso paid lots", "could not read \"lots\" as a share")]
    [InlineData("en-US", "Contoso paid 150%", "not 150%")]
    [InlineData("en-US", "Contoso payment lots due 2027-02-01", "could not read \"lots\" as an amount")]
    [InlineData("en-US", "Contoso payment 3000 due someday", "could not read \"someday\" as a date")]
    [InlineData("en-US", "Contoso contract signed whenever", "could not read \"whenever\" as a date")]
    [InlineData("en-US", "Contoso contract signed 2027-01-15 http://contoso.example/contract.pdf", "must be an https address")]
    [InlineData("en-US", "Nobody paid 50%", "found no deal matching \"Nobody\"")]
    [InlineData("zh-CN", "Contoso 已付 很多", "无法把“很多”识别为合同的比例")]
    [InlineData("zh-CN", "Contoso 付款 很多 到期 2027-02-01", "无法把“很多”识别为金额")]
    [InlineData("zh-CN", "Contoso 交付 到期 明年某天", "无法把“明年某天”识别为日期")]
    public async Task WordsThatCannotBeActedOnAreRefusedAndChangeNothing(string locale, string text, string refusal)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await StartAsync();
        await host.SayAsync(rep, "new deal Contoso 100k");

        var card = Assert.Single(await host.SayAsync(rep, text));

        Assert.Contains(refusal, CardReader.Text(card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Milestones.AsNoTracking().ToListAsync());
        Assert.Null((await db.Opportunities.AsNoTracking().SingleAsync()).Contract);
    }

    [Theory]
    [InlineData("paid 50%")]
    [InlineData("contract signed 2027-01-15 for 100k")]
    [InlineData("payment 30000 due 2027-02-01")]
    [InlineData("已交付")]
    public async Task AHugeHostileMessageIsAnsweredQuicklyAndChangesNothing(string command)
    {
        await using var host = await StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 100k");
        var hostile = "Contoso " + string.Concat(Enumerable.Repeat("paid contract signed payment due 交付 <a href=\"x\">*_[", 2_000)) + " " + command;

        var watch = Stopwatch.StartNew();
        var cards = await host.SayAsync(Alex, hostile);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.NotEmpty(cards);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Milestones.AsNoTracking().ToListAsync());
        Assert.Null((await db.Opportunities.AsNoTracking().SingleAsync()).Contract);
    }
}

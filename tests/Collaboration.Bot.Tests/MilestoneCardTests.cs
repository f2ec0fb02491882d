using System.Text.Json.Nodes;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing.Node;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>The deal card's "Payments and delivery" part as the bot draws it from a database, in English and Chinese.</summary>
public sealed class MilestoneCardTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");

    [Theory]
    [InlineData("en-US", "Payments and delivery", "Contract signed 2027-01-15 · 100,000", "Payment 30,000", "⚠ overdue", "paid 2027-01-20", "Open the contract")]
    [InlineData("zh-CN", "付款与交付", "合同签署于 2027-01-15 · 100,000", "付款 30,000", "⚠ 已逾期", "已于 2027-01-20 付款", "打开合同")]
    public async Task TheDealCardShowsTheContractAndTheMilestonesWithOverdueOnesMarked(
        string locale, string title, string contract, string payment, string overdue, string paid, string open)
    {
        var rep = Alex with { Locale = locale };
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var cards = new List<JsonObject>();
        cards.AddRange(await host.SayAsync(rep, "new deal **Contoso** <at>x</at> 100k"));
        cards.AddRange(await host.SayAsync(rep, "Contoso contract signed 2027-01-15 https://contoso.sharepoint.com/c.pdf?a=1&b=<x>"));
        cards.AddRange(await host.SayAsync(rep, "Contoso payment 30000 due 2027-01-10"));
        cards.AddRange(await host.SayAsync(rep, "Contoso payment 70000 due 2027-03-01"));
        cards.AddRange(await host.SayAsync(rep, "Contoso delivery due 2027-02-01"));
        var shown = Assert.Single(await host.SayAsync(rep, "show Contoso"));
        cards.Add(shown);
        cards.AddRange(await host.SayAsync(rep, "Contoso paid"));
        var afterPaid = cards[^1];

        var text = CardReader.Text(shown);
        Assert.Contains(title, text);
        Assert.Contains(contract, text);
        Assert.Contains(payment, text);
        var overdueLine = CardReader.Walk(shown).Single(o => o["text"]?.GetValue<string>() is { } t && t.Contains(overdue, StringComparison.Ordinal));
        Assert.Equal("Attention", overdueLine["color"]!.GetValue<string>());
        Assert.Contains(payment, overdueLine["text"]!.GetValue<string>());
        var link = CardReader.Walk(shown).Single(o => o["type"]?.GetValue<string>() == "Action.OpenUrl");
        Assert.Equal(open, link["title"]!.GetValue<string>());
        Assert.StartsWith("https://contoso.sharepoint.com/c.pdf", link["url"]!.GetValue<string>());
        Assert.Contains(paid, CardReader.Text(afterPaid));
        Assert.DoesNotContain(overdue, CardReader.Text(afterPaid));

        var results = await CardValidator.ValidateAsync(cards.Select((c, i) => ($"{locale} #{i}", (object)c)));
        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
    }
}

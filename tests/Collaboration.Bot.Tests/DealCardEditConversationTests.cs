using System.Net;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>The deal card's Edit form and Timeline button, clicked through the real host against a real database.</summary>
public sealed class DealCardEditConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");

    private static readonly Dictionary<string, string> Form = new()
    {
        [CardData.EditName] = "Contoso – 80 seats",
        [CardData.EditAmount] = "48000",
        [CardData.EditCurrency] = "eur",
        [CardData.EditCloseDate] = "2027-01-31",
        [CardData.EditProbability] = "60",
        [CardData.EditNextStep] = "Send pricing",
        [CardData.EditNextStepDue] = "2026-12-18",
        [CardData.EditContact] = "priya@lumenfield.com",
    };

    [Fact]
    public async Task SubmittingTheEditFormChangesEveryFieldInOneChangeWithAHistoryRowEach()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso"))[0];
        await using var db = host.Db.Database.Open("tenant-a");
        var before = await db.Opportunities.AsNoTracking().SingleAsync();

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Edit), Form);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var text = CardReader.Text(answer.Card);
        Assert.Contains("Deal updated.", text);
        Assert.Contains("Contoso – 80 seats", text);
        Assert.Contains("Send pricing", text);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Equal("priya@lumenfield.com", (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == deal.PrimaryContactId)).Email);
        Assert.Equal(("Contoso – 80 seats", 48_000m, "EUR", new DateOnly(2027, 1, 31), 60), (deal.Name, deal.Amount, deal.Currency, deal.CloseDate, deal.ManualProbability));
        Assert.Equal(("Send pricing", new DateOnly(2026, 12, 18)), (deal.NextStep, deal.NextFollowUpOn));
        Assert.Equal(before.Version + 1, deal.Version);
        var changes = await db.OpportunityChanges.AsNoTracking().Where(c => c.ChangedAt > before.UpdatedAt).ToListAsync();
        foreach (var field in new[] { ChangedField.Name, ChangedField.Amount, ChangedField.Currency, ChangedField.CloseDate, ChangedField.Probability,
            ChangedField.NextStep, ChangedField.NextStepDue, ChangedField.PrimaryContact })
        {
            var change = Assert.Single(changes, c => c.Field == field);
            Assert.Equal(("aad-alex", ChangeSurface.Teams), (change.ChangedBy, change.Surface));
        }
        // The answer is the fresh card: its own form carries the new version.
        Assert.Equal(deal.Version, CardReader.Action(answer.Card, CardVerbs.Edit)["data"]![CardData.Version]!.GetValue<int>());
    }

    [Fact]
    public async Task EmptyInputsChangeNothingAndAnEmptyProbabilityFollowsTheStageAgain()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        var card = (await host.SayAsync(Alex, "Contoso probability 60"))[0];
        await using var db = host.Db.Database.Open("tenant-a");

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Edit), new Dictionary<string, string> { [CardData.EditProbability] = "" });

        Assert.Contains("Deal updated.", CardReader.Text(answer.Card));
        var deal = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Null(deal.ManualProbability);
        Assert.Equal((120_000m, "Contoso"), (deal.Amount, deal.Name));
        var unchanged = await host.ClickAsync(Alex, CardReader.Action(answer.Card, CardVerbs.Edit));
        Assert.Contains("Nothing changed.", CardReader.Text(unchanged.Card));
        Assert.Equal(deal.Version, (await db.Opportunities.AsNoTracking().SingleAsync()).Version);
    }

    [Fact]
    public async Task AStaleEditIsNotAppliedAndTheFreshCardSaysWhatChanged()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso"))[0];
        await host.SayAsync(Alex, "Contoso amount 10000");

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Edit), Form);

        var text = CardReader.Text(answer.Card);
        Assert.Contains("changed since", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Deal updated.", text);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Equal((10_000m, "Contoso"), (deal.Amount, deal.Name));
    }

    [Theory]
    [InlineData(CardData.EditProbability, "150", "Probability")]
    [InlineData(CardData.EditContact, "not-an-email@", "is not an email address")]
    [InlineData(CardData.EditCloseDate, "someday", "Close date")]
    public async Task AnUnusableValueRefusesTheWholeFormNamingTheField(string input, string value, string named)
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso"))[0];
        await using var db = host.Db.Database.Open("tenant-a");
        var before = await db.Opportunities.AsNoTracking().SingleAsync();
        var changes = await db.OpportunityChanges.CountAsync();

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Edit), new Dictionary<string, string>(Form) { [input] = value });

        Assert.Contains(named, CardReader.Text(answer.Card));
        Assert.DoesNotContain("Deal updated.", CardReader.Text(answer.Card));
        Assert.Equal(before.Version, (await db.Opportunities.AsNoTracking().SingleAsync()).Version);
        Assert.Equal(changes, await db.OpportunityChanges.CountAsync());
    }

    [Fact]
    public async Task AHugeSubmittedNameIsRefusedAndNothingIsSaved()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso"))[0];

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Edit), new Dictionary<string, string>
        {
            [CardData.EditName] = new string('x', 100_000),
            [CardData.EditAmount] = "5",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.DoesNotContain("Deal updated.", CardReader.Text(answer.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Equal(("Contoso", (decimal?)null), (deal.Name, deal.Amount));
    }

    [Fact]
    public async Task AChineseRepEditsInChinese()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Li, "新商机 Contoso"))[0];

        var answer = await host.ClickAsync(Li, CardReader.Action(card, CardVerbs.Edit), new Dictionary<string, string> { [CardData.EditAmount] = "48000" });

        var text = CardReader.Text(answer.Card);
        Assert.Contains("商机已更新。", text);
        Assert.Contains("最近动态", text);
        Assert.DoesNotContain("Deal updated", text);
    }

    [Fact]
    public async Task TheDealCardShowsTheNewestEntriesAndTheTimelineButtonListsThemAll()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");
        await host.SayAsync(Alex, "log call contoso: talked about *pricing*");
        for (var i = 1; i <= 6; i++) await host.SayAsync(Alex, $"Contoso amount {i}000");
        var card = (await host.SayAsync(Alex, "show contoso"))[0];

        var recent = CardReader.Text(card);
        Assert.Contains("Recent activity", recent);
        Assert.Contains("6000", recent);
        Assert.DoesNotContain("talked about", recent);

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Timeline));

        var timeline = CardReader.Text(answer.Card);
        Assert.Contains("Timeline of Contoso", timeline);
        Assert.Contains("talked about \\*pricing\\*", timeline);
        Assert.Contains("Alex Wilber", timeline);
        Assert.True(timeline.IndexOf("6000", StringComparison.Ordinal) < timeline.IndexOf("talked about", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task TheTimelineIsInChineseForAChineseRep()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Li, "新商机 Contoso");
        var card = (await host.SayAsync(Li, "Contoso 金额 4.8万"))[0];

        var answer = await host.ClickAsync(Li, CardReader.Action(card, CardVerbs.Timeline));

        var text = CardReader.Text(answer.Card);
        Assert.Contains("“Contoso”的时间线", text);
        Assert.Contains("李雷", text);
        Assert.DoesNotContain("Timeline of", text);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Collaboration.Testing.Playground;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Playground.Tests;

/// <summary>
/// Issue 15's journey end to end: a deal created from an email in Outlook (the real add-in backend, no amount) is
/// taken by chat alone, in the real Agents Playground, through every stage to Won: each refusal says what is missing,
/// the rep types it, and the deal moves on.
/// </summary>
public sealed class DealUpkeepPlaygroundTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    private AgentsPlayground Playground => fixture.Playground;

    [Fact]
    public async Task ADealCapturedFromAnEmailIsTakenByChatAloneThroughEveryStageToWon()
    {
        var tenant = Playground.Config.TenantId;
        var rep = Playground.Config.CurrentUser.AadObjectId ?? throw new InvalidOperationException("The Playground user has no aadObjectId.");
        await using var addin = AddinHost.Restart(fixture.Db);
        using var outlook = addin.RepClient(tenant, rep, name: Playground.Config.CurrentUser.Name ?? "Rep");
        var created = await outlook.PostAsJsonAsync("/api/opportunities/from-email", new
        {
            from = new { name = "Priya Raman", address = "priya@lumenfield.com" },
            to = new[] { new { name = "Rep", address = $"{rep}@seller.example" } },
            subject = "Lumenfield rollout",
            bodyText = "Hello, we would like a quote for 80 seats.",
            internetMessageId = "<journey-1@lumenfield.com>",
            receivedAt = DateTimeOffset.UtcNow,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dealId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Null((await DealAsync(dealId)).Amount);

        var card = await SayAsync("show lumenfield", "Lumenfield rollout");
        Assert.Contains("Recent activity", card);
        Assert.Contains("Hello, we would like a quote", card);

        var since = Playground.LastSequence;
        Assert.Contains("Moved to Qualify.", await SayAsync("advance lumenfield", "Moved to Qualify."));
        // In Qualify the bot asks for what it does not know yet.
        var prompt = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is { } c
            && Cards.Text(Cards.Parse(c)).Contains("Let's qualify Lumenfield rollout", StringComparison.Ordinal));
        Assert.True(Cards.HasExecute(Cards.Of(prompt), CardVerbs.Qualify));

        // The qualification bar stops it, and says what is missing; the rep answers each BANT item in chat.
        var gated = await SayAsync("advance lumenfield", "Not qualified enough to move on");
        Assert.Contains("Lumenfield rollout", gated);
        Assert.Contains("Qualification saved.", await SayAsync("lumenfield budget 48k confirmed", "Qualification saved."));
        Assert.Contains("Qualification saved.", await SayAsync("lumenfield decision maker Priya Raman", "Qualification saved."));
        Assert.Contains("Qualification saved.", await SayAsync("lumenfield need must have", "Qualification saved."));
        Assert.Contains("Qualification saved.", await SayAsync("lumenfield timeline this quarter", "Qualification saved."));

        Assert.Contains("Lumenfield rollout", await SayAsync("advance lumenfield", "Moved to Nurture."));
        Assert.Contains("Lumenfield rollout", await SayAsync("advance lumenfield", "Moved to Proposal."));

        // Proposal needs an amount the email never gave, Negotiation a close date: each is refused, then typed.
        var noAmount = await SayAsync("advance lumenfield", "Before leaving Proposal");
        Assert.Contains("Before leaving Proposal, fill in: amount", noAmount);
        var amount = await SayAsync("lumenfield amount 48k EUR", "Amount updated.");
        Assert.Contains("48,000 EUR", amount);
        Assert.Contains("Lumenfield rollout", await SayAsync("advance lumenfield", "Moved to Negotiation."));
        Assert.Contains("close date", await SayAsync("advance lumenfield", "Before leaving Negotiation"));
        Assert.Contains("Close date set to", await SayAsync("lumenfield close date 2027-01-31", "Close date set to"));
        Assert.Contains("Lumenfield rollout", await SayAsync("advance lumenfield", "Moved to Contract."));

        var won = await SayAsync("won lumenfield", "Closed as won");
        Assert.Contains("Closed as won. Congratulations!", won);

        var deal = await DealAsync(dealId);
        Assert.Equal((Stage.Won, 48_000m, "EUR", new DateOnly(2027, 1, 31)), (deal.Stage, deal.Amount, deal.Currency, deal.CloseDate));
        await using var db = fixture.Db.Database.Open(tenant);
        var stages = await db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == dealId && c.Field == ChangedField.Stage)
            .OrderBy(c => c.Id).Select(c => c.NewValue).ToListAsync();
        Assert.Equal(["new", "qualify", "nurture", "proposal", "negotiation", "contract", "won"], stages);

        // The won card's Timeline button tells the story, newest first.
        var wonMessage = Playground.GetBotMessages().Last(m => m.AdaptiveCard is { } c && Cards.Text(Cards.Parse(c)).Contains("Closed as won", StringComparison.Ordinal));
        var timeline = Cards.Parse(await Playground.ExecuteAsync(CardVerbs.Timeline, Cards.Execute(Cards.Of(wonMessage), CardVerbs.Timeline)["data"], wonMessage.MessageId) is var answer
            && answer.ValueKind == JsonValueKind.Object ? answer.GetProperty("value") : throw new InvalidOperationException("no answer"));
        var story = Cards.Text(timeline);
        Assert.Contains("Timeline of Lumenfield rollout", story);
        Assert.True(story.IndexOf("Won", StringComparison.Ordinal) < story.IndexOf("Qualify", StringComparison.Ordinal), story);
        Assert.Contains("Outlook", story);
        Assert.Contains("Teams", story);
    }

    /// <summary>Types <paramref name="text"/> and waits for the bot's card whose text contains <paramref name="expect"/>; returns that text.</summary>
    private async Task<string> SayAsync(string text, string expect)
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync(text);
        var message = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.Kind == PlaygroundMessageKind.Created
            && m.AdaptiveCard is { } card && Cards.Text(Cards.Parse(card)).Contains(expect, StringComparison.Ordinal));
        return Cards.Text(Cards.Of(message));
    }

    private async Task<Opportunity> DealAsync(Guid id)
    {
        await using var db = fixture.Db.Database.Open(Playground.Config.TenantId);
        return await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing.Node;
using Collaboration.Testing.Playground;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The CRM bot end to end: the real bot host and the real Microsoft 365 Agents Playground (msteams channel), driven the
/// way a rep uses it: typing in the personal chat and clicking the buttons of the cards the bot sent.
/// </summary>
public sealed class CrmBotPlaygroundTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    private AgentsPlayground Playground => fixture.Playground;

    private string TenantId => Playground.Config.TenantId;

    private string UserObjectId => Playground.Config.CurrentUser.AadObjectId
        ?? throw new InvalidOperationException("The Playground's current user has no aadObjectId.");

    /// <summary>What the rep types into each qualification input.</summary>
    private static readonly Dictionary<string, string> Qualification = new()
    {
        [CardData.BudgetAmount] = "120000",
        [CardData.BudgetStatus] = nameof(BudgetStatus.WillBuy),
        [CardData.DecisionMaker] = "Wang Fang",
        [CardData.Need] = nameof(NeedLevel.MustHave),
        [CardData.Timeline] = nameof(Timeframe.ThisQuarter),
    };

    [Fact]
    public async Task ARepCreatesQualifiesAndWinsADealThroughThePlayground()
    {
        var since = Playground.LastSequence;

        await Playground.SendMessageAsync("new deal Contoso 50 seats 120000 close 2026-12-31");

        var dealMessage = await WaitForCardAsync(since, card => Cards.Text(card).Contains("Deal created.", StringComparison.Ordinal));
        var promptMessage = await WaitForCardAsync(since, card => Cards.Text(card).Contains("Let's qualify", StringComparison.Ordinal));
        Assert.True(promptMessage.Sequence > dealMessage.Sequence, "the qualification prompt follows the deal card");
        var dealCard = Cards.Of(dealMessage);
        Assert.Contains("Contoso 50 seats", Cards.Text(dealCard));
        Assert.Contains("120,000", Cards.Text(dealCard));

        // The rep fills in the prompt's inputs and presses its button.
        var prompt = Cards.Of(promptMessage);
        var save = Cards.Execute(prompt, CardVerbs.Qualify);
        var inputs = Cards.InputIds(prompt);
        Assert.NotEmpty(inputs);
        Assert.All(inputs, id => Assert.True(Qualification.ContainsKey(id), $"the prompt asks for {id}, which this test does not answer"));
        var qualified = await ClickAsync(promptMessage.MessageId, save, inputs.ToDictionary(id => id, id => Qualification[id]));
        Assert.Contains("Qualification saved.", Cards.Text(qualified));

        Guid dealId;
        await using (var db = fixture.Db.Database.Open(TenantId))
        {
            var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "Contoso 50 seats");
            dealId = deal.Id;
            Assert.Equal(UserObjectId, deal.OwnerId);
            Assert.Equal(120_000m, deal.Amount);
            Assert.Equal(new DateOnly(2026, 12, 31), deal.CloseDate);
            Assert.Equal(BudgetStatus.WillBuy, deal.Bant.BudgetStatus);
            Assert.Equal("Wang Fang", deal.Bant.DecisionMakerName);
            Assert.Equal(NeedLevel.MustHave, deal.Bant.Need);
            Assert.Equal(Timeframe.ThisQuarter, deal.Bant.Timeframe);
            Assert.Equal(120_000m, deal.Bant.BudgetAmount);
            Assert.Contains($"{deal.QualificationScore}/100", Cards.Text(qualified));
        }

        // Advance with each new card's button (its data carries the deal id and the version it was drawn from) up to Contract.
        var card = qualified;
        var cardMessageId = promptMessage.MessageId;
        var shown = new List<string>();
        foreach (var expected in new[] { "Qualify", "Nurture", "Proposal", "Negotiation", "Contract" })
        {
            var advance = Cards.Execute(card, CardVerbs.Advance);
            Assert.Equal(dealId.ToString(), advance["data"]![CardData.DealId]!.GetValue<string>());
            Assert.Equal(await VersionAsync(dealId), advance["data"]![CardData.Version]!.GetValue<int>());
            card = await ClickAsync(cardMessageId, advance);
            Assert.Contains($"Moved to {expected}.", Cards.Text(card));
            shown.Add(expected);
        }

        // Closing as won: the card's won form, with the final amount and close date.
        var won = Cards.Execute(card, CardVerbs.Won);
        Assert.Equal(["wonAmount", "wonDate"], Cards.InputIds(Cards.ShowCardHolding(card, won)));
        card = await ClickAsync(cardMessageId, won, new Dictionary<string, string> { [CardData.WonAmount] = "118000", [CardData.WonDate] = "2026-12-20" });
        Assert.Contains("Closed as won", Cards.Text(card));
        Assert.False(Cards.HasExecute(card, CardVerbs.Advance));

        // Everyone in the chat sees the card of the clicked message replaced too.
        await Playground.WaitForBotMessageAsync(m => m.Kind == PlaygroundMessageKind.Updated && m.MessageId == cardMessageId
            && m.AdaptiveCard is { } updated && Cards.Text(Cards.Parse(updated)).Contains("Closed as won", StringComparison.Ordinal));

        await using (var db = fixture.Db.Database.Open(TenantId))
        {
            var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == dealId);
            Assert.Equal(Stage.Won, deal.Stage);
            Assert.Equal(118_000m, deal.Amount);
            Assert.Equal(new DateOnly(2026, 12, 20), deal.CloseDate);
            var history = await db.OpportunityChanges.AsNoTracking()
                .Where(c => c.OpportunityId == dealId && c.Field == ChangedField.Stage).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(["new", "qualify", "nurture", "proposal", "negotiation", "contract", "won"], history.Select(h => h.NewValue));
            var changes = await db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == dealId).ToListAsync();
            Assert.All(changes, c => Assert.Equal(ChangeSurface.Teams, c.Surface));
            Assert.All(changes, c => Assert.Equal(UserObjectId, c.ChangedBy));
            var reference = await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == Playground.ConversationId);
            Assert.Equal(Playground.ServiceUrl, reference.ServiceUrl);
            Assert.Equal(UserObjectId, reference.UserObjectId);
        }

        // Every card the Playground received in this conversation is one the official library reads cleanly.
        var received = Playground.GetBotMessages().Where(m => m.Sequence > since && m.AdaptiveCard is not null)
            .Select(m => ($"#{m.Sequence} {m.Kind} {m.MessageId}", (object)m.AdaptiveCard!.Value)).ToList();
        Assert.True(received.Count >= 8, $"only {received.Count} cards arrived");
        var problems = (await CardValidator.ValidateAsync(received)).Where(r => !r.IsValid).SelectMany(r => r.Problems.Select(p => $"{r.Name}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task TheSameCardActionExecutedTwiceChangesTheDealOnce()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("new deal Northwind pilot 30000");
        var dealMessage = await WaitForCardAsync(since, card => Cards.Text(card).Contains("Northwind pilot", StringComparison.Ordinal)
            && Cards.Text(card).Contains("Deal created.", StringComparison.Ordinal));
        var advance = Cards.Execute(Cards.Of(dealMessage), CardVerbs.Advance);

        var first = await ClickAsync(dealMessage.MessageId, advance);
        var second = await ClickAsync(dealMessage.MessageId, advance);

        Assert.Contains("Moved to Qualify.", Cards.Text(first));
        var stale = Cards.Text(second);
        Assert.Contains("This deal changed since this card was shown", stale);
        Assert.Contains("Stage: New → Qualify", stale);
        Assert.Contains("Advance to Nurture", stale);
        Assert.NotEqual(advance["data"]![CardData.Version]!.GetValue<int>(), Cards.Execute(second, CardVerbs.Advance)["data"]![CardData.Version]!.GetValue<int>());
        await using var db = fixture.Db.Database.Open(TenantId);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "Northwind pilot");
        Assert.Equal(Stage.Qualify, deal.Stage);
        Assert.Equal(["new", "qualify"], await db.OpportunityChanges.AsNoTracking()
            .Where(c => c.OpportunityId == deal.Id && c.Field == ChangedField.Stage).OrderBy(c => c.Id).Select(c => c.NewValue).ToListAsync());
    }

    [Fact]
    public async Task AGatedStageMoveIsRefusedAndTheOverrideWithAReasonMovesIt()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("new deal Litware expansion 45000");
        var dealMessage = await WaitForCardAsync(since, card => Cards.Text(card).Contains("Litware expansion", StringComparison.Ordinal)
            && Cards.Text(card).Contains("Deal created.", StringComparison.Ordinal));

        // The rep opens "choose stage", picks Proposal, and presses Move: the BANT gate refuses, in the card.
        var move = Cards.Execute(Cards.Of(dealMessage), CardVerbs.Move);
        var gated = await ClickAsync(dealMessage.MessageId, move, new Dictionary<string, string> { [CardData.Stage] = "proposal" });
        Assert.Contains("Not qualified enough to move on", Cards.Text(gated));
        Assert.Contains("below the required 50", Cards.Text(gated));
        Assert.Contains(CardData.GateReason, Cards.InputIds(gated));

        // ... and the override button under the reason input moves it, keeping the reason.
        var moveAnyway = Cards.Walk(gated["body"]).Where(o => o["type"]?.GetValue<string>() == "ActionSet")
            .SelectMany(o => o["actions"]!.AsArray().OfType<JsonObject>()).Single(a => a["verb"]?.GetValue<string>() == CardVerbs.Move);
        var moved = await ClickAsync(dealMessage.MessageId, moveAnyway, new Dictionary<string, string> { [CardData.GateReason] = "Strategic account" });

        Assert.Contains("Moved to Proposal.", Cards.Text(moved));
        await using var db = fixture.Db.Database.Open(TenantId);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "Litware expansion");
        Assert.Equal(Stage.Proposal, deal.Stage);
        Assert.Equal("Strategic account", deal.QualificationOverrideReason);
    }

    [Fact]
    public async Task AnOlderClientClickingTheSubmitFallbackGetsTheSameChange()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("new deal Tailspin upgrade 15000");
        var dealMessage = await WaitForCardAsync(since, card => Cards.Text(card).Contains("Tailspin upgrade", StringComparison.Ordinal)
            && Cards.Text(card).Contains("Deal created.", StringComparison.Ordinal));
        var fallback = Cards.Execute(Cards.Of(dealMessage), CardVerbs.Log)["fallback"]!.AsObject();
        Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
        var value = fallback["data"]!.DeepClone().AsObject();
        value[CardData.Kind] = "Meeting";
        value[CardData.Text] = "Demo went well";
        var before = Playground.LastSequence;

        await Playground.SubmitAsync(value, dealMessage.MessageId);

        await WaitForCardAsync(before, card => Cards.Text(card).Contains("Meeting logged.", StringComparison.Ordinal));
        await Playground.WaitForBotMessageAsync(m => m.Sequence > before && m.Kind == PlaygroundMessageKind.Updated && m.MessageId == dealMessage.MessageId);
        await using var db = fixture.Db.Database.Open(TenantId);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "Tailspin upgrade");
        var interaction = await db.Interactions.AsNoTracking().SingleAsync(i => i.OpportunityId == deal.Id);
        Assert.Equal("Demo went well", interaction.Summary);
    }

    [Fact]
    public async Task AChineseMessageGetsAChineseReply()
    {
        var since = Playground.LastSequence;

        await Playground.SendMessageAsync("我的商机", locale: "zh-CN");

        var reply = await WaitForCardAsync(since, _ => true);
        var text = Cards.Text(Cards.Of(reply));
        Assert.Contains("您的未关闭商机", text);
        Assert.DoesNotContain("Your open deals", text);
        Assert.DoesNotContain("I did not understand", text);
    }

    [Fact]
    public async Task ADealCreatedInChineseGetsChineseCardsAndIsSaved()
    {
        var since = Playground.LastSequence;

        await Playground.SendMessageAsync("新商机 华东项目 12万 成交 2026-12-31", locale: "zh-CN");

        var created = await WaitForCardAsync(since, card => Cards.Text(card).Contains("商机已创建。", StringComparison.Ordinal));
        var prompt = await WaitForCardAsync(since, card => Cards.Text(card).Contains("请完善", StringComparison.Ordinal));
        Assert.Contains("推进到资格审核", Cards.Text(Cards.Of(created)));
        Assert.DoesNotContain("Advance to", Cards.Text(Cards.Of(created)));
        Assert.True(Cards.HasExecute(Cards.Of(prompt), CardVerbs.Qualify));
        await using var db = fixture.Db.Database.Open(TenantId);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == "华东项目");
        Assert.Equal(120_000m, deal.Amount);
        Assert.Equal(UserObjectId, deal.OwnerId);
    }

    private Task<PlaygroundMessage> WaitForCardAsync(long since, Func<JsonObject, bool> predicate) =>
        Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.Kind == PlaygroundMessageKind.Created
            && m.AdaptiveCard is { } card && predicate(Cards.Parse(card)));

    /// <summary>
    /// Presses an Action.Execute of the card in message <paramref name="messageId"/>: its verb, its data and the values
    /// typed into the card's inputs, as the Playground's UI sends them. Returns the card the bot answered with.
    /// </summary>
    private async Task<JsonObject> ClickAsync(string messageId, JsonObject action, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        var answer = await Playground.ExecuteAsync(action["verb"]!.GetValue<string>(), data, messageId);
        Assert.True(answer.ValueKind == JsonValueKind.Object, $"the invoke answer is {answer.ValueKind}");
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        return Cards.Parse(answer.GetProperty("value"));
    }

    private async Task<int> VersionAsync(Guid dealId)
    {
        await using var db = fixture.Db.Database.Open(TenantId);
        return (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == dealId)).Version;
    }
}

/// <summary>Reads cards the way a rep does: the text shown, the buttons and the inputs.</summary>
internal static class Cards
{
    public static JsonObject Parse(JsonElement card) => JsonNode.Parse(card.GetRawText())!.AsObject();

    public static JsonObject Of(PlaygroundMessage message) =>
        Parse(message.AdaptiveCard ?? throw new InvalidOperationException($"Message {message} has no Adaptive Card."));

    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (key, child) in obj)
            {
                if (key == "data")
                {
                    continue;
                }

                foreach (var inner in Walk(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in Walk(item))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? TypeOf(JsonObject o) => o["type"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool HasExecute(JsonObject card, string verb) =>
        Walk(card).Any(o => TypeOf(o) == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    public static JsonObject Execute(JsonObject card, string verb) =>
        Walk(card).FirstOrDefault(o => TypeOf(o) == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
        ?? throw new InvalidOperationException($"The card has no Action.Execute with verb {verb}:{Environment.NewLine}{Text(card)}");

    /// <summary>The card an Action.ShowCard opens, when <paramref name="action"/> is one of its buttons.</summary>
    public static JsonObject ShowCardHolding(JsonObject card, JsonObject action) =>
        Walk(card).Where(o => TypeOf(o) == "Action.ShowCard").Select(o => o["card"]!.AsObject())
            .First(sub => Walk(sub).Any(o => ReferenceEquals(o, action)));

    /// <summary>The ids of the inputs on the card itself (not those of the forms its Action.ShowCard buttons open).</summary>
    public static List<string> InputIds(JsonObject card) =>
        [.. Walk(card["body"]).Where(o => TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(o => o["id"]!.GetValue<string>())];

    public static string Text(JsonObject card) => string.Join("\n", Walk(card)
        .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
        .OfType<JsonValue>()
        .Where(v => v.GetValueKind() == JsonValueKind.String)
        .Select(v => v.GetValue<string>()));
}

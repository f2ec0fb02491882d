using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing.Node;

namespace Collaboration.Bot.Cards.Tests;

/// <summary>The deal card's Edit form, its timeline and the reopen prompt, as JSON and as the official library reads them.</summary>
public sealed class DealEditCardTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly CardContext En = new("en-US", At);
    private static readonly CardContext Zh = new("zh-CN", At);
    private const string Hostile = "**x** <at>y</at> [a](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}";

    private static DealView Deal(Stage stage = Stage.Proposal) => new(
        Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-000000000001"), "Contoso – 50 seats", "Contoso Ltd", stage, 48_000m, "EUR", 60, 28_800m,
        new DateOnly(2027, 1, 31), 70, Rating.Warm, [], [], "Send pricing", At.AddDays(-1), 7, new Bant(), null, null, PipelineSettings.Default)
    {
        ManualProbability = 60,
        NextStepDue = new DateOnly(2026, 12, 4),
        PrimaryContactEmail = "priya@lumenfield.com",
        Recent =
        [
            new DealTimelineEntry(At, TimelineKind.Change, "Alex Wilber", "aad-alex", ChangeSurface.Teams, "Name: " + Hostile + " → Contoso – 50 seats", "name"),
            new DealTimelineEntry(At.AddMinutes(-5), TimelineKind.Interaction, Hostile, "aad-x", ChangeSurface.Outlook, "Call: " + Hostile),
        ],
    };

    private static JsonObject EditForm(JsonObject card) =>
        CardText(card).OfType<JsonObject>().Single(o => (string?)o["type"] == "Action.ShowCard" && (string?)o["title"] == BotTexts.T("action.edit", "en-US"))["card"]!.AsObject();

    private static IEnumerable<JsonNode?> CardText(JsonNode? node) => node switch
    {
        JsonObject o => new[] { node }.Concat(o.SelectMany(p => CardText(p.Value))),
        JsonArray a => a.SelectMany(CardText),
        _ => [],
    };

    [Fact]
    public void TheEditFormHasEveryFieldWithTheDealsValues()
    {
        var form = EditForm(DealCards.Deal(Deal(), En));

        var inputs = form["body"]!.AsArray().Select(i => ((string)i!["type"]!, (string)i["id"]!)).ToList();
        Assert.Equal(
        [
            ("Input.Text", CardData.EditName), ("Input.Number", CardData.EditAmount), ("Input.Text", CardData.EditCurrency),
            ("Input.Date", CardData.EditCloseDate), ("Input.Number", CardData.EditProbability), ("Input.Text", CardData.EditNextStep),
            ("Input.Date", CardData.EditNextStepDue), ("Input.Text", CardData.EditContact), ("Input.ChoiceSet", CardData.EditOwner),
        ], inputs);
        JsonNode Input(string id) => form["body"]!.AsArray().Single(i => (string)i!["id"]! == id)!;
        Assert.Equal(48_000m, Input(CardData.EditAmount)["value"]!.GetValue<decimal>());
        Assert.Equal("EUR", (string)Input(CardData.EditCurrency)["value"]!);
        Assert.Equal("2027-01-31", (string)Input(CardData.EditCloseDate)["value"]!);
        Assert.Equal(60, Input(CardData.EditProbability)["value"]!.GetValue<int>());
        Assert.Equal("2026-12-04", (string)Input(CardData.EditNextStepDue)["value"]!);
        Assert.Equal("priya@lumenfield.com", (string)Input(CardData.EditContact)["value"]!);
        Assert.Equal(Opportunity.MaxNameLength, Input(CardData.EditName)["maxLength"]!.GetValue<int>());
        // User text as a placeholder, not a value: an empty name changes nothing, and the defused text is never saved back.
        Assert.Equal("Contoso – 50 seats", (string)Input(CardData.EditName)["placeholder"]!);
        Assert.Null(Input(CardData.EditName)["value"]);
    }

    [Fact]
    public void TheOwnerIsAPeoplePickerTeamsFillsFromTheTenantsUsers()
    {
        var owner = EditForm(DealCards.Deal(Deal(), En))["body"]!.AsArray().Single(i => (string)i!["id"]! == CardData.EditOwner)!;

        Assert.Equal("Data.Query", (string)owner["choices.data"]!["type"]!);
        Assert.Equal("graph.microsoft.com/users", (string)owner["choices.data"]!["dataset"]!);
        Assert.False(owner["isMultiSelect"]!.GetValue<bool>());
        Assert.Null(owner["value"]);
    }

    [Fact]
    public void TheFormIsSubmittedByExecuteCarryingTheDealAndTheVersionItWasDrawnFrom()
    {
        var save = EditForm(DealCards.Deal(Deal(), En))["actions"]![0]!;

        Assert.Equal("Action.Execute", (string)save["type"]!);
        Assert.Equal(CardVerbs.Edit, (string)save["verb"]!);
        Assert.Equal("6f1c2a9e-2b1d-4c55-9a0b-000000000001", (string)save["data"]![CardData.DealId]!);
        Assert.Equal(7, save["data"]![CardData.Version]!.GetValue<int>());
        Assert.Equal(At, DateTimeOffset.Parse((string)save["data"]![CardData.RenderedAt]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Action.Submit", (string)save["fallback"]!["type"]!);
        Assert.True(JsonNode.DeepEquals(save["data"], save["fallback"]!["data"]));
    }

    [Fact]
    public void AClosedDealOffersReopenAndTheTimelineButNoEditForm()
    {
        var card = DealCards.Deal(Deal(Stage.Lost), En);

        var actions = CardText(card).OfType<JsonObject>().Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true).ToList();
        Assert.DoesNotContain(actions, a => (string?)a["verb"] == CardVerbs.Edit);
        Assert.Contains(actions, a => (string?)a["verb"] == CardVerbs.Reopen);
        Assert.Contains(actions, a => (string?)a["verb"] == CardVerbs.Timeline);
    }

    [Fact]
    public void TimelineEntriesShowUserTextLiterallyNeverAsMarkdownLinksOrMentions()
    {
        foreach (var card in new[] { DealCards.Deal(Deal(), En), DealCards.Timeline(Deal(), Deal().Recent, En) })
        {
            var texts = CardText(card).OfType<JsonObject>().Where(o => (string?)o["type"] == "TextBlock").Select(o => (string)o["text"]!).ToList();
            var entry = Assert.Single(texts, t => t.StartsWith("Call: ", StringComparison.Ordinal));
            Assert.Contains("\\*\\*x\\*\\*", entry);
            Assert.Contains("\\[a\\]\\(javascript:alert\\(1\\)\\)", entry);
            Assert.DoesNotContain("<at>", string.Join("\n", texts), StringComparison.Ordinal);
            Assert.DoesNotContain("{{DATE", string.Join("\n", texts), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheDealCardShowsOnlyTheNewestFiveEntriesAndTheTimelineCardIsBounded()
    {
        var many = Enumerable.Range(0, 80).Select(i => new DealTimelineEntry(At.AddMinutes(-i), TimelineKind.Interaction, "Alex", "aad-alex",
            ChangeSurface.Teams, $"Note: entry {i} " + new string('x', 5_000))).ToList();

        var card = DealCards.Deal(Deal() with { Recent = many }, En);
        var timeline = DealCards.Timeline(Deal(), many, En);

        var onCard = CardText(card).OfType<JsonObject>().Count(o => ((string?)o["text"])?.StartsWith("Note: entry", StringComparison.Ordinal) == true);
        Assert.Equal(DealCards.RecentEntries, onCard);
        var listed = CardText(timeline).OfType<JsonObject>().Count(o => ((string?)o["text"])?.StartsWith("Note: entry", StringComparison.Ordinal) == true);
        Assert.Equal(DealCards.TimelineEntries, listed);
        Assert.True(timeline.ToJsonString().Length < 40_000, $"the timeline card is {timeline.ToJsonString().Length} characters");
    }

    [Fact]
    public async Task TheCardsReadCleanlyInTheOfficialLibraryInBothLanguages()
    {
        var deal = Deal();
        var results = await CardValidator.ValidateAsync(
        [
            ("deal-edit-en", DealCards.Deal(deal, En)),
            ("deal-edit-zh", DealCards.Deal(deal, Zh)),
            ("deal-closed-zh", DealCards.Deal(Deal(Stage.Won), Zh)),
            ("timeline-en", DealCards.Timeline(deal, deal.Recent, En)),
            ("timeline-empty-zh", DealCards.Timeline(deal, [], Zh)),
            ("reopen-prompt-en", DealCards.ReopenPrompt(Deal(Stage.Lost), En)),
            ("reopen-prompt-zh", DealCards.ReopenPrompt(Deal(Stage.Lost), Zh)),
        ]);

        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
    }

    [Fact]
    public void TheChineseFormIsInChinese()
    {
        var card = DealCards.Deal(Deal(), Zh);
        var json = card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Contains("\"编辑\"", json);
        Assert.Contains("时间线", json);
        Assert.Contains("最近动态", json);
        Assert.Contains("负责人", json);
        Assert.DoesNotContain("Recent activity", json);
    }
}

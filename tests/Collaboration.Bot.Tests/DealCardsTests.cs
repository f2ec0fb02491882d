using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Bot.Tests.Samples;

namespace Collaboration.Bot.Tests;

public sealed class DealCardsTests
{
    public static TheoryData<string> SampleNames() => [.. DealCardSamples.All().Select(s => s.Name)];

    private static JsonObject Sample(string name) => DealCardSamples.All().Single(s => s.Name == name).Card;

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EverySampleIsAValidVersion15Card(string name)
    {
        var json = Sample(name).ToJsonString();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("AdaptiveCard", root.GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("version").GetString());
        Assert.Equal(DealCards.Schema, root.GetProperty("$schema").GetString());
        Assert.True(root.GetProperty("body").GetArrayLength() > 0);
        Assert.True(json.Length < 40_000, $"{name} is {json.Length} characters");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void EveryExecuteActionFallsBackToASubmitWithTheSameData(string name)
    {
        foreach (var action in CardReader.Walk(Sample(name)).Where(o => o["type"]?.GetValue<string>() == "Action.Execute"))
        {
            var fallback = action["fallback"]!.AsObject();
            Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(action["data"], fallback["data"]));
            Assert.Equal(action["verb"]!.GetValue<string>(), action["data"]!["verb"]!.GetValue<string>());
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void InputIdsAreUniqueWithinACard(string name)
    {
        var ids = CardReader.Walk(Sample(name))
            .Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(o => o["id"]!.GetValue<string>())
            .ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void NoCardEverCarriesAMentionTag(string name) =>
        Assert.DoesNotContain("<at>", Sample(name).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void SamplesCoverEveryKindOfCard()
    {
        var names = DealCardSamples.All().Select(s => s.Name).ToList();
        foreach (var kind in new[] { "deal-en", "deal-zh", "pick-list-en", "qualification-prompt-en", "help-en", "help-zh", "not-found-en", "error-zh", "deal-stale-en", "deal-gated-en", "deal-list-en" })
        {
            Assert.Contains(kind, names);
        }
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void SamplesAreDeterministic() =>
        Assert.Equal(
            DealCardSamples.All().Select(s => s.Card.ToJsonString()),
            DealCardSamples.All().Select(s => s.Card.ToJsonString()));

    [Fact]
    public void DealCardActionsCarryDealIdVersionAndRenderTime()
    {
        var card = Sample("deal-en");
        var verbs = new[] { CardVerbs.Advance, CardVerbs.Move, CardVerbs.Qualify, CardVerbs.Log, CardVerbs.Won, CardVerbs.Lost };
        foreach (var verb in verbs)
        {
            var data = CardReader.Action(card, verb)["data"]!;
            Assert.Equal("6f1c2a9e-2b1d-4c55-9a0b-000000000001", data[CardData.DealId]!.GetValue<string>());
            Assert.Equal(4, data[CardData.Version]!.GetValue<int>());
            Assert.Equal("2026-11-26T09:00:00.0000000+00:00", data[CardData.RenderedAt]!.GetValue<string>());
        }
        Assert.Equal(6, card["actions"]!.AsArray().Count);
    }

    [Fact]
    public void DealCardShowsTheFivePhasesProbabilityWeightedAmountScoreAndGaps()
    {
        var text = CardReader.Text(Sample("deal-en"));
        foreach (var phase in new[] { "Capture", "Qualify", "Nurture", "Convert", "Closed" }) Assert.Contains(phase, text);
        Assert.Contains("120,000 USD", text);
        Assert.Contains("12,000 USD", text);
        Assert.Contains("10%", text);
        Assert.Contains("30/100", text);
        Assert.Contains("budget status, decision maker, timeline", text);
        Assert.Contains("Send the pricing sheet", text);
        Assert.Contains("Advance to Nurture", text);
    }

    [Fact]
    public void ChineseDealCardIsInChineseWithTheTenantsStageNames()
    {
        var text = CardReader.Text(Sample("deal-zh"));
        Assert.Contains("资格审核", text);
        Assert.Contains("推进到培育", text);
        Assert.Contains("预算状态、决策人、时间表", text);
        Assert.Contains("加权金额", text);
        Assert.DoesNotContain("Advance", text);
    }

    [Fact]
    public void HostileNamesAreShownLiterallyNeverAsMarkdownLinksOrMentions()
    {
        var card = Sample("deal-hostile-en");
        var title = CardReader.Walk(card).First(o => o["size"]?.GetValue<string>() == "Large")["text"]!.GetValue<string>();
        Assert.Equal(@"\*\*x\*\* \<at\>y\</at\> \[a\]\(javascript:alert\(1\)\) {" + "\u200B" + @"{DATE\(2026-01-01T00:00:00Z, SHORT\)}}", title);
        // Markdown and {{DATE()}} are read only in TextBlock and FactSet text; inputs show their text as it is.
        var shown = string.Join("\n", CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>())
            .Concat(CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "FactSet").SelectMany(o => o["facts"]!.AsArray()).Select(f => f!["value"]!.GetValue<string>())));
        Assert.DoesNotContain("](javascript", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("{{DATE", shown, StringComparison.Ordinal);
        var nameInput = CardReader.Walk(card).Single(o => o["id"]?.GetValue<string>() == CardData.EditName);
        Assert.Equal("**x** <\u2060at>y<\u2060/at> [a](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}", nameInput["placeholder"]!.GetValue<string>());
        Assert.DoesNotContain("<at>", card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void PickListOffersEveryCandidateAndKeepsTheCommand()
    {
        var card = Sample("pick-list-en");
        var choices = CardReader.Walk(card).First(o => o["id"]?.GetValue<string>() == CardData.DealId)["choices"]!.AsArray();
        Assert.Equal(2, choices.Count);
        Assert.Equal("move contoso to proposal", CardReader.Action(card, CardVerbs.Pick)["data"]![CardData.Command]!.GetValue<string>());
    }

    [Fact]
    public void QualificationPromptAsksOnlyForTheGaps()
    {
        var ids = CardReader.Walk(Sample("qualification-prompt-en"))
            .Where(o => o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(o => o["id"]!.GetValue<string>())
            .ToList();
        Assert.Equal([CardData.BudgetStatus, CardData.DecisionMaker, CardData.Timeline], ids);
    }

    [Fact]
    public void GatedCardOffersAnOverrideWithAReason()
    {
        var card = Sample("deal-gated-en");
        var overrideAction = CardReader.Walk(card).First(o => o["type"]?.GetValue<string>() == "ActionSet")["actions"]![0]!;
        Assert.Equal("nurture", overrideAction["data"]![CardData.Target]!.GetValue<string>());
        Assert.Contains(CardReader.Walk(card), o => o["id"]?.GetValue<string>() == CardData.GateReason);
    }

    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("**bold**", @"\*\*bold\*\*")]
    [InlineData("- list", @"\- list")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("a_b", @"a\_b")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("华东项目", "华东项目")]
    [InlineData("12 seats", "12 seats")]
    [InlineData("2026.12", @"2026\.12")]
    [InlineData("  padded  ", "padded")]
    [InlineData("=SUM(A1)", @"\=SUM\(A1\)")]
    [InlineData("+1 555", @"\+1 555")]
    [InlineData("a{b}", "a{b}")]
    [InlineData("a{{b}}", "a{\u200B{b}}")]
    [InlineData("tab\there", "tab here")]
    [InlineData("", "")]
    public void MarkdownEscaping(string text, string expected) => Assert.Equal(expected, CardText.Markdown(text));

    [Fact]
    public void PlainTextDefusesMentionsOnly() => Assert.Equal("<\u2060at>y<\u2060/at> *x*", CardText.Plain("<at>y</at> *x*"));
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Bot.Tests.Samples;
using Collaboration.Testing.Node;

namespace Collaboration.Bot.Tests;

public sealed class ReportCardsTests
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task EveryReportReviewAndDigestCardPassesTheOfficialParser()
    {
        var samples = ReportCardSamples.All();

        var results = await CardValidator.ValidateAsync(samples.Select(s => (s.Name, (object)s.Card)));

        Assert.All(results, r => Assert.True(r.IsValid, $"{r.Name}: {string.Join("; ", r.Problems)}"));
        Assert.Equal(24, results.Count);
    }

    [Fact]
    public void CardsAreVersion15BelowTheTeamsSizeLimitWithSmallPngCharts()
    {
        foreach (var (name, card) in ReportCardSamples.All())
        {
            Assert.Equal("1.5", card["version"]!.GetValue<string>());
            var json = card.ToJsonString();
            Assert.True(json.Length < 60_000, $"{name} is {json.Length} characters");
            foreach (var image in CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "Image"))
            {
                var url = image["url"]!.GetValue<string>();
                Assert.StartsWith("data:image/png;base64,", url);
                Assert.True(url.Length < 30_000, $"{name} has a {url.Length}-character image");
                Assert.False(string.IsNullOrWhiteSpace(image["altText"]?.GetValue<string>()));
            }
        }
        foreach (var kind in new[] { "pipeline-en", "forecast-zh", "win-rate-en", "loss-reasons-zh", "digest-en" })
        {
            Assert.Contains(CardReader.Walk(ReportCardSamples.All().Single(s => s.Name == kind).Card), o => o["type"]?.GetValue<string>() == "Image");
        }
    }

    [Fact]
    public void UserTextNeverBecomesMarkdownLinksOrMentions()
    {
        foreach (var (name, card) in ReportCardSamples.All())
        {
            Assert.DoesNotContain("<at>", card.ToJsonString(Raw), StringComparison.OrdinalIgnoreCase);
            // Markdown is read in TextBlock text and FactSet values; input values are plain text.
            var rendered = CardReader.Walk(card)
                .Where(o => o["type"]?.GetValue<string>() == "TextBlock" || (o["title"] is not null && o["value"] is not null && o["type"] is null))
                .SelectMany(o => new[] { o["text"], o["value"], o["title"] }).OfType<JsonValue>().Select(v => v.GetValue<string>());
            foreach (var text in rendered)
            {
                Assert.DoesNotContain("[x](https", text, StringComparison.Ordinal);
                Assert.DoesNotContain("**Bold**", text, StringComparison.Ordinal);
                Assert.DoesNotContain("{{DATE", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void TheFunnelListsStagesInPipelineOrderWithLocalizedNames()
    {
        var en = CardReader.Text(ReportCardSamples.All().Single(s => s.Name == "pipeline-en").Card);
        var zh = CardReader.Text(ReportCardSamples.All().Single(s => s.Name == "pipeline-zh").Card);

        Assert.True(en.IndexOf("New", StringComparison.Ordinal) < en.IndexOf("Contract", StringComparison.Ordinal));
        Assert.Contains("40 entered · 25 moved on · 6 won", en);
        Assert.Contains("Team · This quarter (2026-10-01 – 2026-12-31)", en);
        Assert.Contains("销售漏斗", zh);
        Assert.Contains("进入 40 · 推进 25 · 赢单 6", zh);
    }

    [Fact]
    public void TheReviewPromptRecordsThroughAnExecuteActionWithASubmitFallback()
    {
        var card = ReportCardSamples.All().Single(s => s.Name == "review-prompt-lost-en").Card;

        var action = CardReader.Action(card, ReportCards.ReviewVerb);
        Assert.Equal("Action.Submit", action["fallback"]!["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(action["data"], action["fallback"]!["data"]));
        Assert.NotNull(action["data"]![CardData.DealId]);
        var inputs = CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "Input.Text").Select(o => o["id"]!.GetValue<string>());
        Assert.Equal([ReportCards.Factors, ReportCards.Competitor, ReportCards.Lessons], inputs);
        Assert.Contains(CardReader.Walk(card), o => o["label"]?.GetValue<string>() == "Causes of the loss (one per line)");
        Assert.Equal("**Bold** [x](https://evil.example) <\u2060at>Boss<\u2060/at> {{DATE(2026-01-01)}}",
            CardReader.Walk(card).Single(o => o["id"]?.GetValue<string>() == ReportCards.Competitor)["value"]!.GetValue<string>());
    }
}

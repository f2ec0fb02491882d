using System.Text.Json.Nodes;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Tests.Samples;

/// <summary>Every report card with sample data, in both languages, for validation and review.</summary>
public static class ReportCardSamples
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var pipeline = PipelineSettings.Default;
        var heading = new ReportHeading(ReportPeriod.ThisQuarter, ReportScope.Team, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        var hostile = "**Bold** [x](https://evil.example) <at>Boss</at> {{DATE(2026-01-01)}}";
        var names = new Dictionary<string, string> { ["ann"] = "Ann Lee", ["carl"] = hostile, ["li"] = "李雷" };
        var conversion = new ConversionReport(at,
        [
            new(null, null, null, null, Stage.New, 40, 25, 6), new(null, null, null, null, Stage.Qualify, 25, 18, 6),
            new(null, null, null, null, Stage.Nurture, 18, 12, 5), new(null, null, null, null, Stage.Proposal, 12, 9, 5),
            new(null, null, null, null, Stage.Negotiation, 9, 7, 5), new(null, null, null, null, Stage.Contract, 7, 5, 5),
        ]);
        var forecast = new ForecastReport(at,
        [
            new("2026-10", null, null, null, ForecastCategory.Won, "USD", 3, 150_000m, 150_000m),
            new("2026-11", null, null, null, ForecastCategory.Commit, "USD", 4, 220_000m, 176_000m),
            new("2026-12", null, null, null, ForecastCategory.Pipeline, "USD", 9, 610_000m, 122_000m),
            new("2026-12", null, null, null, ForecastCategory.BestCase, "CNY", 2, 800_000m, 400_000m),
        ]);
        var winRate = new WinRateReport(at, [new("ann", null, null, 6, 2), new("carl", null, null, 1, 4), new("li", null, null, 0, 1)]);
        var losses = new LossReasonReport(at,
        [
            new("price", "Fabrikam", "USD", 3, 90_000m), new("no decision", null, "USD", 2, 40_000m),
            new(hostile, hostile, "USD", 1, 5_000m), new("", null, "CNY", 1, 20_000m),
        ]);
        var review = new ReviewHit(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), hostile, "carl", Stage.Lost, 40_000m, "USD", at, "price",
            ["Price 20% above Fabrikam", hostile], "Fabrikam", "Bring finance in earlier", at);
        var won = review with { DealName = "Contoso renewal", OwnerId = "ann", Outcome = Stage.Won, Factors = ["Executive sponsor"], Lessons = null, LossReason = null };
        var digest = Application.Reports.WeeklyDigest.Compose(new Application.Actor("tenant-a", "boss", Domain.Common.ChangeSurface.Teams), new DateOnly(2026, 11, 16),
            winRate, losses, conversion, forecast,
            new AgingReport(at, [new("carl", null, null, Stage.Negotiation, ">90", 2), new("ann", null, null, Stage.Proposal, "31-90", 1)]),
            new CoverageReport(at, [new("ann", null, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "USD", 500_000m, 100_000m, 200_000m, 60_000m, 5)]),
            new AttainmentReport(at, [new(AttainmentRow.TeamScope, null, hostile, "2026-Q4", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "USD", 900_000m, 300_000m, 240_000m, 11)]));
        var quiet = Application.Reports.WeeklyDigest.Compose(new Application.Actor("tenant-a", "boss", Domain.Common.ChangeSurface.Teams), new DateOnly(2026, 11, 16),
            new WinRateReport(at, []), new LossReasonReport(at, []), new ConversionReport(at, []), new ForecastReport(at, []), new AgingReport(at, []));

        var cards = new List<(string, JsonObject)>();
        foreach (var (suffix, locale) in new[] { ("en", "en-US"), ("zh", "zh-Hans") })
        {
            var context = new CardContext(locale, at);
            cards.Add(($"pipeline-{suffix}", ReportCards.Pipeline(conversion, pipeline, heading, context)));
            cards.Add(($"forecast-{suffix}", ReportCards.Forecast(forecast, heading with { Period = ReportPeriod.ThisYear }, context)));
            cards.Add(($"win-rate-{suffix}", ReportCards.WinRate(winRate, names, heading, context)));
            cards.Add(($"loss-reasons-{suffix}", ReportCards.LossReasons(losses, heading with { Scope = ReportScope.Mine }, context)));
            cards.Add(($"report-empty-{suffix}", ReportCards.Pipeline(new ConversionReport(at, []), pipeline, heading, context)));
            cards.Add(($"review-prompt-lost-{suffix}", ReportCards.ReviewPrompt(review.DealId, hostile, won: false, hostile, context)));
            cards.Add(($"review-prompt-won-{suffix}", ReportCards.ReviewPrompt(review.DealId, "Contoso renewal", won: true, null, context)));
            cards.Add(($"review-saved-{suffix}", ReportCards.ReviewSaved(review, context)));
            cards.Add(($"reviews-{suffix}", ReportCards.Reviews([review, won], null, "Fabrikam", names, context)));
            cards.Add(($"reviews-empty-{suffix}", ReportCards.Reviews([], hostile, null, names, context)));
            cards.Add(($"digest-{suffix}", ReportCards.WeeklyDigest(digest, names, pipeline, context)));
            cards.Add(($"digest-quiet-{suffix}", ReportCards.WeeklyDigest(quiet, names, pipeline, context)));
        }
        return cards;
    }
}

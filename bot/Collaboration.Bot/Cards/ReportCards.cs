using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>
/// The Review phase's cards (schema 1.5): each report as a PNG chart (a data: URI, a few KB) over a FactSet holding the
/// same rows in the same order with their numbers; the review prompt after a close; review search results; the weekly
/// manager digest. User text (owner and deal names, reasons, competitors, review words) is always escaped.
/// </summary>
public static partial class ReportCards
{
    public const string ReviewVerb = "review";
    public const string Factors = "reviewFactors";
    public const string Competitor = "reviewCompetitor";
    public const string Lessons = "reviewLessons";

    /// <summary>The funnel: deals entering each open stage in the period, how many moved on and how many were won.</summary>
    public static JsonObject Pipeline(ConversionReport report, PipelineSettings pipeline, ReportHeading heading, CardContext context)
    {
        var locale = context.Locale;
        var stages = report.Rows.GroupBy(r => r.Stage)
            .Select(g => (Stage: g.Key, Entered: g.Sum(r => r.Entered), Advanced: g.Sum(r => r.Advanced), Won: g.Sum(r => r.Won)))
            .Where(s => s.Entered > 0).OrderBy(s => s.Stage).ToList();
        var body = Header("report.pipeline", heading, locale);
        if (stages.Count == 0) return Empty(body, locale);
        body.Add(Chart(PngChart.Bars(stages.Select(s => ChartBar.Of(s.Entered, PngChart.Accent)).ToList(), funnel: true), locale));
        body.Add(Facts(stages.Select(s => DealCards.Fact(CardText.Markdown(pipeline.For(s.Stage).DisplayName(locale)),
            BotTexts.T("report.funnel_line", locale, ("entered", N(s.Entered)), ("advanced", N(s.Advanced)), ("won", N(s.Won)))))));
        return DealCards.Card(body, []);
    }

    /// <summary>Open and won deals by close month in the main currency: weighted (dark) within the full amount (light).</summary>
    public static JsonObject Forecast(ForecastReport report, ReportHeading heading, CardContext context)
    {
        var locale = context.Locale;
        var body = Header("report.forecast", heading, locale);
        var rows = report.Rows.Where(r => r.Category is not (ForecastCategory.Lost or ForecastCategory.Omitted)).ToList();
        if (rows.Count == 0) return Empty(body, locale);
        var currencies = rows.GroupBy(r => r.Currency).OrderByDescending(g => g.Sum(r => r.Amount)).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var currency = currencies[0].Key;
        var months = currencies[0].GroupBy(r => r.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Month: g.Key, Deals: g.Sum(r => r.Deals), Amount: g.Sum(r => r.Amount),
                Weighted: g.Sum(r => r.Category == ForecastCategory.Won ? r.Amount : r.Weighted)))
            .ToList();
        body.Add(Chart(PngChart.Bars(months.Select(m => new ChartBar([((double)m.Weighted, PngChart.Accent), ((double)(m.Amount - m.Weighted), PngChart.AccentLight)])).ToList()), locale));
        body.Add(DealCards.Text(BotTexts.T("report.forecast_legend", locale), isSubtle: true, spacing: "Small"));
        var facts = months.Select(m => DealCards.Fact(m.Month, ForecastLine(m.Weighted, m.Amount, m.Deals, currency, locale))).ToList();
        facts.Add(DealCards.Fact(BotTexts.T("report.forecast_total", locale),
            ForecastLine(months.Sum(m => m.Weighted), months.Sum(m => m.Amount), months.Sum(m => m.Deals), currency, locale)));
        body.Add(Facts(facts));
        if (currencies.Count > 1)
        {
            var others = string.Join(", ", currencies.Skip(1).Select(g => BotTexts.Money(g.Sum(r => r.Amount), CardText.Markdown(g.Key), locale)));
            body.Add(DealCards.Text(BotTexts.T("report.other_currencies", locale, ("list", others)), isSubtle: true));
        }
        return DealCards.Card(body, []);
    }

    /// <summary>Won against lost per owner (green and red), most decided deals first, and the total.</summary>
    public static JsonObject WinRate(WinRateReport report, IReadOnlyDictionary<string, string> names, ReportHeading heading, CardContext context)
    {
        var locale = context.Locale;
        var body = Header("report.win_rate", heading, locale);
        var rows = report.Rows.Where(r => r.Won + r.Lost > 0)
            .OrderByDescending(r => r.Won + r.Lost).ThenBy(r => r.OwnerId, StringComparer.Ordinal).Take(PngChart.MaxBars - 1).ToList();
        if (rows.Count == 0) return Empty(body, locale);
        var totalWon = report.Rows.Sum(r => r.Won);
        var totalLost = report.Rows.Sum(r => r.Lost);
        var bars = rows.Select(r => new ChartBar([(r.Won, PngChart.Good), (r.Lost, PngChart.Bad)])).ToList();
        body.Add(Chart(PngChart.Bars(bars), locale));
        body.Add(DealCards.Text(BotTexts.T("report.win_legend", locale), isSubtle: true, spacing: "Small"));
        var facts = rows.Select(r => DealCards.Fact(CardText.Markdown(r.OwnerId is null ? BotTexts.T("report.all", locale) : Name(names, r.OwnerId)), WinLine(r.Won, r.Lost, locale))).ToList();
        if (rows.Count > 1 || rows[0].OwnerId is not null) facts.Add(DealCards.Fact(BotTexts.T("report.forecast_total", locale), WinLine(totalWon, totalLost, locale)));
        body.Add(Facts(facts));
        return DealCards.Card(body, []);
    }

    /// <summary>Deals lost in the period by reason, with the competitors they went to.</summary>
    public static JsonObject LossReasons(LossReasonReport report, ReportHeading heading, CardContext context)
    {
        var locale = context.Locale;
        var body = Header("report.loss_reasons", heading, locale);
        var reasons = report.Rows.GroupBy(r => r.Reason)
            .Select(g => (Reason: g.Key, Deals: g.Sum(r => r.Deals), Amounts: g.GroupBy(r => r.Currency).Select(c => (Currency: c.Key, Amount: c.Sum(r => r.Amount))).ToList()))
            .OrderByDescending(r => r.Deals).ThenBy(r => r.Reason, StringComparer.Ordinal).Take(PngChart.MaxBars).ToList();
        if (reasons.Count == 0) return Empty(body, locale);
        body.Add(Chart(PngChart.Bars(reasons.Select(r => ChartBar.Of(r.Deals, PngChart.Bad)).ToList()), locale));
        body.Add(Facts(reasons.Select(r => DealCards.Fact(
            CardText.Markdown(r.Reason.Length == 0 ? BotTexts.T("report.no_reason", locale) : r.Reason),
            BotTexts.T("report.loss_line", locale, ("deals", N(r.Deals)),
                ("amount", string.Join(" + ", r.Amounts.Select(a => BotTexts.Money(a.Amount, CardText.Markdown(a.Currency), locale)))))))));
        if (report.ByCompetitor.Count > 0)
        {
            var rivals = string.Join(BotTexts.IsChinese(locale) ? "、" : ", ",
                report.ByCompetitor.Take(5).Select(c => $"{CardText.Markdown(c.Competitor)} ({N(c.Deals)})"));
            body.Add(Facts([DealCards.Fact(BotTexts.T("report.competitors", locale), rivals)]));
        }
        return DealCards.Card(body, []);
    }

    /// <summary>Asks the owner of a just-closed deal for a short review; Action.Execute records it.</summary>
    public static JsonObject WeeklyDigest(WeeklyDigestContent digest, IReadOnlyDictionary<string, string> names, PipelineSettings pipeline, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("digest.title", locale, ("from", BotTexts.Date(digest.WeekStart, locale)), ("to", BotTexts.Date(digest.WeekEnd, locale))), size: "Medium", weight: "Bolder"),
        };
        if (digest.IsQuiet)
        {
            body.Add(DealCards.Text(BotTexts.T("digest.quiet", locale)));
            if (digest.Attainment.Count > 0) body.Add(Facts(QuotaCards.DigestFacts(digest.Attainment, locale)));
            return DealCards.Card(body, []);
        }
        var closed = new List<JsonObject> { DealCards.Fact(BotTexts.T("digest.closed", locale), WinLine(digest.Won, digest.Lost, locale)) };
        if (digest.TopLossReasons.Count > 0)
        {
            closed.Add(DealCards.Fact(BotTexts.T("digest.top_losses", locale), string.Join(BotTexts.IsChinese(locale) ? "、" : ", ",
                digest.TopLossReasons.Select(r => $"{CardText.Markdown(r.Reason.Length == 0 ? BotTexts.T("report.no_reason", locale) : r.Reason)} ({N(r.Deals)})"))));
        }
        foreach (var open in digest.OpenPipeline)
        {
            closed.Add(DealCards.Fact(BotTexts.T("digest.open", locale), ForecastLine(open.Weighted, open.Amount, open.Deals, open.Currency, locale)));
        }
        closed.AddRange(QuotaCards.DigestFacts(digest.Attainment, locale));
        body.Add(Facts(closed));
        if (digest.PipelineChanges.Count > 0)
        {
            body.Add(DealCards.Text(BotTexts.T("digest.moves", locale), weight: "Bolder"));
            body.Add(Chart(PngChart.Bars(digest.PipelineChanges.Select(m => ChartBar.Of(m.Entered, PngChart.Accent)).ToList(), funnel: true), locale));
            body.Add(Facts(digest.PipelineChanges.Select(m => DealCards.Fact(CardText.Markdown(pipeline.For(m.Stage).DisplayName(locale)),
                BotTexts.T("report.funnel_line", locale, ("entered", N(m.Entered)), ("advanced", N(m.Advanced)), ("won", "–"))))));
        }
        if (digest.TopRisks.Count > 0)
        {
            body.Add(DealCards.Text(BotTexts.T("digest.risks", locale), weight: "Bolder", color: "Attention"));
            foreach (var risk in digest.TopRisks)
            {
                body.Add(DealCards.Text("• " + BotTexts.T("digest.risk." + risk.Kind, locale,
                    ("owner", CardText.Markdown(Name(names, risk.OwnerId))),
                    ("deals", N(risk.Deals)),
                    ("stage", risk.Stage is { } stage ? CardText.Markdown(pipeline.For(stage).DisplayName(locale)) : ""),
                    ("coverage", Percent(risk.Coverage ?? 0)),
                    ("currency", CardText.Markdown(risk.Currency ?? ""))), spacing: "Small"));
            }
        }
        return DealCards.Card(body, []);
    }

    private static JsonArray Header(string titleKey, ReportHeading heading, string locale) =>
    [
        DealCards.Text(BotTexts.T(titleKey, locale), size: "Medium", weight: "Bolder"),
        DealCards.Text(BotTexts.T("report.heading", locale,
            ("scope", BotTexts.T(heading.Scope == ReportScope.Mine ? "report.scope.mine" : "report.scope.team", locale)),
            ("period", BotTexts.T("report.period." + heading.Period, locale)),
            ("from", BotTexts.Date(heading.From, locale)), ("to", BotTexts.Date(heading.To, locale))), isSubtle: true, spacing: "None"),
    ];

    private static JsonObject Empty(JsonArray body, string locale)
    {
        body.Add(DealCards.Text(BotTexts.T("report.empty", locale)));
        return DealCards.Card(body, []);
    }

    private static JsonObject Chart(byte[] png, string locale) => new()
    {
        ["type"] = "Image",
        ["url"] = PngChart.DataUri(png),
        ["altText"] = BotTexts.T("report.chart_alt", locale),
        ["size"] = "Stretch",
    };

    private static JsonObject Facts(IEnumerable<JsonObject> facts)
    {
        var array = new JsonArray();
        foreach (var fact in facts) array.Add(fact);
        return new JsonObject { ["type"] = "FactSet", ["facts"] = array };
    }

    private static string ForecastLine(decimal weighted, decimal amount, int deals, string currency, string locale) =>
        BotTexts.T("report.forecast_line", locale, ("weighted", BotTexts.Money(weighted, CardText.Markdown(currency), locale)),
            ("amount", BotTexts.Money(amount, CardText.Markdown(currency), locale)), ("deals", N(deals)));

    private static string WinLine(int won, int lost, string locale) =>
        BotTexts.T("report.win_line", locale, ("won", N(won)), ("lost", N(lost)),
            ("rate", won + lost == 0 ? BotTexts.T("none", locale) : Percent((double)won / (won + lost))));

    private static string Name(IReadOnlyDictionary<string, string> names, string objectId) => names.TryGetValue(objectId, out var name) ? name : objectId;

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Reports;

namespace Collaboration.Bot.Cards;

/// <summary>What a quota card covers: the period's label and its first and last day.</summary>
public sealed record QuotaHeading(string Period, DateOnly From, DateOnly To);

/// <summary>
/// Quota attainment (schema 1.5): one bar per quota, each scaled to its own quota so currencies and sizes compare
/// (green won, light open weighted pipeline, grey the rest of the quota), over a FactSet with the same rows in the same
/// order. Team names and people's names are user data and escaped.
/// </summary>
public static class QuotaCards
{
    private static readonly Rgba Rest = new(0x80, 0x80, 0x80, 0x50);

    public static JsonObject Attainment(IReadOnlyList<AttainmentRow> rows, string callerId, IReadOnlyDictionary<string, string> names, QuotaHeading heading, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("quota.title", locale), size: "Medium", weight: "Bolder"),
            DealCards.Text(BotTexts.T("quota.heading", locale, ("period", CardText.Markdown(heading.Period)),
                ("from", BotTexts.Date(heading.From, locale)), ("to", BotTexts.Date(heading.To, locale))), isSubtle: true, spacing: "None"),
        };
        if (rows.Count == 0)
        {
            body.Add(DealCards.Text(BotTexts.T("quota.none", locale)));
            return DealCards.Card(body, []);
        }
        var shown = rows.Take(PngChart.MaxBars).ToList();
        body.Add(new JsonObject
        {
            ["type"] = "Image",
            ["url"] = PngChart.DataUri(PngChart.Bars(shown.Select(Bar).ToList())),
            ["altText"] = BotTexts.T("report.chart_alt", locale),
            ["size"] = "Stretch",
        });
        body.Add(DealCards.Text(BotTexts.T("quota.legend", locale), isSubtle: true, spacing: "Small"));
        var facts = new JsonArray();
        foreach (var row in shown) facts.Add(DealCards.Fact(Who(row, callerId, names, locale) + " · " + CardText.Markdown(row.Period), Line(row, locale)));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        return DealCards.Card(body, []);
    }

    /// <summary>The digest's attainment facts: one per team quota row.</summary>
    public static IEnumerable<JsonObject> DigestFacts(IReadOnlyList<AttainmentRow> rows, string locale) =>
        rows.Select(r => DealCards.Fact(
            BotTexts.T("digest.attainment", locale, ("period", CardText.Markdown(r.Period))) + (r.Team is { } team ? " · " + CardText.Markdown(team) : ""),
            Line(r, locale)));

    /// <summary>"120,000 USD won of 300,000 USD (40%); open weighted 90,000 USD covers 50% of the remaining 180,000 USD (3 open deals)".</summary>
    public static string Line(AttainmentRow row, string locale)
    {
        var currency = CardText.Markdown(row.Currency);
        var line = BotTexts.T("quota.line", locale, ("won", BotTexts.Money(row.Won, currency, locale)),
            ("quota", BotTexts.Money(row.Quota, currency, locale)), ("attainment", Percent(row.Attainment)));
        var coverage = row.Remaining > 0m
            ? BotTexts.T("quota.coverage", locale, ("weighted", BotTexts.Money(row.Weighted, currency, locale)), ("coverage", Percent(row.Coverage)),
                ("remaining", BotTexts.Money(row.Remaining, currency, locale)), ("deals", row.OpenDeals.ToString("N0", CultureInfo.InvariantCulture)))
            : BotTexts.T("quota.reached", locale);
        return line + (BotTexts.IsChinese(locale) ? "；" : "; ") + coverage;
    }

    public static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—";

    private static ChartBar Bar(AttainmentRow row)
    {
        if (row.Quota <= 0m) return ChartBar.Of(0, PngChart.Good);
        var won = (double)(row.Won / row.Quota);
        var weighted = (double)(row.Weighted / row.Quota);
        return new ChartBar([(won, PngChart.Good), (weighted, PngChart.AccentLight), (Math.Max(0, 1 - won - weighted), Rest)]);
    }

    private static string Who(AttainmentRow row, string callerId, IReadOnlyDictionary<string, string> names, string locale) => row switch
    {
        { Scope: AttainmentRow.TeamScope } => BotTexts.T("quota.team", locale, ("team", CardText.Markdown(row.Team ?? ""))),
        { OwnerId: { } owner } when owner == callerId => BotTexts.T("quota.you", locale),
        { OwnerId: { } owner } => CardText.Markdown(names.TryGetValue(owner, out var name) ? name : owner),
        _ => BotTexts.T("none", locale),
    };
}

using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Reports;

/// <summary>A computed report: its catalog key, the instant it looked back from, and a CSV rendering of its rows.</summary>
public interface IReport
{
    string Key { get; }
    DateTimeOffset AsOf { get; }
    void WriteCsv(TextWriter writer);
}

/// <summary>
/// Of the deals that entered <see cref="Stage"/> in the period (counted once, at their first entry in it), how many
/// later moved past it (to any later open stage or Won, so a skipped next stage still counts) and how many later
/// reached Won, up to the as-of time. <see cref="Month"/> is the month of that entry.
/// </summary>
public sealed record ConversionRow(string? Month, string? OwnerId, string? Team, CaptureSource? Source, Stage Stage, int Entered, int Advanced, int Won)
{
    public double? AdvanceRate => Entered == 0 ? null : (double)Advanced / Entered;
    public double? WinRate => Entered == 0 ? null : (double)Won / Entered;
}

public sealed record ConversionReport(DateTimeOffset AsOf, IReadOnlyList<ConversionRow> Rows) : IReport
{
    public string Key => ReportCatalog.Conversion;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>
/// <see cref="Measure"/> "cycle": days from capture (the deal's first history row) to its final Won, for deals won in
/// the period. A stage key: days spent in that stage for each stint entered in the period, a stint lasting until the
/// next stage row, or until the as-of time while the deal is still there (<see cref="Open"/> counts those).
/// </summary>
public sealed record CycleRow(string? Month, string? OwnerId, string? Team, CaptureSource? Source, string Measure, int Count, int Open, double AverageDays, double MedianDays);

public sealed record CycleReport(DateTimeOffset AsOf, IReadOnlyList<CycleRow> Rows) : IReport
{
    public const string CaptureToWon = "cycle";
    public string Key => ReportCatalog.Cycle;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>Deals whose final close (their last stage row up to the as-of time) falls in the period, won against lost.</summary>
public sealed record WinRateRow(string? OwnerId, string? Team, CaptureSource? Source, int Won, int Lost)
{
    public double? WinRate => Won + Lost == 0 ? null : (double)Won / (Won + Lost);
}

public sealed record WinRateReport(DateTimeOffset AsOf, IReadOnlyList<WinRateRow> Rows) : IReport
{
    public string Key => ReportCatalog.WinRate;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>Deals finally lost in the period, by reason, competitor and currency, with their amounts.</summary>
public sealed record LossReasonRow(string Reason, string? Competitor, string Currency, int Deals, decimal Amount);

public sealed record LossReasonTotal(string Reason, string Currency, int Deals, decimal Amount);

public sealed record CompetitorCount(string Competitor, int Deals);

public sealed record LossReasonReport(DateTimeOffset AsOf, IReadOnlyList<LossReasonRow> Rows) : IReport
{
    public string Key => ReportCatalog.LossReasons;

    public IReadOnlyList<LossReasonTotal> ByReason => Rows
        .GroupBy(r => (r.Reason, r.Currency))
        .Select(g => new LossReasonTotal(g.Key.Reason, g.Key.Currency, g.Sum(r => r.Deals), g.Sum(r => r.Amount)))
        .OrderByDescending(t => t.Deals).ThenBy(t => t.Reason, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal)
        .ToList();

    public IReadOnlyList<CompetitorCount> ByCompetitor => Rows
        .Where(r => r.Competitor is not null)
        .GroupBy(r => r.Competitor!)
        .Select(g => new CompetitorCount(g.Key, g.Sum(r => r.Deals)))
        .OrderByDescending(c => c.Deals).ThenBy(c => c.Competitor, StringComparer.Ordinal)
        .ToList();

    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>Deals open at the as-of time in <see cref="Stage"/>, by whole days since they entered it: 0-7, 8-30, 31-90, &gt;90.</summary>
public sealed record AgingRow(string? OwnerId, string? Team, CaptureSource? Source, Stage Stage, string Bucket, int Deals);

public sealed record AgingReport(DateTimeOffset AsOf, IReadOnlyList<AgingRow> Rows) : IReport
{
    public static IReadOnlyList<string> Buckets { get; } = ["0-7", "8-30", "31-90", ">90"];
    public string Key => ReportCatalog.Aging;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>
/// Open and won deals whose close date falls in the period, by close month ("yyyy-MM"), owner and the forecast
/// category the tenant's pipeline gives their stage; <see cref="Weighted"/> = amount × probability / 100.
/// </summary>
public sealed record ForecastRow(string Month, string? OwnerId, string? Team, CaptureSource? Source, ForecastCategory Category, string Currency, int Deals, decimal Amount, decimal Weighted);

public sealed record ForecastReport(DateTimeOffset AsOf, IReadOnlyList<ForecastRow> Rows) : IReport
{
    public string Key => ReportCatalog.Forecast;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

/// <summary>
/// A rep's deals with a close date in a quota period, in the quota's currency: won, open and weighted open amounts.
/// <see cref="Remaining"/> = max(quota − won, 0); <see cref="Coverage"/> = open / remaining; <see cref="Attainment"/> = won / quota.
/// A rep without a quota in the period gets a row per currency over the report period with no quota.
/// </summary>
public sealed record CoverageRow(string OwnerId, string? Team, DateOnly PeriodStart, DateOnly PeriodEnd, string Currency,
    decimal? Quota, decimal Won, decimal Open, decimal Weighted, int OpenDeals)
{
    public decimal? Remaining => Quota is { } q ? Math.Max(q - Won, 0m) : null;
    public double? Coverage => Remaining is > 0m and var r ? (double)(Open / r) : null;
    public double? Attainment => Quota is > 0m and var q ? (double)(Won / q) : null;
}

public sealed record CoverageReport(DateTimeOffset AsOf, IReadOnlyList<CoverageRow> Rows) : IReport
{
    public string Key => ReportCatalog.Coverage;
    public void WriteCsv(TextWriter writer) => ReportCsv.Write(Rows, writer);
}

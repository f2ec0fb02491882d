using Collaboration.Domain.Opportunities;

namespace Collaboration.Application.Reports;

/// <summary>Which columns a report breaks its rows down by; a report ignores a dimension it cannot honour.</summary>
[Flags]
public enum ReportDimensions
{
    None = 0,
    Owner = 1,
    Team = 2,
    Source = 4,
    Month = 8,
}

/// <summary>
/// What a report covers: a period of whole UTC days (both ends inclusive), optionally narrowed to some owners
/// (Entra object ids), one team and one capture source. <see cref="AsOf"/> is the instant the report looks back
/// from; left null, the reports take it from their TimeProvider. Deals are attributed to their current owner,
/// that owner's team and the deal's capture source.
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To)
{
    public IReadOnlyList<string>? OwnerIds { get; init; }
    public string? Team { get; init; }
    public CaptureSource? Source { get; init; }
    public ReportDimensions GroupBy { get; init; }
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The last <paramref name="days"/> days up to today (UTC) by the clock, as of now.</summary>
    public static ReportFilter LastDays(TimeProvider clock, int days)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new ReportFilter(today.AddDays(1 - days), today) { AsOf = now };
    }
}

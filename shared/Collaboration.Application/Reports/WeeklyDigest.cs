using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reports;

/// <summary>Why a digest names an owner: deals stuck in a stage for over 90 or over 30 days, or too little pipeline for the quota.</summary>
public enum DigestRiskKind
{
    StuckOver90Days,
    LowCoverage,
    StuckOver30Days,
}

/// <summary>One risk: for stuck deals the stage and how many; for coverage the ratio of open pipeline to what remains of the quota.</summary>
public sealed record DigestRisk(DigestRiskKind Kind, string OwnerId, Stage? Stage, int Deals, double? Coverage, string? Currency);

/// <summary>How deals moved through one stage during the week.</summary>
public sealed record DigestStageMove(Stage Stage, int Entered, int Advanced);

/// <summary>Open pipeline closing in the forecast period, per currency.</summary>
public sealed record DigestPipeline(string Currency, int Deals, decimal Amount, decimal Weighted);

/// <summary>What a manager reads on Monday: last week's closes, how the pipeline moved, what is open, and the top risks.</summary>
public sealed record WeeklyDigestContent(
    string ManagerId, DateOnly WeekStart, DateOnly WeekEnd, DateTimeOffset AsOf,
    int Won, int Lost, IReadOnlyList<LossReasonTotal> TopLossReasons,
    IReadOnlyList<DigestStageMove> PipelineChanges, IReadOnlyList<DigestPipeline> OpenPipeline, IReadOnlyList<DigestRisk> TopRisks)
{
    /// <summary>The team's quota attainment for the current quarter's quotas; empty when none is set.</summary>
    public IReadOnlyList<AttainmentRow> Attainment { get; init; } = [];

    public double? WinRate => Won + Lost == 0 ? null : (double)Won / (Won + Lost);
    public bool IsQuiet => Won == 0 && Lost == 0 && PipelineChanges.Count == 0 && TopRisks.Count == 0;
}

/// <summary>
/// The weekly manager digest, composed from reports that were already run (so it is a pure function, easy to test and
/// to render on any surface). <see cref="WeeklyDigestComposer"/> runs those reports; the bot's ReportCards.WeeklyDigest
/// draws the result.
/// </summary>
/// <remarks>
/// Delivery hook (to be wired by the notification pipeline): for each manager from
/// <see cref="WeeklyDigestComposer.ManagersAsync"/>, schedule a run at
/// <see cref="WeeklyDigestSchedule.NextRunAfter"/>(last run or now, manager's <c>User.TimeZone</c>); at that time call
/// <see cref="WeeklyDigestComposer.ComposeAsync"/> with <see cref="WeeklyDigestSchedule.WeekBefore"/>, render it with
/// <c>Collaboration.Bot.Cards.ReportCards.WeeklyDigest</c> in the manager's locale, and send it proactively to the
/// manager's personal conversation (ConversationDirectory). Skip a digest whose <see cref="WeeklyDigestContent.IsQuiet"/>
/// is true if managers should not hear about empty weeks. Make the send idempotent per (manager, WeekStart).
/// </remarks>
public static class WeeklyDigest
{
    public static WeeklyDigestContent Compose(
        Actor manager, DateOnly weekStart, WinRateReport closes, LossReasonReport losses, ConversionReport moves,
        ForecastReport forecast, AgingReport aging, CoverageReport? coverage = null, AttainmentReport? attainment = null, int maxRisks = 5)
    {
        var moved = moves.Rows
            .GroupBy(r => r.Stage)
            .Select(g => new DigestStageMove(g.Key, g.Sum(r => r.Entered), g.Sum(r => r.Advanced)))
            .Where(m => m.Entered > 0)
            .OrderBy(m => m.Stage)
            .ToList();
        var open = forecast.Rows
            .Where(r => r.Category is not (ForecastCategory.Won or ForecastCategory.Lost or ForecastCategory.Omitted))
            .GroupBy(r => r.Currency)
            .Select(g => new DigestPipeline(g.Key, g.Sum(r => r.Deals), g.Sum(r => r.Amount), g.Sum(r => r.Weighted)))
            .OrderByDescending(p => p.Amount).ThenBy(p => p.Currency, StringComparer.Ordinal)
            .ToList();

        var stuck = aging.Rows
            .Where(r => r.OwnerId is not null && r.Bucket is ">90" or "31-90")
            .GroupBy(r => (r.OwnerId!, r.Stage, Over90: r.Bucket == ">90"))
            .Select(g => new DigestRisk(g.Key.Over90 ? DigestRiskKind.StuckOver90Days : DigestRiskKind.StuckOver30Days, g.Key.Item1, g.Key.Stage, g.Sum(r => r.Deals), null, null));
        var thin = (coverage?.Rows ?? [])
            .Where(r => r.Remaining is > 0m && (r.Coverage ?? 0) < 1.0)
            .Select(r => new DigestRisk(DigestRiskKind.LowCoverage, r.OwnerId, null, r.OpenDeals, r.Coverage ?? 0, r.Currency));
        var risks = stuck.Concat(thin)
            .OrderBy(r => r.Kind)
            .ThenByDescending(r => r.Kind == DigestRiskKind.LowCoverage ? 0 : r.Deals)
            .ThenBy(r => r.Coverage ?? 0)
            .ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Stage)
            .Take(maxRisks)
            .ToList();

        return new WeeklyDigestContent(manager.UserObjectId, weekStart, weekStart.AddDays(6), closes.AsOf,
            closes.Rows.Sum(r => r.Won), closes.Rows.Sum(r => r.Lost), losses.ByReason.Take(3).ToList(), moved, open, risks)
        {
            Attainment = TeamAttainment(attainment?.Rows ?? []),
        };
    }

    /// <summary>
    /// The team quotas' rows; where the team has no quota of its own, its reps' quotas summed per period and currency
    /// (a row with no team and no owner).
    /// </summary>
    public static IReadOnlyList<AttainmentRow> TeamAttainment(IReadOnlyList<AttainmentRow> rows, int max = 3)
    {
        var teams = rows.Where(r => r.Scope == AttainmentRow.TeamScope).ToList();
        if (teams.Count > 0) return teams.Take(max).ToList();
        return rows.Where(r => r.Scope == AttainmentRow.Rep)
            .GroupBy(r => (r.Period, r.PeriodStart, r.PeriodEnd, r.Currency))
            .Select(g => new AttainmentRow(AttainmentRow.TeamScope, null, null, g.Key.Period, g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.Currency,
                g.Sum(r => r.Quota), g.Sum(r => r.Won), g.Sum(r => r.Weighted), g.Sum(r => r.OpenDeals)))
            .OrderBy(r => r.PeriodStart).ThenByDescending(r => r.Quota).ThenBy(r => r.Currency, StringComparer.Ordinal)
            .Take(max).ToList();
    }
}

/// <summary>Runs the reports a digest needs for one manager and composes it. Sees exactly what the manager may see.</summary>
public sealed class WeeklyDigestComposer(PipelineReports reports, AttainmentReports attainment, ICrmDatabase database)
{
    public async Task<WeeklyDigestContent> ComposeAsync(Actor manager, DateOnly weekStart, DateTimeOffset asOf, CancellationToken ct = default)
    {
        var week = new ReportFilter(weekStart, weekStart.AddDays(6)) { AsOf = asOf };
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var quarter = new ReportFilter(quarterStart, quarterStart.AddMonths(3).AddDays(-1)) { AsOf = asOf, GroupBy = ReportDimensions.Owner };
        var ahead = new ReportFilter(today, today.AddDays(89)) { AsOf = asOf };
        return WeeklyDigest.Compose(manager, weekStart,
            await reports.WinRateAsync(manager, week, ct),
            await reports.LossReasonsAsync(manager, week, ct),
            await reports.ConversionAsync(manager, week, ct),
            await reports.ForecastAsync(manager, ahead, ct),
            await reports.AgingAsync(manager, quarter, ct),
            await reports.CoverageAsync(manager, quarter, ct),
            await attainment.AttainmentAsync(manager, quarter with { GroupBy = ReportDimensions.None }, ct));
    }

    /// <summary>The tenant's managers (anyone someone reports to) with the time zone and locale their digest uses.</summary>
    public async Task<IReadOnlyList<(string ObjectId, string TimeZone, string Locale)>> ManagersAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var managers = await db.Users.AsNoTracking().Where(u => u.ManagerObjectId != null).Select(u => u.ManagerObjectId!).Distinct().ToListAsync(ct);
        return (await db.Users.AsNoTracking().Where(u => managers.Contains(u.ObjectId)).Select(u => new { u.ObjectId, u.TimeZone, u.Locale }).ToListAsync(ct))
            .Select(u => (u.ObjectId, u.TimeZone, u.Locale))
            .OrderBy(u => u.ObjectId, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>When the digest goes out: Monday at 08:00 in the manager's own time zone.</summary>
public static class WeeklyDigestSchedule
{
    public static readonly TimeOnly RunAt = new(8, 0);

    /// <summary>
    /// The first Monday 08:00 local time strictly after <paramref name="now"/>. <paramref name="timeZoneId"/> is an IANA
    /// or Windows id (Teams sends IANA); an unknown or empty id means UTC. A local time skipped by a clock change runs
    /// at the first valid minute after it; a repeated one runs at its first occurrence.
    /// </summary>
    public static DateTimeOffset NextRunAfter(DateTimeOffset now, string? timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var i = 0; i <= 14; i++)
        {
            var day = localToday.AddDays(i);
            if (day.DayOfWeek != DayOfWeek.Monday) continue;
            var at = Instant(zone, day.ToDateTime(RunAt));
            if (at > now) return at;
        }
        throw new InvalidOperationException("No Monday within two weeks.");
    }

    /// <summary>The Monday-to-Sunday week (local dates) before the run at <paramref name="runAt"/>; its Monday is returned.</summary>
    public static DateOnly WeekBefore(DateTimeOffset runAt, string? timeZoneId)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(runAt, Zone(timeZoneId)).DateTime);
        var sinceMonday = ((int)local.DayOfWeek + 6) % 7;
        return local.AddDays(-sinceMonday - 7);
    }

    public static TimeZoneInfo Zone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId)) return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static DateTimeOffset Instant(TimeZoneInfo zone, DateTime wall)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall)) wall = wall.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }
}

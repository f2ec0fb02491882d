using System.Globalization;
using Collaboration.Application.Persistence;
using Collaboration.Application.Reports;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Users;
using Collaboration.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Reports;

/// <summary>
/// The report definitions computed the plain way: every row of the tenant loaded into memory, then LINQ. Rows come
/// out as canonical strings (rounded numbers, fixed column order) so they compare with the service's rows as sets.
/// </summary>
internal sealed class ReferenceReports
{
    private readonly List<Opportunity> _deals;
    private readonly List<OpportunityChange> _history;
    private readonly List<User> _users;
    private readonly List<Quota> _quotas;
    private readonly PipelineSettings _pipeline;

    private ReferenceReports(List<Opportunity> deals, List<OpportunityChange> history, List<User> users, List<Quota> quotas, PipelineSettings pipeline)
    {
        _deals = deals;
        _history = history;
        _users = users;
        _quotas = quotas;
        _pipeline = pipeline;
    }

    public static async Task<ReferenceReports> LoadAsync(CrmDatabase database, string tenantId)
    {
        await using var db = database.Open(tenantId);
        return new ReferenceReports(
            await db.Opportunities.AsNoTracking().ToListAsync(),
            await db.OpportunityChanges.AsNoTracking().ToListAsync(),
            await db.Users.AsNoTracking().ToListAsync(),
            await db.Quotas.AsNoTracking().ToListAsync(),
            (await db.Tenants.AsNoTracking().FirstOrDefaultAsync())?.Pipeline ?? PipelineSettings.Default);
    }

    public int StageRowCount => _history.Count(h => h.Field == ChangedField.Stage);

    public int Reopens => _history.Count(h => h.Field == ChangedField.Stage && h.OldValue is "won" or "lost");

    public int Skips => _history.Count(h => h.Field == ChangedField.Stage && h.OldValue is not null && h.NewValue is not ("won" or "lost")
        && Enum.Parse<Stage>(h.NewValue!, true) - Enum.Parse<Stage>(h.OldValue, true) > 1);

    public int OwnerChanges => _history.Count(h => h.Field == ChangedField.Owner && h.OldValue is not null);

    public HashSet<string> VisibleTo(string me)
    {
        var visible = new HashSet<string> { me };
        var team = _users.FirstOrDefault(u => u.ObjectId == me)?.Team;
        if (team is not null) visible.UnionWith(_users.Where(u => u.Team == team).Select(u => u.ObjectId));
        visible.UnionWith(ReportsOf(me));
        return visible;
    }

    private IEnumerable<string> ReportsOf(string manager) =>
        _users.Where(u => u.ManagerObjectId == manager).SelectMany(u => ReportsOf(u.ObjectId).Prepend(u.ObjectId));

    private string? TeamOf(string owner) => _users.FirstOrDefault(u => u.ObjectId == owner)?.Team;

    private List<Opportunity> Deals(string actor, ReportFilter f) => _deals
        .Where(d => VisibleTo(actor).Contains(d.OwnerId))
        .Where(d => f.OwnerIds is null || f.OwnerIds.Contains(d.OwnerId))
        .Where(d => f.Team is null || TeamOf(d.OwnerId) == f.Team)
        .Where(d => f.Source is null || d.Source == f.Source)
        .ToList();

    private List<(Stage Stage, DateTimeOffset At)> Path(Opportunity deal, DateTimeOffset asOf) => _history
        .Where(h => h.OpportunityId == deal.Id && h.Field == ChangedField.Stage && h.ChangedAt <= asOf)
        .OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)
        .Select(h => (Enum.Parse<Stage>(h.NewValue!, ignoreCase: true), h.ChangedAt))
        .ToList();

    private static bool InPeriod(ReportFilter f, DateTimeOffset at) =>
        DateOnly.FromDateTime(at.UtcDateTime) >= f.From && DateOnly.FromDateTime(at.UtcDateTime) <= f.To;

    private string Group(ReportFilter f, Opportunity deal, DateTimeOffset? at, bool forceOwner = false)
    {
        var by = f.GroupBy;
        var month = by.HasFlag(ReportDimensions.Month) && at is { } t ? $"{t.UtcDateTime.Year:D4}-{t.UtcDateTime.Month:D2}" : "";
        var owner = by.HasFlag(ReportDimensions.Owner) || forceOwner ? deal.OwnerId : "";
        var team = by.HasFlag(ReportDimensions.Team) ? TeamOf(deal.OwnerId) ?? "" : "";
        var source = by.HasFlag(ReportDimensions.Source) ? deal.Source.ToString() : "";
        return $"{month}|{owner}|{team}|{source}";
    }

    public static string Group(string? month, string? owner, string? team, CaptureSource? source) =>
        $"{month}|{owner}|{team}|{source}";

    public static string Days(double days) => days.ToString("F5", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => Math.Round(amount, 2).ToString("F2", CultureInfo.InvariantCulture);

    public List<string> Conversion(string actor, ReportFilter f, DateTimeOffset asOf)
    {
        var rows = new List<(string Group, Stage Stage, bool Advanced, bool Won)>();
        foreach (var deal in Deals(actor, f))
        {
            var path = Path(deal, asOf);
            foreach (var stage in StageFacts.OpenStages)
            {
                var entry = path.FindIndex(p => p.Stage == stage && InPeriod(f, p.At));
                if (entry < 0) continue;
                var after = path.Skip(entry + 1).Select(p => p.Stage).ToList();
                var advanced = after.Any(s => s != Stage.Lost && s > stage);
                rows.Add((Group(f, deal, path[entry].At), stage, advanced, after.Contains(Stage.Won)));
            }
        }
        return rows.GroupBy(r => (r.Group, r.Stage))
            .Select(g => $"{g.Key.Group}|{g.Key.Stage}|{g.Count()}|{g.Count(r => r.Advanced)}|{g.Count(r => r.Won)}")
            .Order(StringComparer.Ordinal).ToList();
    }

    public List<string> Cycle(string actor, ReportFilter f, DateTimeOffset asOf)
    {
        var samples = new List<(string Group, string Measure, double Days, bool Open)>();
        foreach (var deal in Deals(actor, f))
        {
            var path = Path(deal, asOf);
            if (path.Count == 0) continue;
            var captured = _history.Where(h => h.OpportunityId == deal.Id).Min(h => h.ChangedAt);
            if (path[^1].Stage == Stage.Won && InPeriod(f, path[^1].At))
            {
                samples.Add((Group(f, deal, path[^1].At), "cycle", (path[^1].At - captured).TotalDays, false));
            }
            for (var i = 0; i < path.Count; i++)
            {
                if (path[i].Stage is Stage.Won or Stage.Lost || !InPeriod(f, path[i].At)) continue;
                var last = i == path.Count - 1;
                var left = last ? asOf : path[i + 1].At;
                samples.Add((Group(f, deal, path[i].At), path[i].Stage.Key(), (left - path[i].At).TotalDays, last));
            }
        }
        return samples.GroupBy(s => (s.Group, s.Measure))
            .Select(g =>
            {
                var days = g.Select(s => s.Days).Order().ToArray();
                var median = days.Length % 2 == 1 ? days[days.Length / 2] : (days[days.Length / 2 - 1] + days[days.Length / 2]) / 2;
                return $"{g.Key.Group}|{g.Key.Measure}|{days.Length}|{g.Count(s => s.Open)}|{Days(days.Average())}|{Days(median)}";
            })
            .Order(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<(Opportunity Deal, Stage Final)> FinallyClosedInPeriod(string actor, ReportFilter f, DateTimeOffset asOf)
    {
        foreach (var deal in Deals(actor, f))
        {
            var path = Path(deal, asOf);
            if (path.Count > 0 && path[^1].Stage is Stage.Won or Stage.Lost && InPeriod(f, path[^1].At)) yield return (deal, path[^1].Stage);
        }
    }

    public List<string> WinRate(string actor, ReportFilter f, DateTimeOffset asOf) =>
        FinallyClosedInPeriod(actor, f, asOf)
            .GroupBy(c => Group(f, c.Deal, null))
            .Select(g => $"{g.Key}|{g.Count(c => c.Final == Stage.Won)}|{g.Count(c => c.Final == Stage.Lost)}")
            .Order(StringComparer.Ordinal).ToList();

    public List<string> LossReasons(string actor, ReportFilter f, DateTimeOffset asOf) =>
        FinallyClosedInPeriod(actor, f, asOf)
            .Where(c => c.Final == Stage.Lost)
            .GroupBy(c => $"{c.Deal.LossReason}|{c.Deal.Competitor}|{c.Deal.Currency}")
            .Select(g => $"{g.Key}|{g.Count()}|{Money(g.Sum(c => c.Deal.Amount ?? 0m))}")
            .Order(StringComparer.Ordinal).ToList();

    public List<string> Aging(string actor, ReportFilter f, DateTimeOffset asOf)
    {
        var open = new List<(string Group, Stage Stage, string Bucket)>();
        foreach (var deal in Deals(actor, f))
        {
            var path = Path(deal, asOf);
            if (path.Count == 0 || path[^1].Stage is Stage.Won or Stage.Lost) continue;
            var days = (int)Math.Floor((asOf - path[^1].At).TotalDays);
            var bucket = days <= 7 ? "0-7" : days <= 30 ? "8-30" : days <= 90 ? "31-90" : ">90";
            open.Add((Group(f, deal, null), path[^1].Stage, bucket));
        }
        return open.GroupBy(o => $"{o.Group}|{o.Stage}|{o.Bucket}")
            .Select(g => $"{g.Key}|{g.Count()}")
            .Order(StringComparer.Ordinal).ToList();
    }

    public List<string> Forecast(string actor, ReportFilter f) =>
        Deals(actor, f)
            .Where(d => d.Stage != Stage.Lost && d.CloseDate is { } c && c >= f.From && c <= f.To)
            .GroupBy(d => $"{d.CloseDate!.Value:yyyy-MM}|{Group(f with { GroupBy = f.GroupBy & ~ReportDimensions.Month }, d, null, forceOwner: true)}|{_pipeline.For(d.Stage).ForecastCategory}|{d.Currency}")
            .Select(g => $"{g.Key}|{g.Count()}|{Money(g.Sum(d => d.Amount ?? 0m))}|{Money(g.Sum(d => (d.Amount ?? 0m) * d.Probability / 100m))}")
            .Order(StringComparer.Ordinal).ToList();

    public List<string> Coverage(string actor, ReportFilter f)
    {
        var deals = Deals(actor, f);
        var owners = _users.Select(u => u.ObjectId).Where(o => VisibleTo(actor).Contains(o))
            .Where(o => f.OwnerIds is null || f.OwnerIds.Contains(o))
            .Where(o => f.Team is null || TeamOf(o) == f.Team)
            .ToHashSet();
        string Row(string owner, DateOnly start, DateOnly end, string currency, decimal? quota)
        {
            var closing = deals.Where(d => d.OwnerId == owner && d.Currency == currency && d.Stage != Stage.Lost
                                           && d.CloseDate is { } c && c >= start && c <= end).ToList();
            var won = closing.Where(d => d.Stage == Stage.Won).Sum(d => d.Amount ?? 0m);
            var open = closing.Where(d => d.Stage != Stage.Won).ToList();
            return $"{owner}|{start:yyyy-MM-dd}|{end:yyyy-MM-dd}|{currency}|{(quota is { } q ? Money(q) : "")}|{Money(won)}|" +
                   $"{Money(open.Sum(d => d.Amount ?? 0m))}|{Money(open.Sum(d => (d.Amount ?? 0m) * d.Probability / 100m))}|{open.Count}";
        }
        var quotas = _quotas.Where(q => q.OwnerId != null && owners.Contains(q.OwnerId) && q.PeriodStart <= f.To && q.PeriodEnd >= f.From).ToList();
        var rows = quotas.Select(q => Row(q.OwnerId!, q.PeriodStart, q.PeriodEnd, q.Currency, q.Amount)).ToList();
        rows.AddRange(deals
            .Where(d => owners.Contains(d.OwnerId) && quotas.All(q => q.OwnerId != d.OwnerId) && d.Stage != Stage.Lost
                        && d.CloseDate is { } c && c >= f.From && c <= f.To)
            .Select(d => (d.OwnerId, d.Currency)).Distinct()
            .Select(k => Row(k.OwnerId, f.From, f.To, k.Currency, null)));
        return rows.Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>The service's rows in the reference's canonical form.</summary>
internal static class Canonical
{
    public static List<string> Of(ConversionReport r) => r.Rows
        .Select(x => $"{ReferenceReports.Group(x.Month, x.OwnerId, x.Team, x.Source)}|{x.Stage}|{x.Entered}|{x.Advanced}|{x.Won}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(CycleReport r) => r.Rows
        .Select(x => $"{ReferenceReports.Group(x.Month, x.OwnerId, x.Team, x.Source)}|{x.Measure}|{x.Count}|{x.Open}|{ReferenceReports.Days(x.AverageDays)}|{ReferenceReports.Days(x.MedianDays)}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(WinRateReport r) => r.Rows
        .Select(x => $"{ReferenceReports.Group(null, x.OwnerId, x.Team, x.Source)}|{x.Won}|{x.Lost}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(LossReasonReport r) => r.Rows
        .Select(x => $"{x.Reason}|{x.Competitor}|{x.Currency}|{x.Deals}|{ReferenceReports.Money(x.Amount)}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(AgingReport r) => r.Rows
        .Select(x => $"{ReferenceReports.Group(null, x.OwnerId, x.Team, x.Source)}|{x.Stage}|{x.Bucket}|{x.Deals}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(ForecastReport r) => r.Rows
        .Select(x => $"{x.Month}|{ReferenceReports.Group(null, x.OwnerId, x.Team, x.Source)}|{x.Category}|{x.Currency}|{x.Deals}|{ReferenceReports.Money(x.Amount)}|{ReferenceReports.Money(x.Weighted)}")
        .Order(StringComparer.Ordinal).ToList();

    public static List<string> Of(CoverageReport r) => r.Rows
        .Select(x => $"{x.OwnerId}|{x.PeriodStart:yyyy-MM-dd}|{x.PeriodEnd:yyyy-MM-dd}|{x.Currency}|{(x.Quota is { } q ? ReferenceReports.Money(q) : "")}|" +
                     $"{ReferenceReports.Money(x.Won)}|{ReferenceReports.Money(x.Open)}|{ReferenceReports.Money(x.Weighted)}|{x.OpenDeals}")
        .Order(StringComparer.Ordinal).ToList();
}

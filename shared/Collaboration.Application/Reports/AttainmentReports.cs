using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reports;

/// <summary>
/// Quota attainment per rep and per team for the quotas overlapping the report's period. Only quotas and deals of people
/// the actor may see count; a team's quota shows when someone the actor sees is in the team.
/// </summary>
public sealed class AttainmentReports(ICrmDatabase database, TimeProvider clock)
{
    public async Task<AttainmentReport> AttainmentAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        if (filter.To < filter.From) throw new Domain.Common.DomainException(new Domain.Common.DomainError("invalid_period"));
        await using var db = await ReportReads.OpenAsync(database, actor.TenantId, ct);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var teamOf = await db.Users.AsNoTracking().Select(u => new { u.ObjectId, u.Team }).ToDictionaryAsync(u => u.ObjectId, u => u.Team, ct);
        var owners = visible.Where(o => filter.OwnerIds is null || filter.OwnerIds.Contains(o))
            .Where(o => filter.Team is null || teamOf.GetValueOrDefault(o) == filter.Team).ToHashSet();
        var teams = owners.Select(o => teamOf.GetValueOrDefault(o)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var quotas = (await db.Quotas.AsNoTracking().Where(q => q.PeriodStart <= filter.To && q.PeriodEnd >= filter.From).ToListAsync(ct))
            .Where(q => q.OwnerId is { } o ? owners.Contains(o) : q.Team is { } t && teams.Contains(t)).ToList();
        if (quotas.Count == 0) return new AttainmentReport(filter.AsOf ?? clock.GetUtcNow(), []);
        var from = quotas.Min(q => q.PeriodStart);
        var to = quotas.Max(q => q.PeriodEnd);
        var ownerList = owners.ToList();
        var deals = await db.Opportunities.AsNoTracking()
            .Where(o => ownerList.Contains(o.OwnerId) && o.Stage != Stage.Lost && o.CloseDate != null && o.CloseDate >= from && o.CloseDate <= to)
            .Select(o => new { o.OwnerId, o.Stage, o.Amount, o.Currency, o.Probability, CloseDate = o.CloseDate!.Value })
            .ToListAsync(ct);

        // Each quota looks only at its owner's deals, or its team members': a year holds hundreds of thousands of deals
        // and a few hundred quotas, too many to match every deal against every quota.
        var dealsOf = deals.ToLookup(d => d.OwnerId, StringComparer.Ordinal);
        var membersOf = owners.Where(o => teamOf.GetValueOrDefault(o) is not null).ToLookup(o => teamOf[o]!, StringComparer.Ordinal);
        var rows = quotas.Select(q =>
        {
            var candidates = q.OwnerId is { } owner ? dealsOf[owner] : membersOf[q.Team!].SelectMany(member => dealsOf[member]);
            var mine = candidates.Where(d => d.Currency == q.Currency && d.CloseDate >= q.PeriodStart && d.CloseDate <= q.PeriodEnd).ToList();
            var open = mine.Where(d => d.Stage != Stage.Won).ToList();
            return new AttainmentRow(q.OwnerId is null ? AttainmentRow.TeamScope : AttainmentRow.Rep, q.OwnerId, q.Team ?? teamOf.GetValueOrDefault(q.OwnerId!),
                q.Period?.ToString() ?? $"{q.PeriodStart:yyyy-MM-dd}..{q.PeriodEnd:yyyy-MM-dd}", q.PeriodStart, q.PeriodEnd, q.Currency, q.Amount,
                mine.Where(d => d.Stage == Stage.Won).Sum(d => d.Amount ?? 0m),
                Math.Round(open.Sum(d => (d.Amount ?? 0m) * d.Probability / 100m), 2),
                open.Count);
        });
        return new AttainmentReport(filter.AsOf ?? clock.GetUtcNow(), rows
            .OrderBy(r => r.PeriodStart).ThenBy(r => r.Scope, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal)
            .ThenBy(r => r.OwnerId, StringComparer.Ordinal).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList());
    }
}

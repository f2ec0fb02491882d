using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Quotas;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>One quota as an admin sets it: for a rep (<see cref="OwnerObjectId"/>) or a team, for a month or quarter.</summary>
public sealed record QuotaEntry(string? OwnerObjectId, string? Team, string Period, decimal Amount, string Currency);

/// <summary>The tenant's quotas for admins: listed per period, and set in bulk (a quota for the same rep or team and period is replaced).</summary>
public sealed class QuotaAdministration(ICrmDatabase database, TimeProvider clock)
{
    public const int MaxEntries = 2_000;

    public async Task<IReadOnlyList<QuotaEntry>> ListAsync(Actor admin, QuotaPeriod? period, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var query = db.Quotas.AsNoTracking();
        if (period is { } p) query = query.Where(q => q.PeriodStart == p.Start && q.PeriodEnd == p.End);
        var quotas = await query.ToListAsync(ct);
        return quotas.Where(q => q.Period is not null)
            .OrderBy(q => q.PeriodStart).ThenBy(q => q.Team, StringComparer.Ordinal).ThenBy(q => q.OwnerId, StringComparer.Ordinal)
            .Select(View).ToList();
    }

    /// <summary>All or nothing: a refusal names the entry's field (<c>[3].period</c>) and nothing is saved.</summary>
    public async Task<IReadOnlyList<QuotaEntry>> SetAsync(Actor admin, IReadOnlyList<QuotaEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count > MaxEntries) throw new InvalidFieldsException("invalid_quotas", [FieldProblem.Of("quotas", "too_many", ("max", MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        await using var db = database.Open(admin.TenantId);
        var people = await db.Users.AsNoTracking().Select(u => u.ObjectId).ToListAsync(ct);
        var known = people.ToHashSet(StringComparer.Ordinal);
        var problems = new List<FieldProblem>();
        var built = new List<Quota>();
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            try
            {
                var period = QuotaPeriod.Parse(e.Period, $"[{i}].period");
                var forRep = !string.IsNullOrWhiteSpace(e.OwnerObjectId);
                if (forRep == !string.IsNullOrWhiteSpace(e.Team)) throw new DomainException(DomainError.Of("quota_owner_required", ("field", $"[{i}].ownerObjectId")));
                if (forRep && !known.Contains(e.OwnerObjectId!.Trim())) throw new DomainException(DomainError.Of("unknown_person", ("value", e.OwnerObjectId), ("field", $"[{i}].ownerObjectId")));
                built.Add(forRep ? Quota.ForRep(admin.TenantId, e.OwnerObjectId!, period, e.Amount, e.Currency)
                    : Quota.ForTeam(admin.TenantId, e.Team!, period, e.Amount, e.Currency));
            }
            catch (DomainException ex)
            {
                var field = ex.Error.Values.TryGetValue("field", out var f) ? (f.StartsWith('[') ? f : $"[{i}].{f}") : $"[{i}]";
                problems.Add(new FieldProblem(field, ex.Error));
            }
        }
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_quotas", problems);

        var now = clock.GetUtcNow();
        foreach (var quota in built.GroupBy(q => (q.OwnerId, q.Team, q.PeriodStart, q.PeriodEnd)).Select(g => g.Last()))
        {
            var existing = await db.Quotas.FirstOrDefaultAsync(q => q.OwnerId == quota.OwnerId && q.Team == quota.Team
                && q.PeriodStart == quota.PeriodStart && q.PeriodEnd == quota.PeriodEnd, ct);
            var before = existing is null ? null : View(existing);
            if (existing is null) db.Quotas.Add(quota);
            else existing.Change(quota.Amount, quota.Currency);
            AuditLog.Record(db, admin, "quota.set", before, View(existing ?? quota), now);
        }
        await db.SaveChangesAsync(ct);
        return built.Select(View).ToList();
    }

    private static QuotaEntry View(Quota q) => new(q.OwnerId, q.Team, q.Period?.ToString() ?? $"{q.PeriodStart:yyyy-MM-dd}..{q.PeriodEnd:yyyy-MM-dd}", q.Amount, q.Currency);
}

using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Assignment;

/// <summary>
/// Applies a tenant's assignment rules to captured leads. Round-robin turns are taken from a counter row with
/// optimistic concurrency, so concurrent captures never get the same turn and the team is served evenly.
/// </summary>
public sealed class LeadAssigner(ICrmDatabase database)
{
    private const int MaxAttempts = 50;

    /// <summary>The owner for each candidate, in order; <paramref name="fallbackOwner"/> where no rule decides.</summary>
    public async Task<IReadOnlyList<string>> AssignAsync(string tenantId, IReadOnlyList<AssignmentCandidate> candidates, string fallbackOwner, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var rules = await db.AssignmentRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        if (rules.Count == 0) return candidates.Select(_ => fallbackOwner).ToList();

        var accountOwners = rules.Any(r => r.Kind == AssignmentRuleKind.AccountOwner)
            ? await AccountOwnersAsync(db, candidates.Select(c => c.AccountId), ct)
            : [];
        var decisions = candidates
            .Select(c => AssignmentPlanner.Decide(rules, c, c.AccountId is { } a && accountOwners.TryGetValue(a, out var owner) ? owner : null))
            .ToList();

        var owners = new string[candidates.Count];
        foreach (var team in decisions.Where(d => d?.RoundRobinTeam is not null).GroupBy(d => d!.RoundRobinTeam!))
        {
            var indexes = Enumerable.Range(0, decisions.Count).Where(i => decisions[i]?.RoundRobinTeam == team.Key).ToList();
            var members = await db.Users.AsNoTracking().Where(u => u.Team == team.Key).Select(u => u.ObjectId).OrderBy(id => id).ToListAsync(ct);
            if (members.Count == 0) continue;
            var first = await TakeTurnsAsync(tenantId, team.Key, indexes.Count, ct);
            for (var n = 0; n < indexes.Count; n++) owners[indexes[n]] = AssignmentPlanner.Pick(members, first + n);
        }
        for (var i = 0; i < owners.Length; i++)
        {
            owners[i] ??= decisions[i]?.OwnerObjectId ?? fallbackOwner;
        }
        return owners;
    }

    public async Task<string> AssignAsync(string tenantId, AssignmentCandidate candidate, string fallbackOwner, CancellationToken ct = default) =>
        (await AssignAsync(tenantId, [candidate], fallbackOwner, ct))[0];

    /// <summary>Takes <paramref name="count"/> consecutive turns of the team; a writer who lost the race reads again.</summary>
    private async Task<long> TakeTurnsAsync(string tenantId, string team, int count, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Open(tenantId);
            var cursor = await db.RoundRobinCursors.FirstOrDefaultAsync(c => c.Team == team, ct);
            if (cursor is null)
            {
                cursor = new RoundRobinCursor(tenantId, team);
                db.RoundRobinCursors.Add(cursor);
            }
            var first = cursor.Take(count);
            try
            {
                await db.SaveChangesAsync(ct);
                return first;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another capture took a turn (or created the row) first.
                await Task.Delay(Random.Shared.Next(1, 5 + attempt * 2), ct);
            }
        }
    }

    /// <summary>The owner of each account's most recently active deal.</summary>
    private static async Task<Dictionary<Guid, string>> AccountOwnersAsync(CrmDbContext db, IEnumerable<Guid?> accountIds, CancellationToken ct)
    {
        var ids = accountIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return [];
        var deals = await db.Opportunities.AsNoTracking()
            .Where(o => o.AccountId != null && ids.Contains(o.AccountId.Value))
            .Select(o => new { AccountId = o.AccountId!.Value, o.OwnerId, o.CreatedAt, o.LastActivityAt })
            .ToListAsync(ct);
        return deals.GroupBy(d => d.AccountId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.LastActivityAt ?? d.CreatedAt).First().OwnerId);
    }
}

/// <summary>Reading and replacing a tenant's rules (admin).</summary>
public sealed class AssignmentRules(ICrmDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlyList<AssignmentRule>> ListAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.AssignmentRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
    }

    /// <summary>
    /// Replaces the tenant's rules with <paramref name="rules"/> (their positions as given). Refused, with nothing
    /// changed, when a territory names someone who is not a user of the tenant or a round-robin a team nobody is in:
    /// such a rule would silently hand leads to the fallback owner.
    /// </summary>
    public async Task ReplaceAsync(Actor admin, IReadOnlyList<AssignmentRule> rules, CancellationToken ct = default)
    {
        var tenantId = admin.TenantId;
        await using var db = database.Open(tenantId);
        var assignees = rules.Select(r => r.AssigneeObjectId).OfType<string>().Distinct().ToList();
        var teams = rules.Select(r => r.Team).OfType<string>().Distinct().ToList();
        var knownReps = (await db.Users.AsNoTracking().Where(u => assignees.Contains(u.ObjectId)).Select(u => u.ObjectId).ToListAsync(ct)).ToHashSet();
        var knownTeams = (await db.Users.AsNoTracking().Where(u => u.Team != null && teams.Contains(u.Team)).Select(u => u.Team!).Distinct().ToListAsync(ct)).ToHashSet();
        foreach (var rule in rules.OrderBy(r => r.Position))
        {
            var position = rule.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (rule.AssigneeObjectId is { } rep && !knownReps.Contains(rep))
            {
                throw new DomainException(DomainError.Of("unknown_rep", ("position", position), ("rep", rep)));
            }
            if (rule.Team is { } team && !knownTeams.Contains(team))
            {
                throw new DomainException(DomainError.Of("unknown_team", ("position", position), ("team", team)));
            }
        }
        var replaced = await db.AssignmentRules.ToListAsync(ct);
        db.AuditEntries.Add(new AuditEntry(tenantId, admin.UserObjectId, "assignment-rules.replace",
            replaced.OrderBy(r => r.Position).Select(Audited).ToList(), rules.OrderBy(r => r.Position).Select(Audited).ToList(), clock.GetUtcNow()));
        db.AssignmentRules.RemoveRange(replaced);
        db.AssignmentRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
    }

    private static object Audited(AssignmentRule r) => new { kind = r.Kind.ToString(), r.Country, r.EmailDomainSuffix, r.AssigneeObjectId, r.Team };
}


using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

/// <summary>A person as the admin page lists them.</summary>
public sealed record PersonView(string ObjectId, string DisplayName, string? Email, string? Team, string? ManagerObjectId, bool IsAdmin, bool Active,
    bool TeamSetByHand, bool ManagerSetByHand, int OpenDeals)
{
    public static PersonView From(User u, int openDeals) =>
        new(u.ObjectId, u.DisplayName, u.Email, u.Team, u.ManagerObjectId, u.IsAdmin, u.Active, u.TeamSetByHand, u.ManagerSetByHand, openDeals);
}

/// <summary>An admin's change to a person; null leaves a field, an empty string clears the team or manager.</summary>
public sealed record PersonChange(string? Team = null, string? ManagerObjectId = null, bool? IsAdmin = null, bool? Active = null);

/// <summary>The result of a bulk reassignment: which deals moved, and which could not (each with its reason).</summary>
public sealed record ReassignResult(IReadOnlyList<Guid> Reassigned, IReadOnlyList<string> Failed);

/// <summary>People, teams and managers for admins. Deactivating keeps a person's deals; reassigning moves the open ones.</summary>
public sealed class PeopleAdministration(ICrmDatabase database, OpportunityService opportunities, TimeProvider clock)
{
    public const int MaxListed = 1_000;

    public async Task<IReadOnlyList<PersonView>> ListAsync(Actor admin, string? search, string? team, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var open = await db.Opportunities.AsNoTracking().Where(o => StageFacts.OpenStages.Contains(o.Stage))
            .GroupBy(o => o.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var text = search?.Trim();
        return users
            .Where(u => string.IsNullOrEmpty(text) || u.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (u.Email?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false) || u.ObjectId == text)
            .Where(u => string.IsNullOrWhiteSpace(team) || string.Equals(u.Team, team.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Take(MaxListed)
            .Select(u => PersonView.From(u, open.GetValueOrDefault(u.ObjectId)))
            .ToList();
    }

    public async Task<PersonView> ChangeAsync(Actor admin, string objectId, PersonChange change, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        var users = await db.Users.ToListAsync(ct);
        var user = users.FirstOrDefault(u => u.ObjectId == objectId) ?? throw new NotFoundException("user");
        var before = PersonView.From(user, 0);
        if (change.Team is not null) Field("team", () => user.AssignTeam(change.Team));
        if (change.ManagerObjectId is { } manager)
        {
            var managerId = string.IsNullOrWhiteSpace(manager) ? null : manager.Trim();
            if (managerId is not null && users.All(u => u.ObjectId != managerId))
            {
                throw new DomainException(DomainError.Of("unknown_person", ("value", managerId), ("field", "managerObjectId")));
            }
            Field("managerObjectId", () => user.AssignManager(managerId));
            if (OrganisationChart.CycleThrough(users, user.ObjectId) is { } cycle)
            {
                throw new DomainException(DomainError.Of("manager_cycle", ("value", string.Join(" → ", cycle)), ("field", "managerObjectId")));
            }
        }
        if (change.IsAdmin is { } isAdmin) user.SetAdmin(isAdmin);
        if (change.Active is { } active) user.SetActive(active);
        AuditLog.Record(db, admin, "person.change", before, PersonView.From(user, 0), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return PersonView.From(user, await db.Opportunities.CountAsync(o => o.OwnerId == objectId && StageFacts.OpenStages.Contains(o.Stage), ct));
    }

    /// <summary>
    /// Moves every open deal of <paramref name="fromObjectId"/> to <paramref name="toObjectId"/> through the deal's own
    /// owner change: each is a history row, and the new owner is told through the outbox. A deal changed meanwhile is reported, not lost.
    /// </summary>
    public async Task<ReassignResult> ReassignOpenDealsAsync(Actor admin, string fromObjectId, string toObjectId, CancellationToken ct = default)
    {
        List<Guid> deals;
        await using (var db = database.Open(admin.TenantId))
        {
            var from = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ObjectId == fromObjectId, ct);
            var to = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ObjectId == toObjectId, ct);
            if (from is null) throw new DomainException(DomainError.Of("unknown_person", ("value", fromObjectId), ("field", "fromObjectId")));
            if (to is null) throw new DomainException(DomainError.Of("unknown_person", ("value", toObjectId), ("field", "toObjectId")));
            if (!to.Active) throw new DomainException(DomainError.Of("reassign_to_inactive", ("field", "toObjectId")));
            deals = await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == fromObjectId && StageFacts.OpenStages.Contains(o.Stage))
                .Select(o => o.Id).ToListAsync(ct);
            AuditLog.Record(db, admin, "person.reassign", new { fromObjectId, deals = deals.Count }, new { toObjectId }, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        var moved = new List<Guid>();
        var failed = new List<string>();
        foreach (var id in deals)
        {
            try
            {
                await opportunities.ReassignByAdminAsync(admin, id, fromObjectId, toObjectId, ct);
                moved.Add(id);
            }
            catch (DomainException ex)
            {
                failed.Add($"{id}: {ex.Error.Describe(admin.Locale)}");
            }
        }
        return new ReassignResult(moved, failed);
    }

    private static void Field(string field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException ex) when (!ex.Error.Values.ContainsKey("field"))
        {
            var values = ex.Error.Values.ToDictionary(v => v.Key, v => v.Value);
            values["field"] = field;
            throw new DomainException(ex.Error with { Values = values });
        }
    }
}

using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Administration;

public sealed record OrganisationPerson(string ObjectId, string DisplayName, string? Email, string? Team, bool Active);

/// <summary>Where someone stands as the CRM sees it: their team, their manager, their teammates and who reports to them.</summary>
public sealed record OrganisationView(OrganisationPerson Me, OrganisationPerson? Manager, IReadOnlyList<OrganisationPerson> Teammates,
    IReadOnlyList<OrganisationPerson> DirectReports);

/// <summary>The organisation for any rep (the bot's "my team" and "who is my manager"); no admin rights needed, one tenant only.</summary>
public sealed class Organisation(ICrmDatabase database)
{
    public async Task<OrganisationView?> OfAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var me = users.FirstOrDefault(u => u.ObjectId == actor.UserObjectId);
        if (me is null) return null;
        OrganisationPerson View(Domain.Users.User u) => new(u.ObjectId, u.DisplayName, u.Email, u.Team, u.Active);
        var byName = StringComparer.CurrentCultureIgnoreCase;
        return new OrganisationView(View(me),
            users.FirstOrDefault(u => u.ObjectId == me.ManagerObjectId) is { } manager ? View(manager) : null,
            me.Team is null ? [] : users.Where(u => u.Team == me.Team && u.ObjectId != me.ObjectId && u.Active).OrderBy(u => u.DisplayName, byName).Select(View).ToList(),
            users.Where(u => u.ManagerObjectId == me.ObjectId).OrderBy(u => u.DisplayName, byName).Select(View).ToList());
    }
}

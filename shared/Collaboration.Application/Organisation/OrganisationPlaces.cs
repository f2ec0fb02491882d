using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Organisation;

/// <summary>Someone as the CRM knows them: placement and whether they still work here.</summary>
public sealed record OrganisationPerson(string ObjectId, string DisplayName, string? Email, string? Team, bool Active);

/// <summary>A direct report with their open deals and open weighted pipeline per currency.</summary>
public sealed record DirectReport(OrganisationPerson Person, int OpenDeals, IReadOnlyList<(string Currency, decimal Weighted)> Weighted);

/// <summary>
/// Where the caller sits: their team and teammates, their manager (<see cref="ManagerObjectId"/> may name someone the
/// CRM has not met yet, then <see cref="Manager"/> is null) and their direct reports.
/// </summary>
public sealed record OrganisationPlace(OrganisationPerson Me, string? ManagerObjectId, OrganisationPerson? Manager,
    IReadOnlyList<OrganisationPerson> Teammates, int TeamSize, IReadOnlyList<DirectReport> Reports)
{
    public bool IsManager => Reports.Count > 0;
}

/// <summary>
/// The organisation as the CRM sees it for one person (User.Team, ManagerObjectId, Active): read-only, for the bot's
/// "my team" and "who is my manager". Pipeline numbers are shown only for the caller's direct reports, whose deals
/// <see cref="DealAccess"/> already lets a manager see.
/// </summary>
public sealed class OrganisationPlaces(ICrmDatabase database, AdminOptions options)
{
    public const int MaxTeammates = 25;
    public const int MaxReports = 25;

    public async Task<OrganisationPlace> PlaceAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var people = (await db.Users.AsNoTracking()
                .Select(u => new { Person = new OrganisationPerson(u.ObjectId, u.DisplayName, u.Email, u.Team, u.Active), u.ManagerObjectId })
                .ToListAsync(ct))
            .ToDictionary(u => u.Person.ObjectId, StringComparer.Ordinal);
        var me = people.TryGetValue(actor.UserObjectId, out var found)
            ? found
            : new { Person = new OrganisationPerson(actor.UserObjectId, actor.UserObjectId, null, null, true), ManagerObjectId = (string?)null };
        var manager = me.ManagerObjectId is { } managerId ? people.GetValueOrDefault(managerId)?.Person : null;

        var team = me.Person.Team is { } name
            ? people.Values.Select(p => p.Person).Where(p => p.Team == name && p.ObjectId != actor.UserObjectId).ToList()
            : [];
        var teammates = team.Where(p => p.Active).OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).Take(MaxTeammates).ToList();

        var reports = people.Values.Where(p => p.ManagerObjectId == actor.UserObjectId && p.Person.ObjectId != actor.UserObjectId)
            .Select(p => p.Person)
            .OrderByDescending(p => p.Active).ThenBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.ObjectId, StringComparer.Ordinal)
            .Take(MaxReports).ToList();
        var reportIds = reports.Select(r => r.ObjectId).ToList();
        var open = await db.Opportunities.AsNoTracking()
            .Where(o => reportIds.Contains(o.OwnerId) && o.Stage != Stage.Won && o.Stage != Stage.Lost)
            .Select(o => new { o.OwnerId, o.Amount, o.Currency, o.Probability })
            .ToListAsync(ct);
        var direct = reports.Select(r =>
        {
            var deals = open.Where(o => o.OwnerId == r.ObjectId).ToList();
            var weighted = deals.Where(d => d.Amount is not null).GroupBy(d => d.Currency)
                .Select(g => (g.Key, Math.Round(g.Sum(d => d.Amount!.Value * d.Probability / 100m), 2)))
                .OrderByDescending(w => w.Item2).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
            return new DirectReport(r, deals.Count, weighted);
        }).ToList();
        return new OrganisationPlace(me.Person, me.ManagerObjectId, manager, teammates, team.Count(p => p.Active) + 1, direct);
    }

    /// <summary>Someone reports to the caller.</summary>
    public async Task<bool> IsManagerAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        return await db.Users.AnyAsync(u => u.ManagerObjectId == actor.UserObjectId && u.ObjectId != actor.UserObjectId, ct);
    }

    /// <summary>Who may change the tenant's settings (stored flag or <c>Admin:BootstrapObjectIds</c>), active first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<OrganisationPerson>> AdminsAsync(Actor actor, int max = 5, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var bootstrap = options.BootstrapObjectIds;
        return (await db.Users.AsNoTracking()
                .Where(u => u.IsAdmin || bootstrap.Contains(u.ObjectId))
                .Select(u => new OrganisationPerson(u.ObjectId, u.DisplayName, u.Email, u.Team, u.Active))
                .ToListAsync(ct))
            .Where(p => p.Active)
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.ObjectId, StringComparer.Ordinal)
            .Take(max).ToList();
    }
}

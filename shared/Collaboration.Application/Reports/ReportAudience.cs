using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reports;

/// <summary>A person whose deals the viewer may report on: for filter pickers and for naming owners in report rows.</summary>
public sealed record ReportPerson(string ObjectId, string DisplayName, string? Team);

/// <summary>
/// Who a viewer may filter reports by: the same people <see cref="DealAccess"/> lets them see (own, team, reports),
/// never anyone else in the tenant. Their teams are the teams offered as a filter.
/// </summary>
public sealed class ReportAudience(ICrmDatabase database)
{
    public async Task<IReadOnlyList<ReportPerson>> VisiblePeopleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.ObjectId, u.DisplayName, u.Team }).ToListAsync(ct);
        return users
            .Where(u => visible.Contains(u.ObjectId))
            .Select(u => new ReportPerson(u.ObjectId, u.DisplayName, u.Team))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.ObjectId, StringComparer.Ordinal)
            .ToList();
    }
}

using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Access;

/// <summary>
/// Whose deals a user may see and change: their own, their team's, and everyone who reports to them,
/// directly or through other managers.
/// </summary>
public static class DealAccess
{
    public static async Task<HashSet<string>> VisibleOwnersAsync(CrmDbContext db, string userObjectId, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.ObjectId, u.Team, u.ManagerObjectId })
            .ToListAsync(ct);
        var visible = new HashSet<string> { userObjectId };
        var me = users.FirstOrDefault(u => u.ObjectId == userObjectId);
        if (me?.Team is { } team)
        {
            visible.UnionWith(users.Where(u => u.Team == team).Select(u => u.ObjectId));
        }
        var managersWalked = new HashSet<string>();
        var frontier = new Queue<string>([userObjectId]);
        while (frontier.TryDequeue(out var manager))
        {
            if (!managersWalked.Add(manager)) continue;
            foreach (var report in users.Where(u => u.ManagerObjectId == manager))
            {
                visible.Add(report.ObjectId);
                frontier.Enqueue(report.ObjectId);
            }
        }
        return visible;
    }
}

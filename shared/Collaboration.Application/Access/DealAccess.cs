using Collaboration.Application.Persistence;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Access;

/// <summary>
/// Whose deals a user may see and change: their own, their team's, and everyone who reports to them,
/// directly or through other managers.
/// </summary>
public static class DealAccess
{
    // Compiled: every read or change of a deal asks it.
    private static readonly PerProvider<Func<CrmDbContext, IAsyncEnumerable<UserPlacement>>> Placements = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db) => db.Users.AsNoTracking().Select(u => new UserPlacement(u.ObjectId, u.Team, u.ManagerObjectId))));

    public static async Task<HashSet<string>> VisibleOwnersAsync(CrmDbContext db, string userObjectId, CancellationToken ct)
    {
        var users = new List<UserPlacement>();
        await foreach (var user in Placements.For(db)(db).WithCancellation(ct)) users.Add(user);
        return VisibleOwners(users, userObjectId);
    }

    /// <summary>
    /// Whether the user may see a deal of <paramref name="ownerObjectId"/>. Their own deal needs no one's placement: a
    /// rep acting on their own deals, the commonest case, reads no users.
    /// </summary>
    public static async Task<bool> MaySeeAsync(CrmDbContext db, string userObjectId, string ownerObjectId, CancellationToken ct) =>
        ownerObjectId == userObjectId || (await VisibleOwnersAsync(db, userObjectId, ct)).Contains(ownerObjectId);

    /// <summary>The same rule over users already loaded (the notification dispatcher has the whole tenant at hand).</summary>
    public static HashSet<string> VisibleOwners(IEnumerable<User> users, string userObjectId) =>
        VisibleOwners(users.Select(u => new UserPlacement(u.ObjectId, u.Team, u.ManagerObjectId)).ToList(), userObjectId);

    private static HashSet<string> VisibleOwners(List<UserPlacement> users, string userObjectId)
    {
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

    private sealed record UserPlacement(string ObjectId, string? Team, string? ManagerObjectId);
}

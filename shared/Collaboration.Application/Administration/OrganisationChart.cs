using Collaboration.Domain.Users;

namespace Collaboration.Application.Administration;

/// <summary>Who manages whom: walks the manager links to find a loop (A manages B manages A), which would make everyone see everyone.</summary>
public static class OrganisationChart
{
    /// <summary>The loop that <paramref name="start"/>'s manager chain runs into, in order; null when the chain ends.</summary>
    public static IReadOnlyList<string>? CycleThrough(IEnumerable<User> users, string start)
    {
        var managerOf = users.ToDictionary(u => u.ObjectId, u => u.ManagerObjectId, StringComparer.Ordinal);
        var path = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (string? at = start; at is not null; at = managerOf.GetValueOrDefault(at))
        {
            if (seen.TryGetValue(at, out var index)) return [.. path.Skip(index), at];
            seen[at] = path.Count;
            path.Add(at);
        }
        return null;
    }
}

using System.Collections.Concurrent;
using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Users;

public sealed record UserProfile(string TenantId, string ObjectId, string DisplayName, string? Email, string? Locale, string? TimeZone)
{
    /// <summary>Whether the token names the admin app role; null where roles are not seen (Teams activities).</summary>
    public bool? HoldsAdminRole { get; init; }
}

/// <summary>Makes sure the rep behind a Teams message or an Outlook token exists: the same row for both tools.</summary>
public sealed class UserDirectory(ICrmDatabase database, TimeProvider clock)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private const int MaxRemembered = 10_000;

    // Every Teams turn and Outlook request names its user; the row only needs writing when the profile is new or changed.
    private readonly ConcurrentDictionary<UserProfile, DateTimeOffset> _recentlyEnsured = new();

    public async Task EnsureAsync(UserProfile profile, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_recentlyEnsured.TryGetValue(profile, out var until) && until > now) return;
        await WriteAsync(profile, ct);
        if (_recentlyEnsured.Count >= MaxRemembered) _recentlyEnsured.Clear();
        _recentlyEnsured[profile] = now + RememberFor;
    }

    private async Task WriteAsync(UserProfile profile, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Open(profile.TenantId);
            try
            {
                if (!await db.Tenants.AnyAsync(ct))
                {
                    db.Tenants.Add(new Tenant(profile.TenantId, profile.TenantId));
                    await db.SaveChangesAsync(ct);
                }
                var user = await db.Users.FirstOrDefaultAsync(u => u.ObjectId == profile.ObjectId, ct);
                if (user is null)
                {
                    user = new User(profile.TenantId, profile.ObjectId, profile.DisplayName, profile.Email, profile.Locale ?? "en-US", profile.TimeZone ?? "UTC");
                    db.Users.Add(user);
                }
                else
                {
                    user.UpdateProfile(profile.DisplayName, profile.Email, profile.Locale, profile.TimeZone);
                }
                if (profile.HoldsAdminRole is { } holdsRole && user.FollowAdminRole(holdsRole))
                {
                    db.AuditEntries.Add(new AuditEntry(profile.TenantId, profile.ObjectId, "user.admin-from-role",
                        new { isAdmin = !user.IsAdmin }, new { isAdmin = user.IsAdmin, role = AdminPolicy.AppRole }, clock.GetUtcNow()));
                }
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another request created the tenant or the user first; read theirs.
            }
        }
    }

    public async Task<User?> FindAsync(string tenantId, string objectId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.ObjectId == objectId, ct);
    }
}

using Collaboration.Application.Persistence;
using Collaboration.Domain.Tenants;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Users;

public sealed record UserProfile(string TenantId, string ObjectId, string DisplayName, string? Email, string? Locale, string? TimeZone);

/// <summary>Makes sure the rep behind a Teams message or an Outlook token exists: the same row for both tools.</summary>
public sealed class UserDirectory(CrmDatabase database)
{
    public async Task<User> EnsureAsync(UserProfile profile, CancellationToken ct = default)
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
                await db.SaveChangesAsync(ct);
                return user;
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

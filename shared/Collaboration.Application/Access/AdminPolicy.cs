using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Collaboration.Application.Access;

/// <summary>Settings under <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    /// <summary>Entra object ids that are admins of their tenant before anyone has set a flag or an app role: the first admins.</summary>
    public List<string> BootstrapObjectIds { get; set; } = [];

    public static AdminOptions From(IConfiguration configuration) =>
        configuration.GetSection("Admin").Get<AdminOptions>() ?? new AdminOptions();
}

/// <summary>
/// Who is an admin of a tenant, for both hosts: whoever holds the Entra app role <see cref="AppRole"/> in their token
/// (in development sign-in, the header <c>X-Dev-Roles</c>), whose object id is in <c>Admin:BootstrapObjectIds</c>, or
/// whose stored flag (Users.IsAdmin) is set. The bot sees no roles in activities: it passes none and relies on the
/// stored flag, which every add-in request with or without the role keeps up to date (<see cref="Domain.Users.User.FollowAdminRole"/>).
/// </summary>
public sealed class AdminPolicy(ICrmDatabase database, AdminOptions options)
{
    public const string AppRole = "Crm.Admin";

    /// <param name="roles">The app roles the caller's token names; null when the front end cannot see roles (the bot).</param>
    public async Task<bool> IsAdminAsync(Actor actor, IEnumerable<string>? roles, CancellationToken ct = default)
    {
        if (roles is not null && roles.Contains(AppRole, StringComparer.Ordinal)) return true;
        if (options.BootstrapObjectIds.Contains(actor.UserObjectId, StringComparer.OrdinalIgnoreCase)) return true;
        await using var db = database.Open(actor.TenantId);
        return await db.Users.AnyAsync(u => u.ObjectId == actor.UserObjectId && u.IsAdmin, ct);
    }

    public static bool HoldsRole(IEnumerable<string> roles) => roles.Contains(AppRole, StringComparer.Ordinal);
}

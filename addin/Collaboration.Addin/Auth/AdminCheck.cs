using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Auth;

/// <summary>
/// Who may manage a tenant's web forms and assignment rules: a user flagged admin (Users.IsAdmin) or holding the
/// Entra app role <c>Collaboration.Admin</c>; in development sign-in (no Entra app) every signed-in rep of the tenant.
/// </summary>
public sealed class Admin(Rep rep)
{
    public const string AppRole = "Collaboration.Admin";

    public Rep Rep { get; } = rep;

    public static async ValueTask<Admin?> BindAsync(HttpContext context)
    {
        var rep = await Rep.BindAsync(context) ?? throw new UnauthorizedAccessException();
        var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
        if (AddinAuthentication.IsDevelopmentMode(configuration) || context.User.IsInRole(AppRole)
            || context.User.FindAll("roles").Any(c => c.Value == AppRole))
        {
            return new Admin(rep);
        }
        await using var db = context.RequestServices.GetRequiredService<CrmDatabase>().Open(rep.Actor.TenantId);
        if (await db.Users.AnyAsync(u => u.ObjectId == rep.Actor.UserObjectId && u.IsAdmin, context.RequestAborted)) return new Admin(rep);
        throw new AdminRequiredException();
    }
}

public sealed class AdminRequiredException() : Exception("Only an admin of the tenant may do this.");

using Collaboration.Application.Access;

namespace Collaboration.Addin.Auth;

/// <summary>
/// The signed-in rep, when <see cref="AdminPolicy"/> says they are an admin of their tenant (the app role <c>Crm.Admin</c>,
/// <c>Admin:BootstrapObjectIds</c>, or the stored flag); any other rep gets 403.
/// </summary>
public sealed class Admin(Rep rep)
{
    public Rep Rep { get; } = rep;

    public static async ValueTask<Admin?> BindAsync(HttpContext context)
    {
        var rep = await Rep.BindAsync(context) ?? throw new UnauthorizedAccessException();
        var policy = context.RequestServices.GetRequiredService<AdminPolicy>();
        if (await policy.IsAdminAsync(rep.Actor, AddinAuthentication.Roles(context.User), context.RequestAborted)) return new Admin(rep);
        throw new AdminRequiredException();
    }
}

public sealed class AdminRequiredException() : Exception("Only an admin of the tenant may do this.");

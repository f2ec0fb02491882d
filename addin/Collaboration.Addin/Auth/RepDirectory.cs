using System.Security.Claims;
using Collaboration.Application;
using Collaboration.Application.Access;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Microsoft.Identity.Web;

namespace Collaboration.Addin.Auth;

/// <summary>Turns the signed-in principal into the <see cref="Actor"/> the use cases take, making sure the rep exists.</summary>
public sealed class RepDirectory(UserDirectory users)
{
    public async Task<Actor> ActorAsync(HttpContext context)
    {
        var user = context.User;
        var tenantId = user.GetTenantId();
        var objectId = user.GetObjectId();
        if (string.IsNullOrEmpty(tenantId) || string.IsNullOrEmpty(objectId))
        {
            throw new UnauthorizedAccessException("The token names no tenant (tid) or user (oid).");
        }
        var name = user.FindFirstValue(ClaimConstants.Name) ?? objectId;
        var email = user.FindFirstValue(ClaimConstants.PreferredUserName) ?? user.FindFirstValue(ClaimTypes.Email);
        // Every add-in request refreshes the stored admin flag from the app role, for the bot, which sees no roles.
        var holdsAdminRole = AdminPolicy.HoldsRole(AddinAuthentication.Roles(user));
        await users.EnsureAsync(new UserProfile(tenantId, objectId, name, email, null, null) { HoldsAdminRole = holdsAdminRole }, context.RequestAborted);
        return new Actor(tenantId, objectId, ChangeSurface.Outlook, RequestLocale.Of(context.Request));
    }
}

/// <summary>The caller's language for messages: Simplified Chinese when Accept-Language prefers zh, else English.</summary>
public static class RequestLocale
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static string Of(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .FirstOrDefault(l => l is not null && (l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase)));
        return preferred is not null && preferred.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
    }
}

/// <summary>The signed-in rep as an endpoint parameter.</summary>
public sealed record Rep(Actor Actor)
{
    public static async ValueTask<Rep?> BindAsync(HttpContext context) =>
        new(await context.RequestServices.GetRequiredService<RepDirectory>().ActorAsync(context));
}

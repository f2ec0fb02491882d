using Collaboration.Application.Access;
using Collaboration.Application.Users;

namespace Collaboration.Addin.Auth;

/// <summary>Who the signed-in person is to the CRM: name, locale and whether they are an admin (by <see cref="AdminPolicy"/>).</summary>
public sealed record MeResponse(string ObjectId, string DisplayName, bool IsAdmin, string Locale);

public static class MeEndpoints
{
    /// <summary><c>GET /api/me</c>: one call tells a page what to show (the Settings view for admins) without probing an admin API.</summary>
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", async (HttpContext http, Rep rep, AdminPolicy policy, UserDirectory users, CancellationToken ct) =>
        {
            var actor = rep.Actor;
            var user = await users.FindAsync(actor.TenantId, actor.UserObjectId, ct);
            var isAdmin = await policy.IsAdminAsync(actor, AddinAuthentication.Roles(http.User), ct);
            return TypedResults.Ok(new MeResponse(actor.UserObjectId, user?.DisplayName ?? actor.UserObjectId, isAdmin, user?.Locale ?? "en-US"));
        })
            .RequireAuthorization(AddinAuthentication.RepPolicy)
            .WithTags("Me")
            .WithName("GetMe")
            .WithSummary("The signed-in person: object id, display name, whether they are an admin of their tenant, and their locale.")
            .Produces<MeResponse>();
        return app;
    }
}

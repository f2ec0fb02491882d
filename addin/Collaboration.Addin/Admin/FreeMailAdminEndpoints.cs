using Collaboration.Addin.Auth;
using Collaboration.Application.Administration;

namespace Collaboration.Addin.Administration;

public sealed record FreeMailView(IReadOnlyList<string>? Extra, IReadOnlyList<string>? NotFreeMail);

/// <summary>The tenant's free-mail overrides for admins: which sender domains count as free mail (no company is made from them).</summary>
public static class FreeMailAdminEndpoints
{
    public static IEndpointRouteBuilder MapFreeMailAdmin(this IEndpointRouteBuilder app)
    {
        var freeMail = app.MapGroup("/api/admin/free-mail").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        freeMail.MapGet("/", async (Admin caller, FreeMailAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.GetAsync(caller.Rep.Actor, ct)))
            .WithName("AdminFreeMail")
            .WithSummary("Domains added to the shipped free-mail list (extra) and domains taken off it (notFreeMail).")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        freeMail.MapPut("/", async Task<IResult> (FreeMailView? request, Admin caller, FreeMailAdministration admin, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["freeMail"] = ["Send {extra, notFreeMail} as JSON."] });
            return TypedResults.Ok(await admin.ChangeAsync(caller.Rep.Actor, new FreeMailOverrides(request.Extra ?? [], request.NotFreeMail ?? []), ct));
        })
            .WithName("ChangeAdminFreeMail")
            .WithSummary("Replaces both lists (at most 200 domains each, 253 characters a domain); 422 names each bad entry (extra[2]) and nothing is saved.")
            .Produces<FreeMailOverrides>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}

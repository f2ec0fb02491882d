using Collaboration.Addin.Auth;
using Collaboration.Application.Administration;
using Collaboration.Domain.Quotas;

namespace Collaboration.Addin.Administration;

/// <summary>Quotas per rep or team, per month or quarter, for admins.</summary>
public static class QuotaAdminEndpoints
{
    public static IEndpointRouteBuilder MapQuotaAdmin(this IEndpointRouteBuilder app)
    {
        var quotas = app.MapGroup("/api/admin/quotas").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        quotas.MapGet("/", async (string? period, Admin caller, QuotaAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(caller.Rep.Actor, string.IsNullOrWhiteSpace(period) ? null : QuotaPeriod.Parse(period), ct)))
            .WithName("AdminQuotas")
            .WithSummary("The quotas, of one period (2027-Q1 or 2027-01) when given.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        quotas.MapPut("/", async Task<IResult> (IReadOnlyList<QuotaEntry>? request, Admin caller, QuotaAdministration admin, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quotas"] = ["Send a JSON array of {ownerObjectId? | team?, period, amount, currency}."] });
            return TypedResults.Ok(await admin.SetAsync(caller.Rep.Actor, request, ct));
        })
            .WithName("SetAdminQuotas")
            .WithSummary("Sets quotas (replacing one for the same rep or team and period); all or nothing, 422 naming each entry's field.")
            .Produces<IReadOnlyList<QuotaEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}

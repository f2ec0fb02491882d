using Collaboration.Addin.Auth;
using Collaboration.Application.Administration;

namespace Collaboration.Addin.Administration;

/// <summary>The tenant's pipeline for admins: read it, or replace it (validated, versioned and audited).</summary>
public static class PipelineAdminEndpoints
{
    public static IEndpointRouteBuilder MapPipelineAdmin(this IEndpointRouteBuilder app)
    {
        var pipeline = app.MapGroup("/api/admin/pipeline").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        pipeline.MapGet("/", async (Admin caller, PipelineAdministration settings, CancellationToken ct) =>
            TypedResults.Ok(PipelineSettingsView.From(await settings.GetAsync(caller.Rep.Actor, ct))))
            .WithName("AdminPipeline")
            .WithSummary("Stage names (en, zh), probabilities, forecast categories, exit criteria, loss reasons, the qualification threshold, BANT weights, default currency and version.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        pipeline.MapPut("/", async Task<IResult> (PipelineSettingsView? request, Admin caller, PipelineAdministration settings, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pipeline"] = ["Send the pipeline as JSON."] });
            return TypedResults.Ok(PipelineSettingsView.From(await settings.ChangeAsync(caller.Rep.Actor, request.ToSettings(), request.Version!.Value, ct)));
        })
            .WithName("ChangeAdminPipeline")
            .WithSummary("Replaces the pipeline. The body carries the version the admin loaded (version); if someone saved since, 409 (code pipeline_conflict, currentVersion) and nothing is saved. 422 names each problem by its field (errors), and nothing is saved.")
            .Produces<PipelineSettingsView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}

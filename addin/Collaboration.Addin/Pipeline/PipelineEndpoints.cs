using Collaboration.Addin.Auth;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Addin.Pipeline;

/// <summary>One stage of the caller's pipeline: its fixed key, its name in the caller's language and how it forecasts.</summary>
public sealed record PipelineStage(Stage Stage, string Name, int Probability, ForecastCategory ForecastCategory, bool Open);

/// <summary>The tenant's pipeline as the front ends draw it: every stage in pipeline order, and the loss reasons offered.</summary>
public sealed record PipelineResponse(IReadOnlyList<PipelineStage> Stages, IReadOnlyList<string> LossReasons, string DefaultCurrency);

/// <summary><c>GET /api/pipeline</c>: the signed-in rep's tenant's stages (renamed and tuned by the tenant), for the dashboard.</summary>
public static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipeline(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pipeline", async (Rep rep, OpportunityQueries queries, CancellationToken ct) =>
        {
            var pipeline = await queries.PipelineAsync(rep.Actor, ct);
            var stages = Enum.GetValues<Stage>().Select(pipeline.For).Select(s =>
                new PipelineStage(s.Stage, s.DisplayName(rep.Actor.Locale), s.Probability, s.ForecastCategory, !s.Stage.IsClosed()));
            return TypedResults.Ok(new PipelineResponse(stages.ToList(), pipeline.LossReasons, pipeline.DefaultCurrency));
        })
            .RequireAuthorization(AddinAuthentication.RepPolicy)
            .WithTags("Pipeline")
            .WithName("Pipeline")
            .WithSummary("The caller's tenant's stages (names in the caller's language, probabilities, forecast categories) and loss reasons.");
        return app;
    }
}

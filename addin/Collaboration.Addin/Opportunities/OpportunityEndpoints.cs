using Collaboration.Addin.Auth;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Addin.Opportunities;

public sealed record CreateDealRequest(
    string? Name, string? ContactEmail, string? ContactName, string? AccountName, decimal? Amount, string? Currency, DateOnly? CloseDate,
    string? Source, string? ReferredBy, bool? Assign);

/// <summary>A created deal the assignment rules gave to someone whose deals the creating rep does not see.</summary>
public sealed record HandedOverDeal(Guid Id, string Name, string OwnerId, bool HandedOver);

public sealed record StageRequest(string? Stage, int? ExpectedVersion, string? Reason, string? LossReason, string? Competitor);

public sealed record QualificationRequest(
    int? ExpectedVersion, decimal? BudgetAmount, string? BudgetCurrency, BudgetStatus? BudgetStatus, string? DecisionMakerName,
    NeedLevel? Need, Timeframe? Timeframe, DateOnly? TargetDate);

/// <summary>The deal use cases the Teams bot offers, with the same rules, for the task pane.</summary>
public static class OpportunityEndpoints
{
    public static IEndpointRouteBuilder MapOpportunities(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/opportunities").WithTags("Opportunities").RequireAuthorization(AddinAuthentication.RepPolicy);

        deals.MapGet("/", async Task<IResult> (Rep rep, OpportunityQueries queries, bool? mine, CancellationToken ct) =>
            mine is false
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mine"] = ["Only the rep's own open deals can be listed here (mine=true)."] })
                : TypedResults.Ok(await queries.MyOpenDealsAsync(rep.Actor, ct: ct)))
            .Produces<IReadOnlyList<DealSummary>>()
            .WithName("MyOpenDeals")
            .WithSummary("The rep's open deals, hottest first (mine=true is the only list so far).");

        deals.MapPost("/", async Task<IResult> (CreateDealRequest request, Rep rep, HttpContext context, ManualCapture capture, OpportunityQueries queries, CancellationToken ct) =>
        {
            var locale = RequestLocale.Of(context.Request);
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = [DomainError.Of("name_required").Describe(locale)];
            var source = CaptureSource.Manual;
            if (!string.IsNullOrWhiteSpace(request.Source)
                && !(Enum.TryParse(request.Source.Trim(), ignoreCase: true, out source) && ManualCapture.ManualSources.Contains(source)))
            {
                errors["source"] = [DomainError.Of("invalid_source", ("value", request.Source), ("allowed", ManualCapture.AllowedSources)).Describe(locale)];
            }
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
            var deal = (await capture.CaptureAsync(rep.Actor, new CaptureRequest(request.Name!.Trim())
            {
                Source = source,
                ContactEmail = string.IsNullOrWhiteSpace(request.ContactEmail) ? null : request.ContactEmail,
                ContactName = request.ContactName,
                AccountName = request.AccountName,
                Amount = request.Amount,
                Currency = string.IsNullOrWhiteSpace(request.Currency) ? null : request.Currency,
                CloseDate = request.CloseDate,
                ReferredBy = request.ReferredBy,
            }, request.Assign ?? false, ct)).Deal;
            var location = $"/api/opportunities/{deal.Id}";
            try
            {
                return TypedResults.Created(location, DealView.From(await queries.DetailAsync(rep.Actor, deal.Id, ct: ct), rep.Actor.Locale));
            }
            catch (NotFoundException)
            {
                // The rules handed it to a rep whose deals this rep does not see: say so instead of showing it.
                return TypedResults.Created(location, new HandedOverDeal(deal.Id, deal.Name, deal.OwnerId, HandedOver: true));
            }
        })
            .WithName("CreateDeal")
            .Produces<DealView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("A deal typed in by the rep: contact matched or created once; assign=true lets the tenant's assignment rules pick the owner.");

        deals.MapGet("/{id:guid}", async (Guid id, Rep rep, OpportunityQueries queries, CancellationToken ct) =>
            TypedResults.Ok(DealView.From(await queries.DetailAsync(rep.Actor, id, ct: ct), rep.Actor.Locale)))
            .WithName("DealDetail");

        deals.MapPost("/{id:guid}/stage", async Task<IResult> (Guid id, StageRequest request, Rep rep, OpportunityService service, OpportunityQueries queries, CancellationToken ct) =>
        {
            if (!StageFacts.TryParseKey(request.Stage, out var stage))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["stage"] = [$"Use one of: {string.Join(", ", Enum.GetValues<Stage>().Select(s => s.Key()))}."],
                });
            }
            if (request.ExpectedVersion is null) return MissingVersion();
            await service.MoveStageAsync(rep.Actor, id, request.ExpectedVersion, stage, request.Reason, request.LossReason, request.Competitor, ct);
            return TypedResults.Ok(DealView.From(await queries.DetailAsync(rep.Actor, id, ct: ct), rep.Actor.Locale));
        })
            .WithName("MoveStage")
            .Produces<DealView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPut("/{id:guid}/qualification", async Task<IResult> (Guid id, QualificationRequest request, Rep rep, OpportunityService service, OpportunityQueries queries, CancellationToken ct) =>
        {
            if (request.ExpectedVersion is null) return MissingVersion();
            var update = new BantUpdate
            {
                BudgetAmount = request.BudgetAmount,
                BudgetCurrency = request.BudgetCurrency,
                BudgetStatus = request.BudgetStatus,
                DecisionMakerName = request.DecisionMakerName,
                Need = request.Need,
                Timeframe = request.Timeframe,
                TargetDate = request.TargetDate,
            };
            await service.UpdateQualificationAsync(rep.Actor, id, request.ExpectedVersion, update, ct);
            return TypedResults.Ok(DealView.From(await queries.DetailAsync(rep.Actor, id, ct: ct), rep.Actor.Locale));
        })
            .WithName("UpdateQualification")
            .Produces<DealView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static IResult MissingVersion() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["expectedVersion"] = ["Send the version you last saw, so a newer change is never overwritten."],
    });
}

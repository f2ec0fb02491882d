using System.Text.Json;
using Collaboration.Addin.Auth;
using Collaboration.Application.Nurture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;

namespace Collaboration.Addin.Opportunities;

/// <summary>
/// A PATCH of a deal's details. Absent (or null) fields stay as they are; <c>probability</c> is a whole number from 0 to
/// 100, or "auto" for the stage's; an empty <c>nextStep</c> clears it and its due date.
/// </summary>
public sealed record UpdateDealRequest(
    int? ExpectedVersion, string? Name, decimal? Amount, string? Currency, DateOnly? CloseDate, JsonElement? Probability,
    string? NextStep, DateOnly? NextStepDue, string? PrimaryContactEmail, string? OwnerObjectId);

public sealed record ReopenRequest(int? ExpectedVersion, string? Reason);

public sealed record StartPlanRequest(string? Plan);

/// <summary>Keeping a deal up to date after capture: its details, reopening, its timeline and its follow-up plan.</summary>
public static class DealUpkeepEndpoints
{
    public static IEndpointRouteBuilder MapDealUpkeep(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/opportunities").WithTags("Opportunities").RequireAuthorization(AddinAuthentication.RepPolicy);

        deals.MapPatch("/{id:guid}", async Task<IResult> (Guid id, UpdateDealRequest request, Rep rep, OpportunityService service, OpportunityQueries queries, CancellationToken ct) =>
        {
            if (request.ExpectedVersion is null) return MissingVersion();
            var (manual, auto) = ReadProbability(request.Probability);
            await service.UpdateDetailsAsync(rep.Actor, id, request.ExpectedVersion, new OpportunityService.DealDetailsUpdate(
                request.Name, request.Amount, request.Currency, request.CloseDate, manual, auto, request.NextStep, request.NextStepDue,
                request.PrimaryContactEmail, request.OwnerObjectId), ct);
            return TypedResults.Ok(DealView.From(await queries.DetailAsync(rep.Actor, id, ct: ct), rep.Actor.Locale));
        })
            .WithName("UpdateDeal")
            .Produces<DealView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Changes any of name, amount, currency, close date, probability (or \"auto\"), next step and its due date, primary contact (by email) and owner; all or nothing. A 422 names the field.");

        deals.MapGet("/owners", async (Rep rep, OpportunityQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.AssignableOwnersAsync(rep.Actor, ct)))
            .WithName("AssignableOwners")
            .Produces<IReadOnlyList<OwnerChoice>>()
            .WithSummary("The people the caller may make a deal's owner (ownerObjectId): whose deals they see, the caller first.");

        deals.MapPost("/{id:guid}/reopen", async Task<IResult> (Guid id, ReopenRequest request, Rep rep, OpportunityService service, OpportunityQueries queries, CancellationToken ct) =>
        {
            if (request.ExpectedVersion is null) return MissingVersion();
            await service.ReopenAsync(rep.Actor, id, request.ExpectedVersion, request.Reason, ct);
            return TypedResults.Ok(DealView.From(await queries.DetailAsync(rep.Actor, id, ct: ct), rep.Actor.Locale));
        })
            .WithName("ReopenDeal")
            .Produces<DealView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Reopens a closed deal into the stage it closed from; the reason is kept in its history.");

        deals.MapGet("/{id:guid}/timeline", async (Guid id, int? limit, Rep rep, DealTimeline timeline, CancellationToken ct) =>
            TypedResults.Ok(await timeline.ForAsync(rep.Actor, id, limit ?? 50, ct)))
            .WithName("DealTimeline")
            .Produces<IReadOnlyList<DealTimelineEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Logged touches, changes, stage moves and reviews, newest first (limit 1-200, default 50).");

        var plan = deals.MapGroup("/{id:guid}/follow-up-plan");
        plan.MapGet("/", async Task<IResult> (Guid id, Rep rep, NurtureService nurture, CancellationToken ct) =>
            await nurture.CurrentPlanAsync(rep.Actor, id, ct) is { } current ? TypedResults.Ok(FollowUpPlanView.From(current)) : TypedResults.NoContent())
            .WithName("DealFollowUpPlan")
            .Produces<FollowUpPlanView>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The deal's running plan, else its last one; 204 when it never followed one.");
        plan.MapPost("/", async (Guid id, StartPlanRequest request, Rep rep, NurtureService nurture, CancellationToken ct) =>
            TypedResults.Ok(FollowUpPlanView.From(await nurture.StartPlanAsync(rep.Actor, id, request.Plan, ct))))
            .WithName("StartFollowUpPlan")
            .Produces<FollowUpPlanView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Enrols the deal in one of the tenant's follow-up plans, from today; one plan runs at a time.");
        plan.MapDelete("/", async (Guid id, Rep rep, NurtureService nurture, CancellationToken ct) =>
            TypedResults.Ok(FollowUpPlanView.From(await nurture.StopPlanAsync(rep.Actor, id, ct))))
            .WithName("StopFollowUpPlan")
            .Produces<FollowUpPlanView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Stops the deal's running plan.");
        plan.MapPost("/steps/{n:int}/done", async (Guid id, int n, Rep rep, NurtureService nurture, CancellationToken ct) =>
            TypedResults.Ok(FollowUpPlanView.From(await nurture.CompletePlanStepAsync(rep.Actor, id, n, ct))))
            .WithName("CompleteFollowUpStep")
            .Produces<FollowUpPlanView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Marks step n (1-based) of the running plan done, with any earlier open step.");

        app.MapGet("/api/follow-up-plans", async (Rep rep, NurtureService nurture, CancellationToken ct) =>
            TypedResults.Ok((await nurture.PlansAsync(rep.Actor, ct)).Select(FollowUpPlanOption.From).ToList()))
            .RequireAuthorization(AddinAuthentication.RepPolicy)
            .WithTags("Opportunities")
            .WithName("FollowUpPlans")
            .Produces<IReadOnlyList<FollowUpPlanOption>>()
            .WithSummary("The tenant's follow-up plans a deal can be started on: names and steps (day, action, kind).");

        return app;
    }

    /// <summary>A number sets the rep's probability; "auto" goes back to the stage's; null leaves it.</summary>
    private static (int? Manual, bool Auto) ReadProbability(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null) return (null, false);
        if (element.ValueKind == JsonValueKind.String && string.Equals(element.GetString()?.Trim(), "auto", StringComparison.OrdinalIgnoreCase)) return (null, true);
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 0 and <= 100)
        {
            return ((int)number, false);
        }
        throw new DomainException(DomainError.Of("invalid_probability", ("value", element.ValueKind == JsonValueKind.String ? element.GetString() ?? "" : element.GetRawText()),
            ("field", "probability")));
    }

    private static IResult MissingVersion() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["expectedVersion"] = ["Send the version you last saw, so a newer change is never overwritten."],
    });
}

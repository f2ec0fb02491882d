using Collaboration.Addin.Auth;
using Collaboration.Application.Contracts;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Contracts;

namespace Collaboration.Addin.Quotes;

public sealed record DecisionRequest(int Version, bool Approve, string? Comment);

public sealed record AnswerRequest(bool Accepted);

/// <summary>A deal's quotes, their document, the approval of a discount, its contract and its payment and delivery milestones.</summary>
public static class QuoteEndpoints
{
    public static IEndpointRouteBuilder MapQuotes(this IEndpointRouteBuilder app)
    {
        var deals = app.MapGroup("/api/opportunities/{id:guid}").WithTags("Quotes").RequireAuthorization(AddinAuthentication.RepPolicy);

        deals.MapPost("/quotes", async Task<IResult> (Guid id, QuoteRequest? request, Rep rep, QuoteService quotes, CancellationToken ct) =>
        {
            if (request?.Lines is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lines"] = ["Send {currency, lines: [{productCode? | description, quantity, unitPrice?, discountPercent?}]}."] });
            var quote = await quotes.CreateAsync(rep.Actor, id, request, ct);
            return TypedResults.Created($"/api/opportunities/{id}/quotes/{quote.Number}", quote);
        })
            .WithName("CreateQuote")
            .WithSummary("A new quote version on the deal: it becomes current and its total the deal's amount (a history row).")
            .Produces<QuoteView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapGet("/quotes/current", async Task<IResult> (Guid id, Rep rep, QuoteService quotes, CancellationToken ct) =>
            await quotes.CurrentAsync(rep.Actor, id, ct) is { } quote ? TypedResults.Ok(quote) : TypedResults.NoContent())
            .WithName("CurrentQuote")
            .WithSummary("The deal's current quote; 204 when it has none.")
            .Produces<QuoteView>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapGet("/quotes/{number:int}", async (Guid id, int number, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.GetAsync(rep.Actor, id, number, ct)))
            .WithName("Quote")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapGet("/quotes/{number:int}/document", async (Guid id, int number, Rep rep, QuoteDocuments documents, CancellationToken ct) =>
        {
            var document = await documents.ForAsync(rep.Actor, id, number, ct);
            return TypedResults.File(document.Content, QuoteDocument.ContentType, document.FileName);
        })
            .WithName("QuoteDocument")
            .WithSummary("The quote as a Word document from the tenant's template, in the caller's language (Accept-Language).")
            .Produces(StatusCodes.Status200OK, contentType: QuoteDocument.ContentType).ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPost("/quotes/{number:int}/submit", async (Guid id, int number, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.SubmitAsync(rep.Actor, id, number, ct)))
            .WithName("SubmitQuote")
            .WithSummary("Approved at once within the tenant's discount threshold; above it, the owner's manager is asked in Teams.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPost("/quotes/{number:int}/decision", async (Guid id, int number, DecisionRequest request, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.DecideAsync(rep.Actor, id, number, request.Version, request.Approve, request.Comment, ct)))
            .WithName("DecideQuote")
            .WithSummary("The asked manager approves or rejects the discount of the version they saw.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPost("/quotes/{number:int}/sent", async (Guid id, int number, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.MarkSentAsync(rep.Actor, id, number, ct)))
            .WithName("MarkQuoteSent")
            .WithSummary("Marks an approved quote as sent to the customer; 422 before approval.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPost("/quotes/{number:int}/answer", async (Guid id, int number, AnswerRequest request, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.RecordAnswerAsync(rep.Actor, id, number, request.Accepted, ct)))
            .WithName("AnswerQuote")
            .WithSummary("The customer accepted or rejected a sent quote.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPost("/contract", async (Guid id, ContractRequest request, Rep rep, ContractService contracts, CancellationToken ct) =>
            TypedResults.Ok(await contracts.RecordContractAsync(rep.Actor, id, request, ct)))
            .WithName("RecordContract")
            .WithSummary("The signed contract: date, https document link, value (the deal's amount when left out) and currency.")
            .Produces<DealContract>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapGet("/milestones", async (Guid id, Rep rep, ContractService contracts, CancellationToken ct) =>
            TypedResults.Ok(await contracts.MilestonesAsync(rep.Actor, id, ct)))
            .WithName("Milestones")
            .Produces<IReadOnlyList<MilestoneView>>().ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPost("/milestones", async (Guid id, MilestoneRequest request, Rep rep, ContractService contracts, CancellationToken ct) =>
            TypedResults.Created($"/api/opportunities/{id}/milestones", await contracts.AddMilestoneAsync(rep.Actor, id, request, ct)))
            .WithName("AddMilestone")
            .WithSummary("A payment (amount, due) or delivery (due) milestone on the deal.")
            .Produces<MilestoneView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPost("/milestones/{milestoneId:guid}/done", async (Guid id, Guid milestoneId, Rep rep, ContractService contracts, CancellationToken ct) =>
            TypedResults.Ok(await contracts.MarkDoneAsync(rep.Actor, id, milestoneId, ct)))
            .WithName("MilestoneDone")
            .WithSummary("One click: a payment is paid, a delivery delivered, today.")
            .Produces<MilestoneView>().ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}

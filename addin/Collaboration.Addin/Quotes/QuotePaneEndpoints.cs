using Collaboration.Addin.Auth;
using Collaboration.Application.Contracts;
using Collaboration.Application.Products;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contracts;
using Collaboration.Infrastructure.Quotes;

namespace Collaboration.Addin.Quotes;

/// <summary>A line added in the pane, against the quote version on screen.</summary>
public sealed record QuoteLineChange(int ExpectedVersion, string? ProductCode, string? Description, decimal Quantity, decimal? UnitPrice, decimal? DiscountPercent);

public sealed record QuoteDiscountChange(int ExpectedVersion, decimal DiscountPercent);

public sealed record QuoteDocumentLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// What the pane and the dashboard need around quotes beyond the core API: the deal's quotes, line and discount edits,
/// the tenant's active products to pick from, the recorded contract, and a short-lived document link for a reply email.
/// </summary>
public static class QuotePaneEndpoints
{
    public static IEndpointRouteBuilder MapQuotePane(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products", async (Rep rep, ProductCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(await catalog.ListAsync(rep.Actor, activeOnly: true, ct)))
            .RequireAuthorization(AddinAuthentication.RepPolicy).WithTags("Quotes")
            .WithName("ActiveProducts")
            .WithSummary("The tenant's active products with their prices, to quote from.")
            .Produces<IReadOnlyList<ProductEntry>>();

        var deals = app.MapGroup("/api/opportunities/{id:guid}").WithTags("Quotes").RequireAuthorization(AddinAuthentication.RepPolicy);

        deals.MapGet("/quotes", async (Guid id, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.ListAsync(rep.Actor, id, ct)))
            .WithName("Quotes")
            .WithSummary("Every quote of the deal, newest first.")
            .Produces<IReadOnlyList<QuoteView>>().ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPost("/quotes/{number:int}/lines", async (Guid id, int number, QuoteLineChange change, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.AddLineAsync(rep.Actor, id, number, change.ExpectedVersion,
                new QuoteLineRequest(change.ProductCode, change.Description, change.Quantity, change.UnitPrice, change.DiscountPercent), ct)))
            .WithName("AddQuoteLine")
            .WithSummary("Adds a product (by code, at its list price unless one is given) or a free-text line to a draft; 409 when the quote changed since expectedVersion.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapDelete("/quotes/{number:int}/lines/{index:int}", async (Guid id, int number, int index, int expectedVersion, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.RemoveLineAsync(rep.Actor, id, number, expectedVersion, index, ct)))
            .WithName("RemoveQuoteLine")
            .WithSummary("Removes a draft's line by its position (0-based); expectedVersion is the quote version on screen.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapPut("/quotes/{number:int}/discount", async (Guid id, int number, QuoteDiscountChange change, Rep rep, QuoteService quotes, CancellationToken ct) =>
            TypedResults.Ok(await quotes.SetDiscountAsync(rep.Actor, id, number, change.ExpectedVersion, change.DiscountPercent, ct)))
            .WithName("SetQuoteDiscount")
            .WithSummary("Gives every line of a draft the same discount %.")
            .Produces<QuoteView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapGet("/contract", async Task<IResult> (Guid id, Rep rep, ContractService contracts, CancellationToken ct) =>
            await contracts.ContractAsync(rep.Actor, id, ct) is { } contract ? TypedResults.Ok(contract) : TypedResults.NoContent())
            .WithName("Contract")
            .WithSummary("The deal's signed contract; 204 when none is recorded.")
            .Produces<DealContract>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPost("/quotes/{number:int}/document-link", async (Guid id, int number, Rep rep, QuoteService quotes, QuoteDocumentLinks links, HttpRequest request, CancellationToken ct) =>
        {
            await quotes.GetAsync(rep.Actor, id, number, ct);
            var (token, expiresAt) = links.Issue(rep.Actor, id, number);
            return TypedResults.Ok(new QuoteDocumentLink($"{request.Scheme}://{request.Host}{QuoteDocumentLinks.PathFor(token)}", expiresAt));
        })
            .WithName("QuoteDocumentLink")
            .WithSummary("A link to the quote's .docx that works without sign-in for a few minutes (for Outlook's reply attachment).")
            .Produces<QuoteDocumentLink>().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/api/quote-documents/{token}", async Task<IResult> (string token, QuoteDocumentLinks links, QuoteDocuments documents, CancellationToken ct) =>
        {
            if (links.Redeem(token) is not { } grant) return TypedResults.NotFound();
            try
            {
                var document = await documents.ForAsync(grant.Actor, grant.DealId, grant.Number, ct);
                return TypedResults.File(document.Content, QuoteDocument.ContentType, document.FileName);
            }
            catch (NotFoundException)
            {
                return TypedResults.NotFound();
            }
        })
            .AllowAnonymous().WithTags("Quotes")
            .WithName("LinkedQuoteDocument")
            .WithSummary("The .docx a document link names; 404 when the link is expired, altered or the rep no longer sees the deal.")
            .Produces(StatusCodes.Status200OK, contentType: QuoteDocument.ContentType).Produces(StatusCodes.Status404NotFound);

        return app;
    }
}

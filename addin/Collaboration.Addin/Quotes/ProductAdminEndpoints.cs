using Collaboration.Addin.Auth;
using Collaboration.Application.Products;
using Collaboration.Application.Quotes;

namespace Collaboration.Addin.Quotes;

public sealed record ProductImportResult(int Products);

/// <summary>The tenant's products and quoting settings, for admins: list, replace, import a CSV.</summary>
public static class ProductAdminEndpoints
{
    public static IEndpointRouteBuilder MapProductAdmin(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/admin/products").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        products.MapGet("/", async (Admin caller, ProductCatalog catalog, CancellationToken ct) =>
            TypedResults.Ok(await catalog.ListAsync(caller.Rep.Actor, ct: ct)))
            .WithName("AdminProducts")
            .WithSummary("Every product: code, name, unit, prices per currency, active.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        products.MapPut("/", async Task<IResult> (IReadOnlyList<ProductEntry>? request, Admin caller, ProductCatalog catalog, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["products"] = ["Send a JSON array of {code, name, unit, prices: [{currency, unitPrice}], active}."] });
            return TypedResults.Ok(await catalog.ReplaceAsync(caller.Rep.Actor, request, ct));
        })
            .WithName("SetAdminProducts")
            .WithSummary("Replaces the product list: listed products are added or changed, the others made inactive; all or nothing, 422 naming each entry.")
            .Produces<IReadOnlyList<ProductEntry>>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        products.MapPost("/import", async Task<IResult> (HttpRequest http, Admin caller, ProductImport import, CancellationToken ct) =>
        {
            if (http.ContentLength > ProductImport.MaxBytes) return TooLarge();
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            while (await http.Body.ReadAsync(chunk, ct) is > 0 and var n)
            {
                if (buffer.Length + n > ProductImport.MaxBytes) return TooLarge();
                buffer.Write(chunk, 0, n);
            }
            return TypedResults.Ok(new ProductImportResult((await import.ImportAsync(caller.Rep.Actor, buffer.ToArray(), ct)).Count));
        })
            .WithName("ImportProducts")
            .WithSummary("A CSV of code, name, unit, active and one column per currency (text/csv body, at most 1 MB); adds or updates the listed products.")
            .Accepts<string>("text/csv")
            .Produces<ProductImportResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var settings = app.MapGroup("/api/admin/quote-settings").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);
        settings.MapGet("/", async (Admin caller, ConvertAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.GetAsync(caller.Rep.Actor, ct)))
            .WithName("AdminQuoteSettings")
            .WithSummary("The discount approval threshold, the tax rates and the quote template (company, terms, logo as base64 PNG).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        settings.MapPut("/", async (ConvertSettingsEntry request, Admin caller, ConvertAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.SetAsync(caller.Rep.Actor, request, ct)))
            .WithName("SetAdminQuoteSettings")
            .WithSummary("Sets the quoting rules and the quote template.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
        detail: $"A products file has at most {ProductImport.MaxBytes} bytes.");
}

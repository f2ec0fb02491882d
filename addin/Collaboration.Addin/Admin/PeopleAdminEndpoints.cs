using Collaboration.Addin.Auth;
using Collaboration.Application.Administration;

namespace Collaboration.Addin.Administration;

public sealed record ReassignRequest(string? FromObjectId, string? ToObjectId);

public sealed record ImportResult(int People);

/// <summary>People, teams and managers for admins: list, change one, reassign a leaver's open deals, import a CSV, sync from Entra.</summary>
public static class PeopleAdminEndpoints
{
    public static IEndpointRouteBuilder MapPeopleAdmin(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/admin/people").WithTags("Administration").RequireAuthorization(AddinAuthentication.RepPolicy);

        people.MapGet("/", async (string? search, string? team, Admin caller, PeopleAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(caller.Rep.Actor, Bounded(search), Bounded(team), ct)))
            .WithName("AdminPeople")
            .WithSummary("People of the tenant (search by name, email or object id; filter by team), with their open deal count.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        people.MapPatch("/{objectId}", async Task<IResult> (string objectId, PersonChange? request, Admin caller, PeopleAdministration admin, CancellationToken ct) =>
        {
            if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["person"] = ["Send {team?, managerObjectId?, isAdmin?, active?}."] });
            return TypedResults.Ok(await admin.ChangeAsync(caller.Rep.Actor, objectId, request, ct));
        })
            .WithName("ChangeAdminPerson")
            .WithSummary("Sets team, manager (kept through later syncs), admin flag or active; deactivating keeps the person's deals.")
            .Produces<PersonView>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        people.MapPost("/reassign", async Task<IResult> (ReassignRequest? request, Admin caller, PeopleAdministration admin, CancellationToken ct) =>
        {
            if (request is not { FromObjectId.Length: > 0, ToObjectId.Length: > 0 })
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fromObjectId"] = ["Send fromObjectId and toObjectId."] });
            }
            return TypedResults.Ok(await admin.ReassignOpenDealsAsync(caller.Rep.Actor, request.FromObjectId, request.ToObjectId, ct));
        })
            .WithName("ReassignOpenDeals")
            .WithSummary("Moves every open deal of one person to another: a history row each, and the new owner is told.")
            .Produces<ReassignResult>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        people.MapPost("/import", async Task<IResult> (HttpRequest http, Admin caller, PeopleImport import, CancellationToken ct) =>
        {
            if (http.ContentLength > PeopleImport.MaxBytes * 4L) return TooLarge();
            using var reader = new StreamReader(http.Body);
            var buffer = new char[PeopleImport.MaxBytes + 1];
            var read = 0;
            while (read < buffer.Length && await reader.ReadAsync(buffer.AsMemory(read), ct) is > 0 and var n) read += n;
            if (read > PeopleImport.MaxBytes) return TooLarge();
            return TypedResults.Ok(new ImportResult(await import.ImportAsync(caller.Rep.Actor, new string(buffer, 0, read), ct)));
        })
            .WithName("ImportPeople")
            .WithSummary("A CSV of email, team, manager email (text/csv body, at most 256 KB and 5000 lines); one bad line refuses the file, naming every bad line.")
            .Accepts<string>("text/csv")
            .Produces<ImportResult>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        people.MapPost("/sync", async (Admin caller, IServiceProvider services, CancellationToken ct) =>
        {
            var sync = services.GetService<OrganisationSync>()
                ?? throw new Domain.Common.DomainException(Domain.Common.DomainError.Of("sync_not_configured", ("field", "tenant")));
            return TypedResults.Ok(await sync.RunAsync(caller.Rep.Actor, ct));
        })
            .WithName("SyncPeople")
            .WithSummary("Reads people, departments (teams) and managers from Entra now; 422 when the sync is not set up for this tenant.")
            .Produces<SyncReport>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static IResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large",
        detail: $"A people CSV has at most {PeopleImport.MaxBytes} bytes.");

    private static string? Bounded(string? text) => text is { Length: > 200 } ? text[..200] : text;
}

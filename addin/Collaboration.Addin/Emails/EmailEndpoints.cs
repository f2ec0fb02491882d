using Collaboration.Addin.Auth;
using Collaboration.Addin.Opportunities;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Qualification;

namespace Collaboration.Addin.Emails;

public sealed record SenderView(string Address, string? Name, ContactRef? Contact, NamedRef? Account, bool IsFreeMail, bool IsNewContact, bool IsNewAccount);

public sealed record SuggestionView(SuggestedAction Action, Guid? DealId, string? DealName);

public sealed record ResolveResponse(
    SenderView Sender, IReadOnlyList<DealSummary> OpenDeals, LoggedEmail? AlreadyLogged, DealSummary? ConversationDeal,
    BantUpdate? Hints, SuggestionView Suggestion);

public sealed record LogEmailResponse(Guid InteractionId, Guid DealId, bool AlreadyLogged, string Summary, bool MarkedInOutlook);

/// <summary>The open email: what the CRM knows about it, a new deal from it, or a log to an existing deal.</summary>
public static class EmailEndpoints
{
    /// <summary>Larger requests are refused with 413 before they are read.</summary>
    public const long MaxRequestBytes = 6 * 1024 * 1024;

    public static IEndpointRouteBuilder MapEmails(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Emails").RequireAuthorization(AddinAuthentication.RepPolicy);

        api.MapPost("/emails/resolve", async (EmailFields fields, Rep rep, IncomingEmails incoming, EmailCapture capture, CancellationToken ct) =>
        {
            var email = await incoming.ReadAsync(fields, ct);
            var resolution = await capture.ResolveAsync(rep.Actor, email, ct);
            return TypedResults.Ok(View(resolution));
        })
            .WithName("ResolveEmail")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/opportunities/from-email", async (FromEmailRequest request, Rep rep, IncomingEmails incoming, EmailCapture capture, OpportunityQueries queries, CancellationToken ct) =>
        {
            var email = await incoming.ReadAsync(request, ct);
            var captured = await capture.CreateDealOutcomeAsync(rep.Actor, email, request.DealName, request.ReferredBy, request.Source, ct);
            await incoming.MarkLoggedAsync(request.ItemId, ct);
            // The rep owns the deal they just captured: the saved aggregate draws it, with the history it was saved with.
            var view = DealView.From(await queries.AfterChangeAsync(rep.Actor, captured, OpportunityQueries.DefaultTimelineLimit, ct), rep.Actor.Locale);
            return TypedResults.Created($"/api/opportunities/{captured.Deal.Id}", view);
        })
            .WithName("CreateDealFromEmail")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/opportunities/{id:guid}/emails", async Task<IResult> (Guid id, EmailFields fields, Rep rep, IncomingEmails incoming, EmailCapture capture, CancellationToken ct) =>
        {
            var email = await incoming.ReadAsync(fields, ct);
            var logged = await capture.LogToDealAsync(rep.Actor, id, email, ct);
            var marked = await incoming.MarkLoggedAsync(fields.ItemId, ct);
            var response = new LogEmailResponse(logged.Interaction.Id, id, logged.AlreadyLogged, logged.Interaction.Summary, marked);
            return logged.AlreadyLogged ? TypedResults.Ok(response) : TypedResults.Created($"/api/opportunities/{id}", response);
        })
            .WithName("LogEmailToDeal")
            .Produces<LogEmailResponse>(StatusCodes.Status201Created)
            .Produces<LogEmailResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }

    private static ResolveResponse View(EmailResolution r)
    {
        var sender = r.Sender;
        var suggestedName = r.Suggestion();
        return new ResolveResponse(
            new SenderView(sender.Address, sender.Name,
                sender.Contact is { } c ? new ContactRef(c.Id, c.Name, c.Email) : null,
                sender.Account is { } a ? new NamedRef(a.Id, a.Name) : null,
                sender.IsFreeMail, sender.ContactIsNew, sender.AccountIsNew),
            r.OpenDeals, r.AlreadyLogged, r.ConversationDeal, r.Hints,
            new SuggestionView(r.Action, r.SuggestedDealId, suggestedName));
    }

    private static string? Suggestion(this EmailResolution r) =>
        r.AlreadyLogged?.DealName
        ?? r.OpenDeals.Concat(r.ConversationDeal is { } d ? [d] : []).FirstOrDefault(d => d.Id == r.SuggestedDealId)?.Name;
}

using Collaboration.Addin.Auth;
using Collaboration.Application.Meetings;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;

namespace Collaboration.Addin.Compose;

public sealed record PeopleRequest(IReadOnlyList<string>? Addresses);

/// <param name="Deals">Open deals of the people named.</param>
/// <param name="MyDeals">The rep's other open deals, to choose from when the people name none.</param>
public sealed record PeopleResponse(IReadOnlyList<MatchedContact> Contacts, IReadOnlyList<DealSummary> Deals, IReadOnlyList<DealSummary> MyDeals);

public sealed record LogOnSendRequest(Guid DealId);

public sealed record LogOnSendResponse(Guid DealId, string DealName, string Header, string Token, DateTimeOffset ExpiresAt);

/// <summary>The message being written: whom it goes to, "log when sent", and the look at Sent Items that does the logging.</summary>
public static class ComposeEndpoints
{
    public const int MaxMyDeals = 20;

    public static IEndpointRouteBuilder MapCompose(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/compose").WithTags("Compose").RequireAuthorization(AddinAuthentication.RepPolicy);

        api.MapPost("/people", async (PeopleRequest request, Rep rep, PeopleMatcher people, OpportunityQueries queries, CancellationToken ct) =>
        {
            var matched = await people.MatchAsync(rep.Actor, request.Addresses ?? [], ct);
            var mine = await queries.MyOpenDealsAsync(rep.Actor, MaxMyDeals + matched.Deals.Count, ct);
            var others = mine.Where(d => matched.Deals.All(m => m.Id != d.Id)).Take(MaxMyDeals).ToList();
            return TypedResults.Ok(new PeopleResponse(matched.Contacts, matched.Deals, others));
        })
            .WithName("ComposePeople")
            .WithSummary("The CRM's contacts among the addresses (recipients or attendees) and the open deals to choose from.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/log-on-send", async (LogOnSendRequest request, Rep rep, OpportunityQueries queries, ISentItems sent, LogOnSendTokens tokens, CancellationToken ct) =>
        {
            if (!sent.IsAvailable) throw new DomainException(new DomainError("compose.needs_mailbox"));
            var deal = await queries.DetailAsync(rep.Actor, request.DealId, timelineLimit: 0, ct: ct);
            var (token, expires) = tokens.Issue(rep.Actor, deal.Deal.Id);
            return TypedResults.Ok(new LogOnSendResponse(deal.Deal.Id, deal.Deal.Name, LogOnSendTokens.Header, token, expires));
        })
            .WithName("LogOnSend")
            .WithSummary("The internet header to stamp on the draft: once sent, the message is logged to the deal by the next look at Sent Items.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/sent", async (Rep rep, SentMailSync sync, CancellationToken ct) => TypedResults.Ok(await sync.LookAsync(rep.Actor, ct)))
            .WithName("LogSentMail")
            .WithSummary("Logs the rep's sent messages stamped with \"log when sent\" (exactly once each).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}

using Collaboration.Addin.Auth;
using Collaboration.Addin.Emails;
using Collaboration.Application.Meetings;
using Collaboration.Domain.Meetings;

namespace Collaboration.Addin.Compose;

/// <summary>The open appointment as the pane reads it (organizer's or attendee's copy).</summary>
public sealed record MeetingRequest(
    string? Subject, DateTimeOffset? Start, DateTimeOffset? End, string? Location, EmailPartyFields? Organizer, IReadOnlyList<EmailPartyFields>? Attendees);

public sealed record LogMeetingResponse(Guid InteractionId, Guid DealId, bool AlreadyLogged, IReadOnlyList<MatchedContact> Contacts);

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/opportunities").WithTags("Meetings").RequireAuthorization(AddinAuthentication.RepPolicy);

        api.MapPost("/{id:guid}/meetings", async Task<IResult> (Guid id, MeetingRequest request, Rep rep, MeetingLog log, CancellationToken ct) =>
        {
            var missing = new Dictionary<string, string[]>();
            if (request.Start is null) missing["start"] = ["The meeting's start is required."];
            if (request.End is null) missing["end"] = ["The meeting's end is required."];
            if (string.IsNullOrWhiteSpace(request.Organizer?.Address)) missing["organizer"] = ["The meeting's organizer is required."];
            if (missing.Count > 0) return TypedResults.ValidationProblem(missing);
            var meeting = Meeting.Create(request.Subject, request.Start!.Value, request.End!.Value, request.Location,
                new MeetingPerson(request.Organizer!.Name, request.Organizer.Address!),
                (request.Attendees ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Address)).Select(a => new MeetingPerson(a.Name, a.Address!)).ToList());
            var logged = await log.LogAsync(rep.Actor, id, meeting, ct);
            var response = new LogMeetingResponse(logged.Interaction.Id, id, logged.AlreadyLogged, logged.Contacts);
            return logged.AlreadyLogged ? TypedResults.Ok(response) : TypedResults.Created($"/api/opportunities/{id}", response);
        })
            .WithName("LogMeetingToDeal")
            .Produces<LogMeetingResponse>(StatusCodes.Status201Created)
            .Produces<LogMeetingResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}

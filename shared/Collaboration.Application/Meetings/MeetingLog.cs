using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Meetings;

namespace Collaboration.Application.Meetings;

public sealed record LoggedMeeting(Interaction Interaction, bool AlreadyLogged, IReadOnlyList<MatchedContact> Contacts);

/// <summary>
/// "Log meeting to deal" from an Outlook appointment: the meeting becomes one meeting interaction on the deal's
/// timeline (once per meeting per deal, from the organizer's copy or any attendee's), tied to the first of its people
/// the CRM knows. A meeting a contact organized came in; one we organized went out.
/// </summary>
public sealed class MeetingLog(PeopleMatcher people, OpportunityService deals)
{
    public const int MaxNamesInSummary = 5;

    public async Task<LoggedMeeting> LogAsync(Actor actor, Guid dealId, Meeting meeting, CancellationToken ct = default)
    {
        var matched = await people.MatchAsync(actor, meeting.Everyone.Select(p => p.Address), ct);
        var organizerIsContact = matched.Contacts.Any(c => c.Email == meeting.Organizer.Address);
        var input = new InteractionInput(
            InteractionKind.Meeting,
            Summary(meeting, matched.Contacts),
            organizerIsContact ? Direction.Inbound : Direction.Outbound,
            meeting.Start,
            meeting.Subject,
            Body(meeting),
            meeting.SourceId,
            ContactEmail: matched.Contacts.Count > 0 ? matched.Contacts[0].Email : null);
        var logged = await deals.LogInteractionAsync(actor, dealId, input, ct);
        return new LoggedMeeting(logged.Interaction, logged.AlreadyLogged, matched.Contacts);
    }

    private static string Summary(Meeting meeting, IReadOnlyList<MatchedContact> contacts)
    {
        var names = contacts.Take(MaxNamesInSummary).Select(c => string.IsNullOrWhiteSpace(c.Name) ? c.Email : c.Name).ToList();
        if (contacts.Count > MaxNamesInSummary) names.Add($"+{contacts.Count - MaxNamesInSummary}");
        return names.Count == 0 ? meeting.Subject : $"{meeting.Subject}: {string.Join(", ", names)}".Trim(' ', ':');
    }

    /// <summary>Where and with whom, one line each: data, escaped wherever it is shown.</summary>
    private static string Body(Meeting meeting) =>
        string.Join('\n', new[] { meeting.Location }.Concat(meeting.Everyone.Select(p => p.Name is null ? p.Address : $"{p.Name} <{p.Address}>"))
            .OfType<string>());
}

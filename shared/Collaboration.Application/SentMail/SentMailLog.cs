using Collaboration.Application.Capture;
using Collaboration.Application.Meetings;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Interactions;

namespace Collaboration.Application.SentMail;

/// <summary>
/// "Log on send": a message the rep sent, found in their Sent Items after the send, logged to the deal they chose
/// while writing it. An outbound email keyed by its internetMessageId, so finding it again logs nothing new. It is
/// tied to the first recipient the CRM knows (else the deal's primary contact); no recipient becomes a new contact.
/// </summary>
public sealed class SentMailLog(PeopleMatcher people, OpportunityService deals)
{
    public async Task<LoggedInteraction> LogAsync(Actor actor, Guid dealId, EmailMessage sent, CancellationToken ct = default)
    {
        var recipients = sent.To.Concat(sent.Cc).Select(p => p.Address);
        var matched = await people.MatchAsync(actor, recipients, ct);
        var input = OpportunityService.EmailInteraction(sent) with
        {
            Direction = Direction.Outbound,
            ContactEmail = matched.Contacts.Count > 0 ? matched.Contacts[0].Email : null,
        };
        return await deals.LogInteractionAsync(actor, dealId, input, ct);
    }
}

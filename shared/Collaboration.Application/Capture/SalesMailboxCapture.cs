using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Capture;

public enum MailboxOutcome
{
    /// <summary>An unknown sender: a new deal in Capture with the email as its first interaction.</summary>
    Captured,

    /// <summary>A known sender whose domain vouched for the email: it was logged to their most recently active open deal.</summary>
    Logged,

    /// <summary>The message had been processed before (same internetMessageId).</summary>
    AlreadyProcessed,

    /// <summary>Sent by the mailbox itself or by one of the tenant's users: not a lead.</summary>
    Ignored,
}

public sealed record MailboxResult(MailboxOutcome Outcome, Guid? DealId);

/// <summary>
/// What the shared sales mailbox (e.g. sales@) does with an inbound email: a stranger's becomes a captured deal with
/// hints pre-filled, a known contact's is logged to their open deal, and the same message is handled once.
/// Anyone can write a customer's address into From: an email joins an existing deal only when the receiving server's
/// Authentication-Results vouch for the sender's domain (<see cref="SenderAuthentication"/>). Otherwise it becomes a new
/// lead marked as from an unverified sender, in its source detail and in the first interaction's summary.
/// </summary>
public sealed class SalesMailboxCapture(ICrmDatabase database, PartyMatcher parties, ChannelCapture capture, OpportunityService deals)
{
    public const string UnverifiedMarker = "unverified sender";
    public const string UnverifiedSummaryPrefix = "⚠ Unverified sender / 发件人未验证: ";

    /// <param name="authenticationResults">The message's Authentication-Results headers, topmost first (empty when it had none).</param>
    public async Task<MailboxResult> ProcessAsync(string tenantId, string mailbox, string fallbackOwner, EmailMessage email,
        IReadOnlyList<string> authenticationResults, CancellationToken ct = default)
    {
        var messageId = EmailAddress.NormalizeMessageId(email.InternetMessageId);
        var sender = EmailAddress.Normalize(email.From.Address);
        await using (var db = database.Open(tenantId))
        {
            if (messageId is not null && await db.Interactions.AnyAsync(i => i.SourceId == messageId, ct))
            {
                return new MailboxResult(MailboxOutcome.AlreadyProcessed, null);
            }
            if (sender == EmailAddress.Normalize(mailbox) || await db.Users.AnyAsync(u => u.Email == sender, ct))
            {
                return new MailboxResult(MailboxOutcome.Ignored, null);
            }
        }

        var verified = SenderAuthentication.IsVerified(authenticationResults, sender);
        var (contact, _) = verified ? await parties.FindAsync(tenantId, sender, ct) : (null, null);
        if (contact is not null)
        {
            await using var db = database.Open(tenantId);
            var open = await db.Opportunities.AsNoTracking()
                .Where(o => o.PrimaryContactId == contact.Id && o.Stage != Stage.Won && o.Stage != Stage.Lost)
                .Select(o => new { o.Id, o.OwnerId, Active = o.LastActivityAt ?? o.CreatedAt })
                .ToListAsync(ct);
            var deal = open.OrderByDescending(o => o.Active).FirstOrDefault();
            if (deal is not null)
            {
                // Logged as the deal's owner, who may always see it; the interaction says it came through the system.
                var owner = new Actor(tenantId, deal.OwnerId, ChangeSurface.System);
                var logged = await deals.LogInteractionAsync(owner, deal.Id, OpportunityService.EmailInteraction(email) with { ContactEmail = sender }, ct);
                return new MailboxResult(logged.AlreadyLogged ? MailboxOutcome.AlreadyProcessed : MailboxOutcome.Logged, deal.Id);
            }
        }

        var subject = string.IsNullOrWhiteSpace(email.Subject) ? "(no subject)" : email.Subject.Trim();
        var interaction = OpportunityService.EmailInteraction(email);
        var request = new CaptureRequest(subject.Length <= Opportunity.MaxNameLength ? subject : subject[..(Opportunity.MaxNameLength - 1)] + "…")
        {
            Source = CaptureSource.Email,
            SourceDetail = verified ? EmailAddress.Normalize(mailbox) : $"{EmailAddress.Normalize(mailbox)} ({UnverifiedMarker})",
            ContactEmail = sender,
            ContactName = email.From.Name,
            Qualification = EmailCapture.HintsFor(email),
            FirstInteraction = verified ? interaction : interaction with { Summary = UnverifiedSummaryPrefix + interaction.Summary },
        };
        var created = await capture.CaptureAsync(tenantId, $"mailbox:{EmailAddress.Normalize(mailbox)}", request, null, fallbackOwner, ct);
        return new MailboxResult(MailboxOutcome.Captured, created.Id);
    }
}

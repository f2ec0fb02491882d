using Collaboration.Addin.Emails;
using Collaboration.Application;
using Collaboration.Application.SentMail;
using Collaboration.Domain.Common;

namespace Collaboration.Addin.Compose;

/// <param name="Available">False when this server does not read mailboxes (Graph off): nothing can be looked at.</param>
public sealed record SentMailLookResult(bool Available, int Logged, int AlreadyLogged, int Skipped);

/// <summary>
/// Looks at the rep's recent Sent Items for messages the compose pane stamped with "log when sent" and logs each to
/// its deal as an outbound email. Exactly once: the interaction is keyed by the message's internetMessageId, so a
/// second look (or a look racing another) finds it logged. A stamp that is not this rep's, has expired or names a
/// deal the rep can no longer see is skipped, and the rest are still logged.
/// </summary>
public sealed class SentMailSync(
    ISentItems sent, LogOnSendTokens tokens, IncomingEmails incoming, SentMailLog log, ComposeOptions options, TimeProvider clock, ILogger<SentMailSync> logger)
{
    public async Task<SentMailLookResult> LookAsync(Actor actor, CancellationToken ct)
    {
        if (!sent.IsAvailable) return new SentMailLookResult(false, 0, 0, 0);
        var since = clock.GetUtcNow() - options.LogOnSendLifetime;
        var messages = await sent.WithHeaderAsync(LogOnSendTokens.Header, since, options.MaxSentPerLook, ct);
        int logged = 0, already = 0, skipped = 0;
        foreach (var message in messages)
        {
            var dealId = tokens.DealFor(actor, message.HeaderValue);
            if (dealId is null || EmailAddress.NormalizeMessageId(message.Fields.InternetMessageId) is null)
            {
                skipped++;
                continue;
            }
            try
            {
                // The fields came from Graph already: no second read of the item.
                var email = await incoming.ReadAsync(message.Fields with { ItemId = null }, ct);
                var result = await log.LogAsync(actor, dealId.Value, email, ct);
                if (result.AlreadyLogged)
                {
                    already++;
                    continue;
                }
                logged++;
                await incoming.MarkLoggedAsync(message.Fields.ItemId, ct);
            }
            catch (DomainException e)
            {
                skipped++;
                logger.LogInformation("A sent message for deal {DealId} was not logged: {Reason}", dealId, e.Error.Code);
            }
        }
        return new SentMailLookResult(true, logged, already, skipped);
    }
}

using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Conversations;
using Collaboration.Application.Notifications;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Notifications;
using Collaboration.Bot.Organisation;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;

namespace Collaboration.Bot.Quotes;

/// <summary>
/// The quote approval's notifications: the manager's approval card, and the rep's quote card after the decision, which
/// replaces the card the bot last posted for that quote (<see cref="QuoteCardMessages"/>) when it knows where that is.
/// The quote is read as the deal's owner sees it, as it is when the card is drawn.
/// </summary>
public sealed class QuoteNotifications(QuoteService quotes, QuoteCardMessages cardMessages, SettingsLinkOptions links) : INotificationMessageLocator
{
    public static bool Handles(DeliveryMessage message) =>
        message.Kind is NotificationKind.QuoteApprovalRequested or NotificationKind.QuoteDecided
        && message is { OpportunityId: not null, QuoteNumber: not null, OwnerId: not null };

    public async Task<JsonObject> CardAsync(DeliveryMessage message, CardContext context, CancellationToken ct)
    {
        var (dealId, number) = (message.OpportunityId!.Value, message.QuoteNumber!.Value);
        var owner = new Actor(message.TenantId, message.OwnerId!, ChangeSurface.Teams, context.Locale);
        QuoteView quote;
        try
        {
            quote = await quotes.GetAsync(owner, dealId, number, ct);
        }
        catch (NotFoundException ex)
        {
            // The deal (or its quote) is gone, or its owner no longer sees it: no retry can draw this card.
            throw new NotificationChannelException($"Quote {number} of deal {dealId} cannot be shown any more.", permanent: true, innerException: ex);
        }
        var link = QuoteHandler.DealLink(links, dealId);
        var actorName = message.ActorName ?? message.ActorId ?? "?";
        if (message.Kind == NotificationKind.QuoteApprovalRequested)
        {
            return QuoteCard.Approval(quote, message.QuoteVersion ?? quote.Version, actorName, context, link);
        }
        var notice = BotTexts.T(message.Approved == true ? "approval.rep_approved" : "approval.rep_rejected", context.Locale, ("manager", CardText.Markdown(actorName)));
        return QuoteCard.Draw(quote, context, link, new QuoteCardNotes(notice, NoticeIsError: message.Approved != true, Comment: message.Reason));
    }

    public async Task<MessageToUpdate?> FindAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind != NotificationKind.QuoteDecided || !Handles(message)) return null;
        var posted = await cardMessages.FindAsync(message.TenantId, message.OpportunityId!.Value, message.QuoteNumber!.Value, cancellationToken);
        return posted is null ? null : new MessageToUpdate(new ConversationReference
        {
            ServiceUrl = posted.ServiceUrl,
            ChannelId = "msteams",
            ConversationId = posted.ConversationId,
            ConversationType = posted.ConversationType,
            TenantId = message.TenantId,
            BotId = posted.BotId,
        }, posted.ActivityId);
    }
}

using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Notifications;

/// <summary>
/// Draws a delivery as an Adaptive Card addressed to the stored conversation: in the recipient's locale (a channel's
/// in the locale it was last spoken to in), with the deal's actions.
/// </summary>
public sealed class CardNotificationRenderer(TimeProvider clock) : INotificationRenderer
{
    public Activity Render(DeliveryMessage message, ConversationReference conversation)
    {
        var locale = BotTexts.Normalize(message.Subscription is null ? message.Locale : conversation.Locale ?? message.Locale);
        var card = Card(message, new CardContext(locale, clock.GetUtcNow()));
        return conversation.CreateMessage(null, Attachment.AdaptiveCard(card));
    }

    public static JsonObject Card(DeliveryMessage message, CardContext context) => message.Kind switch
    {
        NotificationKind.StageChanged => NotificationCards.StageChanged(message, context),
        NotificationKind.OwnerAssigned => NotificationCards.OwnerAssigned(message, context),
        NotificationKind.DealWon => NotificationCards.DealWon(message, context),
        NotificationKind.Digest => NotificationCards.Reminders(message.Reminders, context),
        NotificationKind.WeeklyDigest when WeeklyDigestDelivery.Read(message.Content) is { } weekly =>
            ReportCards.WeeklyDigest(weekly.Digest, weekly.Names, PipelineSettings.Default, context),
        _ => throw new NotificationChannelException($"Cannot render a {message.Kind} notification.", permanent: true),
    };
}

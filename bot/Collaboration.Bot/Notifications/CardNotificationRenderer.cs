using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Quotes;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Notifications;

/// <summary>
/// Draws a delivery as an Adaptive Card addressed to the stored conversation: in the recipient's locale (a channel's
/// in the locale it was last spoken to in), with the tenant's stage names as they are now and the deal's actions.
/// </summary>
public sealed class CardNotificationRenderer(OpportunityQueries queries, QuoteNotifications quotes, TimeProvider clock) : INotificationRenderer
{
    public async Task<Activity> RenderAsync(DeliveryMessage message, ConversationReference conversation, CancellationToken cancellationToken)
    {
        var locale = BotTexts.Normalize(message.Subscription is null ? message.Locale : conversation.Locale ?? message.Locale);
        var context = new CardContext(locale, clock.GetUtcNow());
        var card = QuoteNotifications.Handles(message)
            ? await quotes.CardAsync(message, context, cancellationToken)
            : Card(message, await queries.PipelineAsync(message.TenantId, cancellationToken), context);
        return conversation.CreateMessage(null, Attachment.AdaptiveCard(card));
    }

    public static JsonObject Card(DeliveryMessage message, PipelineSettings pipeline, CardContext context) => message.Kind switch
    {
        NotificationKind.StageChanged => NotificationCards.StageChanged(message, pipeline, context),
        NotificationKind.OwnerAssigned => NotificationCards.OwnerAssigned(message, pipeline, context),
        NotificationKind.DealWon => NotificationCards.DealWon(message, pipeline, context),
        NotificationKind.Digest => NotificationCards.Reminders(message.Reminders, pipeline, context, asOf: message.At),
        NotificationKind.ReviewRequested when message is { OpportunityId: { } id, OpportunityName: { } name } =>
            ReportCards.ReviewPrompt(id, name, message.ToStage == Stage.Won, message.Competitor, context),
        NotificationKind.WeeklyDigest when WeeklyDigestDelivery.Read(message.Content) is { } weekly =>
            ReportCards.WeeklyDigest(weekly.Digest, weekly.Names, pipeline, context),
        _ => throw new NotificationChannelException($"Cannot render a {message.Kind} notification.", permanent: true),
    };
}

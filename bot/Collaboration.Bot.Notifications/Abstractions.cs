using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Notifications;

namespace Collaboration.Bot.Notifications;

/// <summary>A stored conversation reference and whether Teams still lets the bot write there.</summary>
public sealed record StoredConversation(ConversationReference Reference, bool Active = true);

/// <summary>Where the bot may reach a tenant when it has to start a conversation itself.</summary>
public sealed record BotEndpoint(string ServiceUrl, string BotId);

/// <summary>
/// The bot host's store of conversation references (built with the bot host): the Teams channel only looks up,
/// saves a proactively created 1:1 conversation, and deactivates conversations Teams has blocked.
/// </summary>
public interface IConversationDirectory
{
    /// <summary>The rep's 1:1 conversation with the bot, by Entra object id.</summary>
    Task<StoredConversation?> FindPersonalAsync(string tenantId, string userObjectId, CancellationToken cancellationToken);

    /// <summary>A channel or group chat, by the key a subscription stored.</summary>
    Task<StoredConversation?> FindAsync(string tenantId, string conversationKey, CancellationToken cancellationToken);

    /// <summary>A service URL and bot id seen in this tenant (from any stored reference), for proactive creation.</summary>
    Task<BotEndpoint?> EndpointForTenantAsync(string tenantId, CancellationToken cancellationToken);

    Task SavePersonalAsync(string tenantId, string userObjectId, ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>Teams refuses writes to this conversation for good (app uninstalled, user blocked the bot).</summary>
    Task DeactivateAsync(string tenantId, string conversationId, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Turns a notification into the activity to post (an Adaptive Card in the recipient's locale, with the tenant's stage
/// names as they are when it is drawn): the bot host's job.
/// </summary>
public interface INotificationRenderer
{
    Task<Activity> RenderAsync(DeliveryMessage message, ConversationReference conversation, CancellationToken cancellationToken);
}

/// <summary>
/// A message the bot posted earlier that a notification should replace in place (a rep's quote card the manager just
/// decided on) rather than post anew; the bot host knows where it posted its cards.
/// </summary>
public interface INotificationMessageLocator
{
    Task<MessageToUpdate?> FindAsync(DeliveryMessage message, CancellationToken cancellationToken);
}

/// <summary>The conversation (as the bot saw it when it posted) and the id of the message to update.</summary>
public sealed record MessageToUpdate(ConversationReference Conversation, string ActivityId);

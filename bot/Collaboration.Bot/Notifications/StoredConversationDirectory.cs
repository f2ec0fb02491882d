using Collaboration.Application.Conversations;
using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.Notifications;

/// <summary>
/// The Teams channel's view of the conversation references the bot stored when people talked to it: a rep's personal
/// chat by their object id, a channel or group chat by its conversation id (the key a subscription stores).
/// </summary>
public sealed class StoredConversationDirectory(ConversationDirectory conversations) : IConversationDirectory
{
    public async Task<StoredConversation?> FindPersonalAsync(string tenantId, string userObjectId, CancellationToken cancellationToken)
    {
        var record = await conversations.PersonalAsync(tenantId, userObjectId, cancellationToken);
        return record is null ? null : new StoredConversation(ReferenceOf(record), record.IsActive);
    }

    public async Task<StoredConversation?> FindAsync(string tenantId, string conversationKey, CancellationToken cancellationToken)
    {
        var record = await conversations.FindAsync(tenantId, conversationKey, cancellationToken);
        return record is null ? null : new StoredConversation(ReferenceOf(record), record.IsActive);
    }

    public async Task<BotEndpoint?> EndpointForTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var record = await conversations.AnyActiveAsync(tenantId, cancellationToken);
        return record is { BotId: { Length: > 0 } botId } ? new BotEndpoint(record.ServiceUrl, botId) : null;
    }

    public Task SavePersonalAsync(string tenantId, string userObjectId, ConversationReference reference, CancellationToken cancellationToken) =>
        conversations.RememberAsync(tenantId, reference.ConversationId,
            new ConversationAddress(reference.ServiceUrl, reference.ChannelId, reference.ConversationType ?? ConversationTypes.Personal, userObjectId,
                null, reference.BotId, reference.Locale), cancellationToken);

    public Task DeactivateAsync(string tenantId, string conversationId, string reason, CancellationToken cancellationToken) =>
        conversations.ForgetAsync(tenantId, conversationId, cancellationToken);

    private static ConversationReference ReferenceOf(ConversationReferenceRecord record) => new()
    {
        ServiceUrl = record.ServiceUrl,
        ChannelId = record.ChannelId,
        ConversationId = record.ConversationId,
        ConversationType = record.ConversationType,
        TenantId = record.TenantId,
        BotId = record.BotId,
        UserAadObjectId = record.UserObjectId,
        TeamId = record.TeamId,
        Locale = record.Locale,
    };
}

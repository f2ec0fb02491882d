using System.Collections.Concurrent;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Notifications;

namespace Collaboration.Bot.Notifications.Tests;

/// <summary>The conversation-reference table the bot host will own, in memory.</summary>
public sealed class InMemoryConversationDirectory : IConversationDirectory
{
    private readonly ConcurrentDictionary<(string Tenant, string Key), StoredConversation> _personal = new();
    private readonly ConcurrentDictionary<(string Tenant, string Key), StoredConversation> _conversations = new();

    public BotEndpoint? Endpoint { get; set; }

    public ConcurrentQueue<(string TenantId, string ConversationId, string Reason)> Deactivated { get; } = new();

    public void AddPersonal(string tenantId, string userObjectId, ConversationReference reference) =>
        _personal[(tenantId, userObjectId)] = new StoredConversation(reference);

    public void AddConversation(string tenantId, string key, ConversationReference reference) =>
        _conversations[(tenantId, key)] = new StoredConversation(reference);

    public StoredConversation? Personal(string tenantId, string userObjectId) => _personal.GetValueOrDefault((tenantId, userObjectId));

    public Task<StoredConversation?> FindPersonalAsync(string tenantId, string userObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_personal.GetValueOrDefault((tenantId, userObjectId)));

    public Task<StoredConversation?> FindAsync(string tenantId, string conversationKey, CancellationToken cancellationToken) =>
        Task.FromResult(_conversations.GetValueOrDefault((tenantId, conversationKey)));

    public Task<BotEndpoint?> EndpointForTenantAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(Endpoint);

    public Task SavePersonalAsync(string tenantId, string userObjectId, ConversationReference reference, CancellationToken cancellationToken)
    {
        _personal[(tenantId, userObjectId)] = new StoredConversation(reference);
        return Task.CompletedTask;
    }

    public Task DeactivateAsync(string tenantId, string conversationId, string reason, CancellationToken cancellationToken)
    {
        Deactivated.Enqueue((tenantId, conversationId, reason));
        foreach (var store in new[] { _personal, _conversations })
        {
            foreach (var (key, stored) in store)
            {
                if (key.Tenant == tenantId && stored.Reference.ConversationId == conversationId) store[key] = stored with { Active = false };
            }
        }
        return Task.CompletedTask;
    }
}

/// <summary>Plain text instead of a card: enough to see what would be said.</summary>
public sealed class TextRenderer : INotificationRenderer
{
    public Task<Activity> RenderAsync(DeliveryMessage message, ConversationReference conversation, CancellationToken cancellationToken) =>
        Task.FromResult(conversation.CreateMessage($"{message.Kind} {message.OpportunityName}: {message.FromStage} -> {message.ToStage} by {message.ActorName} ({message.Locale})"));
}

using System.Collections.Concurrent;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

public sealed class RecordingConnectorClient : IConnectorClient
{
    public ConcurrentQueue<(string Operation, string ServiceUrl, string ConversationId, Activity? Activity)> Calls { get; } = new();

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        Record("send", serviceUrl, conversationId, activity);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Record("reply", serviceUrl, conversationId, activity);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Record("update", serviceUrl, conversationId, activity);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        Record("delete", serviceUrl, conversationId, null);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("create", serviceUrl, string.Empty, null));
        return Task.FromResult(new ConversationResourceResponse { Id = "new-conversation" });
    }

    public Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue(("member", serviceUrl, conversationId, null));
        return Task.FromResult<ChannelAccount?>(null);
    }

    private Task<ResourceResponse> Record(string operation, string serviceUrl, string conversationId, Activity? activity)
    {
        Calls.Enqueue((operation, serviceUrl, conversationId, activity));
        return Task.FromResult(new ResourceResponse { Id = $"sent-{Calls.Count}" });
    }
}

using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.Protocol.Connector;

public static class ConnectorClientExtensions
{
    /// <summary>Proactive send to a stored conversation.</summary>
    public static Task<ResourceResponse> SendAsync(this IConnectorClient client, ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        client.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);

    public static Task<ResourceResponse> UpdateAsync(this IConnectorClient client, ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        client.UpdateActivityAsync(reference.ServiceUrl, reference.ConversationId, activityId, activity, cancellationToken);

    /// <summary>Creates (or gets back) the 1:1 conversation between the bot and a user, for proactive messages.</summary>
    public static Task<ConversationResourceResponse> CreatePersonalConversationAsync(
        this IConnectorClient client, string serviceUrl, string botId, string userId, string tenantId, CancellationToken cancellationToken = default) =>
        client.CreateConversationAsync(serviceUrl, ConversationParameters.Personal(botId, userId, tenantId), cancellationToken);
}

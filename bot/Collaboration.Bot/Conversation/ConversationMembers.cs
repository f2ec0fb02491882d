using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// The people of the conversation a message came from, asked of the Bot Connector: a mention Teams sent with only its
/// Teams id (no aadObjectId) is looked up here. Someone who is no member, or a Connector that fails, is simply unknown.
/// </summary>
public sealed class ConversationMembers(IConnectorClient connector, string serviceUrl, string conversationId)
{
    public static ConversationMembers? Of(Activity activity, TurnContext turn) =>
        activity.ServiceUrl is { Length: > 0 } serviceUrl && activity.Conversation?.Id is { Length: > 0 } conversationId
            ? new ConversationMembers(turn.Connector, serviceUrl, conversationId)
            : null;

    /// <summary>The member's Entra object id; null when the conversation has no such member or the Connector could not say.</summary>
    public async Task<string?> AadObjectIdAsync(string memberId, CancellationToken ct)
    {
        try
        {
            var member = await connector.GetConversationMemberAsync(serviceUrl, conversationId, memberId, ct);
            return string.IsNullOrWhiteSpace(member?.AadObjectId) ? null : member.AadObjectId.Trim();
        }
        catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException or ArgumentException)
        {
            return null;
        }
    }
}

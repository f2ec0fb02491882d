using System.Security.Claims;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;

namespace Collaboration.Bot.Protocol.Hosting;

/// <summary>One incoming activity with who sent it and how to answer into its conversation.</summary>
public sealed class TurnContext
{
    public TurnContext(Activity activity, InboundAuthenticationResult authentication, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(connector);
        Activity = activity;
        Authentication = authentication;
        Connector = connector;
    }

    public Activity Activity { get; }

    public InboundAuthenticationResult Authentication { get; }

    /// <summary>The validated token's claims; unauthenticated in development mode.</summary>
    public ClaimsIdentity Identity => Authentication.Identity;

    public IConnectorClient Connector { get; }

    public ConversationReference GetConversationReference() => ConversationReference.FromActivity(Activity);

    /// <summary>Sends into the conversation of the incoming activity (not threaded to it).</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Address(activity);
        return Connector.SendToConversationAsync(ServiceUrl, ConversationId, activity, cancellationToken);
    }

    public Task<ResourceResponse> SendAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>Replies to the incoming activity (threaded in channels).</summary>
    public Task<ResourceResponse> ReplyAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        Address(activity);
        activity.ReplyToId ??= Activity.Id;
        return string.IsNullOrEmpty(Activity.Id)
            ? Connector.SendToConversationAsync(ServiceUrl, ConversationId, activity, cancellationToken)
            : Connector.ReplyToActivityAsync(ServiceUrl, ConversationId, Activity.Id, activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken = default) =>
        ReplyAsync(Activity.CreateReply(text), cancellationToken);

    /// <summary>Replaces an earlier message, e.g. the card an Action.Execute came from (its id is the invoke's replyToId).</summary>
    public Task<ResourceResponse> UpdateAsync(string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Address(activity);
        activity.Id ??= activityId;
        return Connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, activity, cancellationToken);
    }

    public Task DeleteAsync(string activityId, CancellationToken cancellationToken = default) =>
        Connector.DeleteActivityAsync(ServiceUrl, ConversationId, activityId, cancellationToken);

    private string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The incoming activity has no serviceUrl.");

    private string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The incoming activity has no conversation id.");

    private void Address(Activity outgoing)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        outgoing.Type ??= ActivityTypes.Message;
        outgoing.ChannelId ??= Activity.ChannelId;
        outgoing.ServiceUrl ??= Activity.ServiceUrl;
        outgoing.Conversation ??= new ConversationAccount
        {
            Id = Activity.Conversation?.Id,
            ConversationType = Activity.Conversation?.ConversationType,
            TenantId = Activity.Conversation?.TenantId,
        };
        outgoing.From ??= Activity.Recipient is null ? null : new ChannelAccount { Id = Activity.Recipient.Id, Name = Activity.Recipient.Name };
        outgoing.Recipient ??= Activity.From is null ? null : new ChannelAccount { Id = Activity.From.Id, Name = Activity.From.Name };
    }
}

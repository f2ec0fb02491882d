namespace Collaboration.Bot.Protocol.Activities;

/// <summary>What a bot stores to message a conversation later (proactively).</summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }

    public required string ChannelId { get; init; }

    public required string ConversationId { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public string? BotId { get; init; }

    public string? BotName { get; init; }

    public string? UserId { get; init; }

    public string? UserAadObjectId { get; init; }

    public string? UserName { get; init; }

    public string? TeamId { get; init; }

    public string? TeamsChannelId { get; init; }

    public string? Locale { get; init; }

    public static ConversationReference FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            throw new ArgumentException("The activity has no serviceUrl or conversation id.", nameof(activity));
        }

        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId ?? "msteams",
            ConversationId = activity.Conversation.Id,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.TenantId,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            UserName = activity.From?.Name,
            TeamId = activity.ChannelData?.Team?.Id,
            TeamsChannelId = activity.ChannelData?.Channel?.Id,
            Locale = activity.Locale ?? activity.GetClientInfo()?.Locale,
        };
    }

    /// <summary>An outgoing message addressed to this conversation.</summary>
    public Activity CreateMessage(string? text = null, params Attachment[] attachments)
    {
        var message = Activity.CreateMessage(text, attachments);
        message.ChannelId = ChannelId;
        message.ServiceUrl = ServiceUrl;
        message.Locale = Locale;
        message.From = BotId is null ? null : new ChannelAccount { Id = BotId, Name = BotName };
        message.Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId };
        return message;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Collaboration.Bot.Protocol.Activities;

/// <summary>
/// A Bot Framework activity as Teams sends and accepts it. Fields this model does not name are kept in
/// <see cref="AdditionalProperties"/> (and likewise on nested objects) so they survive a round trip.
/// </summary>
public sealed partial class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? Locale { get; set; }

    public string? ChannelId { get; set; }

    public string? ServiceUrl { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Summary { get; set; }

    public JsonElement? Value { get; set; }

    public string? Name { get; set; }

    public string? ReplyToId { get; set; }

    public string? Action { get; set; }

    public string? AttachmentLayout { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public List<JsonElement>? Entities { get; set; }

    public TeamsChannelData? ChannelData { get; set; }

    public List<Attachment>? Attachments { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    [JsonIgnore]
    public bool IsMessage => IsType(ActivityTypes.Message);

    [JsonIgnore]
    public bool IsInvoke => IsType(ActivityTypes.Invoke);

    /// <summary>conversation.tenantId, else channelData.tenant.id.</summary>
    [JsonIgnore]
    public string? TenantId => NullIfEmpty(Conversation?.TenantId) ?? NullIfEmpty(ChannelData?.Tenant?.Id);

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public ClientInfo? GetClientInfo() => EntityReader.FindClientInfo(Entities);

    public IReadOnlyList<Mention> GetMentions() => EntityReader.FindMentions(Entities);

    /// <summary>True when <see cref="MembersAdded"/> contains the recipient (the bot itself was added).</summary>
    public bool WasBotAdded() =>
        Recipient?.Id is { Length: > 0 } botId
        && MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) == true;

    /// <summary>
    /// The text with every mention of the recipient (the bot) removed and surrounding whitespace trimmed. Mentions are found
    /// through the mention entities; an <c>&lt;at&gt;</c> tag holding the bot's name is removed as well.
    /// </summary>
    public string GetTextWithoutBotMention()
    {
        var text = Text ?? string.Empty;
        var botId = Recipient?.Id;
        var botName = Recipient?.Name;

        foreach (var mention in GetMentions())
        {
            var isBot = (botId is not null && string.Equals(mention.MentionedId, botId, StringComparison.Ordinal))
                || (botId is null && botName is not null && string.Equals(mention.MentionedName, botName, StringComparison.Ordinal));
            if (isBot && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        if (!string.IsNullOrEmpty(botName))
        {
            text = AtTag().Replace(text, m =>
                string.Equals(m.Groups["name"].Value.Trim(), botName, StringComparison.OrdinalIgnoreCase) ? string.Empty : m.Value);
        }

        return text.Trim();
    }

    public static Activity CreateMessage(string? text = null, params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = text is null ? null : "plain",
        Attachments = attachments.Length == 0 ? null : [.. attachments],
    };

    /// <summary>A message addressed back into this activity's conversation, threaded to this activity.</summary>
    public Activity CreateReply(string? text = null, params Attachment[] attachments)
    {
        var reply = CreateMessage(text, attachments);
        reply.ReplyToId = Id;
        reply.Locale = Locale;
        reply.ChannelId = ChannelId;
        reply.ServiceUrl = ServiceUrl;
        reply.From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name };
        reply.Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId };
        reply.Conversation = Conversation is null
            ? null
            : new ConversationAccount
            {
                Id = Conversation.Id,
                Name = Conversation.Name,
                ConversationType = Conversation.ConversationType,
                TenantId = Conversation.TenantId,
                IsGroup = Conversation.IsGroup,
            };
        return reply;
    }

    public T? GetValue<T>() => Value is { } value ? value.Deserialize<T>(ActivityJson.Options) : default;

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex(@"<at>(?<name>[^<]*)</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();
}

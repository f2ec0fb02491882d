using Collaboration.Domain.Common;

namespace Collaboration.Application.Conversations;

/// <summary>
/// Where the bot can write to later (proactive messages): one row per Teams conversation it was installed in or
/// spoken to in, a rep's personal chat or a team channel. Inactive once the bot is removed from it.
/// </summary>
public sealed class ConversationReferenceRecord
{
    private ConversationReferenceRecord() { }

    public ConversationReferenceRecord(string tenantId, string conversationId, ConversationAddress address, DateTimeOffset at)
    {
        TenantId = tenantId;
        ConversationId = conversationId;
        Apply(address, at);
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string ConversationId { get; private set; } = "";

    /// <summary>The rep for a personal chat; null for a channel or group chat.</summary>
    public string? UserObjectId { get; private set; }

    public string ServiceUrl { get; private set; } = "";
    public string ChannelId { get; private set; } = "msteams";
    public string? ConversationType { get; private set; }
    public string? TeamId { get; private set; }
    public string? BotId { get; private set; }
    public string? Locale { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Apply(ConversationAddress address, DateTimeOffset at)
    {
        UserObjectId = address.UserObjectId ?? UserObjectId;
        ServiceUrl = address.ServiceUrl;
        ChannelId = address.ChannelId;
        ConversationType = address.ConversationType ?? ConversationType;
        TeamId = address.TeamId ?? TeamId;
        BotId = address.BotId ?? BotId;
        Locale = address.Locale ?? Locale;
        IsActive = true;
        UpdatedAt = at;
    }

    public void Deactivate(DateTimeOffset at)
    {
        IsActive = false;
        UpdatedAt = at;
    }
}

/// <summary>What a front end knows about a conversation when it hears from it.</summary>
public sealed record ConversationAddress(
    string ServiceUrl,
    string ChannelId,
    string? ConversationType,
    string? UserObjectId,
    string? TeamId,
    string? BotId,
    string? Locale);

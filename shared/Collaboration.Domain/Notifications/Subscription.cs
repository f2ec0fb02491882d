using Collaboration.Domain.Common;

namespace Collaboration.Domain.Notifications;

public enum SubscriptionFilter
{
    /// <summary>Every deal won in the tenant.</summary>
    WonDeals,

    /// <summary>Every stage change in the tenant.</summary>
    AllStageChanges,

    /// <summary>Stage changes of deals owned by members of <see cref="Subscription.Team"/>.</summary>
    MyTeam,
}

/// <summary>A channel or group chat that asked to hear about deals (e.g. "won deals" in the sales channel).</summary>
public sealed class Subscription
{
    private Subscription() { }

    public Subscription(string tenantId, string conversationKey, SubscriptionFilter filter, string? team, string createdBy, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(conversationKey)) throw new DomainException(new DomainError("conversation_required"));
        if (filter == SubscriptionFilter.MyTeam && string.IsNullOrWhiteSpace(team)) throw new DomainException(new DomainError("team_required"));
        TenantId = tenantId;
        ConversationKey = conversationKey;
        Filter = filter;
        Team = filter == SubscriptionFilter.MyTeam ? team!.Trim() : null;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string ConversationKey { get; private set; } = "";
    public SubscriptionFilter Filter { get; private set; }
    public string? Team { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>A rep asked not to hear about one deal.</summary>
public sealed class Mute
{
    private Mute() { }

    public Mute(string tenantId, string userObjectId, Guid opportunityId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        UserObjectId = userObjectId;
        OpportunityId = opportunityId;
        CreatedAt = createdAt;
    }

    public string TenantId { get; private set; } = "";
    public string UserObjectId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}

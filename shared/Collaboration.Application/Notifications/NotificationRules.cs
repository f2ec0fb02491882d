using Collaboration.Application.Access;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Users;

namespace Collaboration.Application.Notifications;

/// <summary>A domain event read back from the outbox.</summary>
public sealed record NotificationEvent(long OutboxMessageId, string TenantId, DomainEvent Event);

/// <summary>
/// Who should hear about an event; visibility, mutes and quiet hours are applied afterwards, to every rule alike.
/// <paramref name="Viewer"/> is the person whose view of the deals bounds the delivery: the subscriber for a
/// subscription; null means the recipient (a rep).
/// </summary>
public sealed record PlannedNotification(
    RecipientKind RecipientKind, string Recipient, NotificationKind Kind, SubscriptionFilter? Subscription = null, string? Viewer = null)
{
    public string? ViewerOrRecipient => Viewer ?? (RecipientKind == RecipientKind.User ? Recipient : null);
}

/// <summary>What rules may look at: the tenant's users and its channel subscriptions.</summary>
public sealed class NotificationAudience(IReadOnlyDictionary<string, User> users, IReadOnlyList<Subscription> subscriptions)
{
    private readonly Dictionary<string, HashSet<string>> _visibleOwners = new(StringComparer.Ordinal);

    public IReadOnlyList<Subscription> Subscriptions { get; } = subscriptions;

    public User? User(string? objectId) => objectId is not null && users.TryGetValue(objectId, out var user) ? user : null;

    /// <summary>
    /// Whether the planned delivery may name the event's deal: its viewer may see deals of that owner (the rules of
    /// <see cref="DealAccess"/>). A delivery with no viewer names no one who may see it, so it is dropped.
    /// </summary>
    public bool MaySee(PlannedNotification planned, DomainEvent e)
    {
        if (planned.ViewerOrRecipient is not { } viewer) return false;
        if (viewer == e.OwnerId) return true;
        if (!_visibleOwners.TryGetValue(viewer, out var visible))
        {
            visible = DealAccess.VisibleOwners(users.Values, viewer);
            _visibleOwners[viewer] = visible;
        }
        return visible.Contains(e.OwnerId);
    }
}

/// <summary>A pluggable notification rule; register more with <c>services.AddSingleton&lt;INotificationRule, ...&gt;()</c>.</summary>
public interface INotificationRule
{
    IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience);
}

/// <summary>The deal's owner hears of every stage change, from any surface, unless they made it.</summary>
public sealed class OwnerHearsOfStageChanges : INotificationRule
{
    public IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience)
    {
        if (notificationEvent.Event is StageChanged change && change.ActorId != change.OwnerId)
        {
            yield return new PlannedNotification(RecipientKind.User, change.OwnerId, NotificationKind.StageChanged);
        }
    }
}

/// <summary>A rep given a deal by someone else hears of it.</summary>
public sealed class NewOwnerHearsOfAssignment : INotificationRule
{
    public IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience)
    {
        if (notificationEvent.Event is OwnerAssigned assigned && assigned.ActorId != assigned.OwnerId)
        {
            yield return new PlannedNotification(RecipientKind.User, assigned.OwnerId, NotificationKind.OwnerAssigned);
        }
    }
}

/// <summary>The owner of a deal closed outside the Teams chat is asked for its review there (the use case raised the request).</summary>
public sealed class OwnerIsAskedForReview : INotificationRule
{
    public IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience)
    {
        if (notificationEvent.Event is ReviewRequested requested)
        {
            yield return new PlannedNotification(RecipientKind.User, requested.OwnerId, NotificationKind.ReviewRequested);
        }
    }
}

/// <summary>
/// A quote's discount above the threshold: the manager the use case named (<see cref="QuoteApprovalRequested.ApproverId"/>)
/// is asked; once they decide, the deal's owner hears of it (their quote card is updated where the bot knows it).
/// </summary>
public sealed class QuoteApprovalIsAskedAndAnswered : INotificationRule
{
    public IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience)
    {
        switch (notificationEvent.Event)
        {
            case QuoteApprovalRequested { ApproverId.Length: > 0 } requested:
                yield return new PlannedNotification(RecipientKind.User, requested.ApproverId, NotificationKind.QuoteApprovalRequested);
                break;
            case QuoteDecided decided:
                yield return new PlannedNotification(RecipientKind.User, decided.OwnerId, NotificationKind.QuoteDecided);
                break;
        }
    }
}

/// <summary>
/// Conversations subscribed to "won deals", "all stage changes" or "my team" get one message per matching change, of
/// the deals their subscriber may see (the dispatcher drops the others).
/// </summary>
public sealed class SubscribedChannelsHear : INotificationRule
{
    public IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience)
    {
        foreach (var subscription in audience.Subscriptions)
        {
            var kind = (subscription.Filter, notificationEvent.Event) switch
            {
                (SubscriptionFilter.WonDeals, DealClosed { Won: true }) => NotificationKind.DealWon,
                (SubscriptionFilter.AllStageChanges, StageChanged) => NotificationKind.StageChanged,
                (SubscriptionFilter.MyTeam, StageChanged change) when audience.User(change.OwnerId)?.Team == subscription.Team => NotificationKind.StageChanged,
                _ => (NotificationKind?)null,
            };
            if (kind is { } k)
            {
                yield return new PlannedNotification(RecipientKind.Conversation, subscription.ConversationKey, k, subscription.Filter, subscription.CreatedBy);
            }
        }
    }
}

internal static class NotificationMessages
{
    public static DeliveryMessage For(NotificationEvent notificationEvent, PlannedNotification planned, NotificationAudience audience)
    {
        var e = notificationEvent.Event;
        var recipient = planned.RecipientKind == RecipientKind.User ? audience.User(planned.Recipient) : null;
        var message = new DeliveryMessage
        {
            Kind = planned.Kind,
            TenantId = notificationEvent.TenantId,
            At = e.At,
            Locale = recipient?.Locale ?? "en-US",
            TimeZone = recipient?.TimeZone ?? "UTC",
            OpportunityId = e.OpportunityId,
            OpportunityName = e.OpportunityName,
            OpportunityVersion = e.OpportunityVersion,
            OwnerId = e.OwnerId,
            OwnerName = audience.User(e.OwnerId)?.DisplayName,
            ActorId = e.ActorId,
            ActorName = audience.User(e.ActorId)?.DisplayName,
            Surface = e.Surface,
            Subscription = planned.Subscription,
        };
        return e switch
        {
            StageChanged change => message with { FromStage = change.From, ToStage = change.To, Reason = change.OverrideReason },
            OwnerAssigned assigned => message with { PreviousOwnerId = assigned.PreviousOwnerId },
            DealClosed closed => message with
            {
                ToStage = closed.Won ? Stage.Won : Stage.Lost,
                Amount = closed.Amount,
                Currency = closed.Currency,
                Reason = closed.LossReason,
            },
            ReviewRequested requested => message with { ToStage = requested.Won ? Stage.Won : Stage.Lost, Competitor = requested.Competitor },
            QuoteApprovalRequested asked => message with
            {
                QuoteNumber = asked.QuoteNumber,
                QuoteVersion = asked.QuoteVersion,
                DiscountPercent = asked.LargestDiscountPercent,
                Amount = asked.Total,
                Currency = asked.Currency,
            },
            QuoteDecided decided => message with
            {
                QuoteNumber = decided.QuoteNumber,
                QuoteVersion = decided.QuoteVersion,
                Approved = decided.Approved,
                Reason = decided.Comment,
            },
            _ => message,
        };
    }
}

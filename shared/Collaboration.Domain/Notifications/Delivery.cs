namespace Collaboration.Domain.Notifications;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Parked,
}

public enum RecipientKind
{
    /// <summary>A rep, by Entra object id: a 1:1 chat with the bot.</summary>
    User,

    /// <summary>A channel or group chat, by the conversation key a subscription stored.</summary>
    Conversation,
}

public enum NotificationKind
{
    StageChanged,
    OwnerAssigned,
    DealWon,
    Digest,

    /// <summary>A manager's Monday digest; its content is in <see cref="DeliveryMessage.Content"/>.</summary>
    WeeklyDigest,

    /// <summary>The owner is asked why a deal was won or lost (a close made outside the Teams chat).</summary>
    ReviewRequested,

    /// <summary>A manager is asked to approve a quote's discount (the quote's number and version are in the message).</summary>
    QuoteApprovalRequested,

    /// <summary>The manager decided on a quote's discount: the rep's quote card follows.</summary>
    QuoteDecided,
}

/// <summary>
/// One notification for one recipient. <see cref="SourceKey"/> names what caused it (an outbox row, a day's digest):
/// the pair (source, recipient) is unique, so processing the same cause twice never makes a second delivery.
/// </summary>
public sealed class Delivery
{
    public const int MaxErrorLength = 2000;

    private Delivery() { }

    public Delivery(string tenantId, RecipientKind recipientKind, string recipient, string sourceKey, long? outboxMessageId,
        NotificationKind kind, string payload, DateTimeOffset createdAt, DateTimeOffset dueAt)
    {
        TenantId = tenantId;
        RecipientKind = recipientKind;
        Recipient = recipient;
        SourceKey = sourceKey;
        OutboxMessageId = outboxMessageId;
        Kind = kind;
        Payload = payload;
        CreatedAt = createdAt;
        DueAt = dueAt;
        NextAttemptAt = dueAt;
        Status = DeliveryStatus.Pending;
    }

    public static string OutboxSource(long outboxMessageId) => $"outbox:{outboxMessageId}";

    public long Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public RecipientKind RecipientKind { get; private set; }
    public string Recipient { get; private set; } = "";
    public string SourceKey { get; private set; } = "";
    public long? OutboxMessageId { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>The <see cref="DeliveryMessage"/> as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it may first go out: later than <see cref="CreatedAt"/> when the recipient's quiet hours held it.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The id the channel gave the sent message (a Teams activity id), when it gave one.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The sender holding the lease; the lease ends at <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public static string TrimError(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
}

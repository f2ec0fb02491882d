namespace Collaboration.Application.Notifications;

/// <summary>Settings under <c>Notifications</c>. Every interval is a TimeSpan ("00:00:05").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the outbox dispatcher and the delivery sender look for work when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the nurture runner checks whose local morning it is.</summary>
    public TimeSpan NurtureInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// After a pass that found work but less than a batch, the dispatcher and the sender wait this long before the
    /// next, so that what is written meanwhile is handled in one pass (one write transaction) instead of one each.
    /// </summary>
    public TimeSpan BusyPassGap { get; set; } = TimeSpan.FromMilliseconds(20);

    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>An outbox row that failed this often is left alone (its LastError says why).</summary>
    public int MaxOutboxAttempts { get; set; } = 5;

    public int DeliveryBatchSize { get; set; } = 50;

    /// <summary>A delivery that failed this often is parked for an admin to look at.</summary>
    public int MaxDeliveryAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a sender owns the deliveries it claimed; after that another sender may take them.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Names this process in leases; unique per process by default.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Teams allows 7 messages per second into one conversation, 8 per 2 s, 60 per 30 s and 1800 per hour.</summary>
    public int PerConversationPerSecond { get; set; } = 7;

    public int PerConversationPer2Seconds { get; set; } = 8;
    public int PerConversationPer30Seconds { get; set; } = 60;
    public int PerConversationPerHour { get; set; } = 1800;

    /// <summary>About 50 requests per second per bot per tenant.</summary>
    public int PerTenantPerSecond { get; set; } = 50;

    /// <summary>Sent deliveries older than this are deleted (parked ones stay until an admin acts).</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether the hosted services run; a host may register the services and run them itself.</summary>
    public bool RunHostedServices { get; set; } = true;
}

using System.Collections.Concurrent;
using Collaboration.Application;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Testing;

/// <summary>The notification pipeline over a <see cref="CrmTestHost"/>: dispatcher, sender and nurture runner on its fake clock.</summary>
public sealed class NotificationTestHost : IAsyncDisposable
{
    private NotificationTestHost(CrmTestHost crm, NotificationOptions options, INotificationChannel channel, IFollowUpMailer? mailer)
    {
        Crm = crm;
        Options = options;
        Channel = channel;
        Limiter = new NotificationRateLimiter(options, crm.Clock);
        Dispatcher = NewDispatcher();
        Sender = NewSender(channel, Limiter);
        Preferences = new NotificationPreferences(crm.Db.Database, new Collaboration.Application.Access.AdminPolicy(crm.Db.Database, new Collaboration.Application.Access.AdminOptions()), crm.Clock);
        Admin = new NotificationAdmin(crm.Db.Database, crm.Clock);
        Nurture = new NurtureRunner(crm.Db.Database, crm.Clock, NullLogger<NurtureRunner>.Instance, mailer ?? new NoFollowUpMailer(), crm.Deals);
        NurtureService = new NurtureService(crm.Db.Database, crm.Clock);
    }

    public CrmTestHost Crm { get; }
    public NotificationOptions Options { get; }
    public INotificationChannel Channel { get; }
    public NotificationRateLimiter Limiter { get; }
    public OutboxDispatcher Dispatcher { get; }
    public DeliverySender Sender { get; }
    public NotificationPreferences Preferences { get; }
    public NotificationAdmin Admin { get; }
    public NurtureRunner Nurture { get; }
    public NurtureService NurtureService { get; }

    public static async Task<NotificationTestHost> StartAsync(DatabaseKind kind, INotificationChannel? channel = null, Action<NotificationOptions>? configure = null,
        IFollowUpMailer? mailer = null)
    {
        var options = new NotificationOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), MaxDeliveryAttempts = 4 };
        configure?.Invoke(options);
        var crm = await CrmTestHost.StartAsync(kind);
        return new NotificationTestHost(crm, options, channel ?? new RecordingChannel { Clock = crm.Clock }, mailer);
    }

    public RecordingChannel Recorded => (RecordingChannel)Channel;

    public OutboxDispatcher NewDispatcher() =>
        new(Crm.Db.Database, [new OwnerHearsOfStageChanges(), new NewOwnerHearsOfAssignment(), new SubscribedChannelsHear(), new OwnerIsAskedForReview()],
            Options, Crm.Clock, NullLogger<OutboxDispatcher>.Instance);

    public DeliverySender NewSender(INotificationChannel channel, NotificationRateLimiter? limiter = null, string? workerId = null)
    {
        var options = workerId is null ? Options : Clone(Options, workerId);
        return new DeliverySender(Crm.Db.Database, channel, limiter ?? new NotificationRateLimiter(options, Crm.Clock), options, Crm.Clock,
            NullLogger<DeliverySender>.Instance);
    }

    /// <summary>A rep with a locale and time zone of their own.</summary>
    public async Task<Actor> UserAsync(string objectId, string timeZone = "UTC", string locale = "en-US", string? team = null, string? manager = null,
        string tenantId = CrmTestHost.TenantA)
    {
        await Crm.Users.EnsureAsync(new UserProfile(tenantId, objectId, objectId.ToUpperInvariant(), $"{objectId}@example.com", locale, timeZone));
        if (team is not null || manager is not null)
        {
            await using var db = Crm.Db.Database.Open(tenantId);
            var user = await db.Users.SingleAsync(u => u.ObjectId == objectId);
            user.PlaceInTeam(team, manager);
            await db.SaveChangesAsync();
        }
        return new Actor(tenantId, objectId, ChangeSurface.Teams, locale);
    }

    public async Task<List<Delivery>> DeliveriesAsync(string tenantId = CrmTestHost.TenantA)
    {
        await using var db = Crm.Db.Database.Open(tenantId);
        return await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Sends until nothing is pending, moving the fake clock straight to the next retry or rate-limit slot.</summary>
    public async Task<int> SendUntilIdleAsync(DeliverySender? sender = null, TimeSpan? limit = null, string tenantId = CrmTestHost.TenantA)
    {
        sender ??= Sender;
        var end = Crm.Clock.GetUtcNow() + (limit ?? TimeSpan.FromHours(1));
        var sent = 0;
        while (true)
        {
            sent += await sender.SendDueAsync();
            await using var db = Crm.Db.Database.Open(tenantId);
            var next = await db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending)
                .Select(d => (DateTimeOffset?)d.NextAttemptAt).OrderBy(d => d).FirstOrDefaultAsync();
            if (next is null || next > end) return sent;
            if (next > Crm.Clock.GetUtcNow()) Crm.Clock.SetUtcNow(next.Value);
        }
    }

    private static NotificationOptions Clone(NotificationOptions options, string workerId)
    {
        var copy = new NotificationOptions();
        foreach (var property in typeof(NotificationOptions).GetProperties().Where(p => p.CanWrite))
        {
            property.SetValue(copy, property.GetValue(options));
        }
        copy.WorkerId = workerId;
        return copy;
    }

    public ValueTask DisposeAsync() => Crm.DisposeAsync();
}

/// <summary>A channel that records what it was asked to send; <see cref="Behaviour"/> may throw to simulate failures.</summary>
public sealed class RecordingChannel : INotificationChannel
{
    public ConcurrentQueue<(OutgoingNotification Notification, DateTimeOffset At)> Sent { get; } = new();

    public TimeProvider? Clock { get; set; }

    public Func<OutgoingNotification, NotificationReceipt>? Behaviour { get; set; }

    public Task<NotificationReceipt> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        var receipt = Behaviour?.Invoke(notification) ?? new NotificationReceipt($"msg-{notification.DeliveryId}");
        Sent.Enqueue((notification, Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow));
        return Task.FromResult(receipt);
    }

    public IReadOnlyList<OutgoingNotification> To(string recipient) =>
        Sent.Select(s => s.Notification).Where(n => n.Recipient == recipient).ToList();
}

public static class ChangeSurfaces
{
    public static Actor Via(this Actor actor, ChangeSurface surface) => actor with { Surface = surface };
}

using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Notifications;

public class DeliverySenderTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task AFailedSendIsRetriedAfterTheRetryAfterTheChannelWasGiven(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        await OneStageChangeForAliceAsync(host);
        var calls = 0;
        host.Recorded.Behaviour = _ => ++calls == 1
            ? throw new NotificationChannelException("429 Too Many Requests", retryAfter: TimeSpan.FromSeconds(90))
            : new NotificationReceipt("activity-7");
        var start = host.Crm.Clock.GetUtcNow();

        Assert.Equal(0, await host.Sender.SendDueAsync());
        var waiting = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, 1, start.AddSeconds(90)), (waiting.Status, waiting.Attempts, waiting.NextAttemptAt));
        Assert.Contains("429", waiting.LastError);

        host.Crm.Clock.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(0, await host.Sender.SendDueAsync());
        host.Crm.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.Sender.SendDueAsync());

        var sent = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 2, "activity-7", (string?)null), (sent.Status, sent.Attempts, sent.ExternalId, sent.LastError));
        Assert.Equal(host.Crm.Clock.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.LockedBy);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADeliveryThatKeepsFailingBacksOffExponentiallyThenIsParkedAndListed(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind, configure: o => o.MaxDeliveryAttempts = 4);
        await OneStageChangeForAliceAsync(host);
        host.Recorded.Behaviour = _ => throw new NotificationChannelException("503 Service Unavailable");
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var before = host.Crm.Clock.GetUtcNow();
            await host.Sender.SendDueAsync();
            var delivery = Assert.Single(await host.DeliveriesAsync());
            Assert.Equal(attempt, delivery.Attempts);
            if (delivery.Status == DeliveryStatus.Parked) break;
            waits.Add(delivery.NextAttemptAt - before);
            host.Crm.Clock.SetUtcNow(delivery.NextAttemptAt);
        }

        // Base 10 s doubling, each with jitter in [50 %, 100 %].
        Assert.Equal(3, waits.Count);
        for (var i = 0; i < waits.Count; i++)
        {
            var full = TimeSpan.FromSeconds(10 * Math.Pow(2, i));
            Assert.InRange(waits[i], full / 2, full);
        }
        var parked = Assert.Single(await host.Admin.ParkedAsync(CrmTestHost.TenantA));
        Assert.Equal(("alice", 4, "503 Service Unavailable"), (parked.Recipient, parked.Attempts, parked.LastError));
        Assert.Empty(await host.Admin.ParkedAsync(CrmTestHost.TenantB));

        host.Recorded.Behaviour = null;
        host.Crm.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await host.Sender.SendDueAsync());
        Assert.True(await host.Admin.RetryAsync(CrmTestHost.TenantA, parked.Id));
        Assert.Equal(1, await host.Sender.SendDueAsync());
        Assert.Empty(await host.Admin.ParkedAsync(CrmTestHost.TenantA));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task APermanentFailureIsParkedAtOnce(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        await OneStageChangeForAliceAsync(host);
        host.Recorded.Behaviour = _ => throw new NotificationChannelException("blocked: MessageWritesBlocked", permanent: true);

        await host.Sender.SendDueAsync();

        var parked = Assert.Single(await host.Admin.ParkedAsync(CrmTestHost.TenantA));
        Assert.Equal(1, parked.Attempts);
        Assert.Contains("MessageWritesBlocked", parked.LastError);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnotherSenderTakesOverWhenACrashedSendersLeaseRunsOut(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind, configure: o => o.LeaseDuration = TimeSpan.FromMinutes(2));
        await OneStageChangeForAliceAsync(host);
        var now = host.Crm.Clock.GetUtcNow();
        await using (var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA))
        {
            // What a sender that claimed the delivery and then died leaves behind.
            await db.Deliveries.ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LockedBy, "dead-sender:lease")
                .SetProperty(d => d.LockedUntil, now.AddMinutes(2)));
        }
        var survivor = host.NewSender(host.Channel, workerId: "survivor");

        Assert.Equal(0, await survivor.SendDueAsync());
        host.Crm.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await survivor.SendDueAsync());
        host.Crm.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.SendDueAsync());

        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, (string?)null), (delivery.Status, delivery.LockedBy));
        Assert.Single(host.Recorded.Sent);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task SentDeliveriesArePurgedAfterTheirRetentionButParkedOnesStay(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        await OneStageChangeForAliceAsync(host);
        await host.Sender.SendDueAsync();
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Other") { OwnerObjectId = "alice" });
        await host.Dispatcher.DrainAsync();
        host.Recorded.Behaviour = _ => throw new NotificationChannelException("gone", permanent: true);
        await host.Sender.SendDueAsync();

        host.Crm.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(1, await host.Admin.PurgeSentAsync(CrmTestHost.TenantA, host.Crm.Clock.GetUtcNow() - TimeSpan.FromDays(30)));

        var left = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Parked, deal.Id), (left.Status, DeliveryPayload.Deserialize(left.Payload).OpportunityId));
    }

    [Fact]
    public async Task ABurstOf500ChangesIntoOneConversationIsPacedAndNothingFails()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, configure: o => o.DeliveryBatchSize = 100);
        var alice = await host.UserAsync("alice", manager: "boss");
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Busy deal"));
        for (var i = 0; i < 500; i++)
        {
            await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, i % 2 == 0 ? Stage.Qualify : Stage.New);
        }
        await host.Dispatcher.DrainAsync();
        var start = host.Crm.Clock.GetUtcNow();

        Assert.Equal(500, await host.SendUntilIdleAsync());

        var deliveries = await host.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
        var times = host.Recorded.Sent.Select(s => s.At).ToList();
        Assert.Equal(500, times.Count);
        // In order, and never more than Teams allows in any window: 7 per second, 8 per 2 s, 60 per 30 s.
        Assert.Equal(deliveries.Select(d => d.Id), host.Recorded.Sent.Select(s => s.Notification.DeliveryId));
        AssertNoWindowExceeds(times, 7, TimeSpan.FromSeconds(1));
        AssertNoWindowExceeds(times, 8, TimeSpan.FromSeconds(2));
        AssertNoWindowExceeds(times, 60, TimeSpan.FromSeconds(30));
        Assert.InRange(times[^1] - start, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task TheTenantLimitPacesManyConversationsTogetherAtItsFullRate()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, configure: o => o.DeliveryBatchSize = 200);
        var boss = await host.UserAsync("boss");
        await host.UserAsync("alice", manager: "boss");
        for (var i = 0; i < 120; i++)
        {
            await host.Preferences.SubscribeAsync(boss, $"channel-{i}", SubscriptionFilter.AllStageChanges);
        }
        var deal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Watched") { OwnerObjectId = "alice" });
        await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(122, await host.SendUntilIdleAsync());

        var times = host.Recorded.Sent.Select(s => s.At).OrderBy(t => t).ToList();
        AssertNoWindowExceeds(times, 50, TimeSpan.FromSeconds(1));
        // 50 a second sustained: 50, 50 and 22 in three consecutive seconds (a bucket refilled at 25/s took 3.9 s).
        Assert.Equal(TimeSpan.FromSeconds(2), times[^1] - times[0]);
    }

    private static void AssertNoWindowExceeds(IReadOnlyList<DateTimeOffset> times, int limit, TimeSpan window)
    {
        for (var i = 0; i + limit < times.Count; i++)
        {
            Assert.True(times[i + limit] - times[i] >= window - TimeSpan.FromMilliseconds(1),
                $"{limit + 1} sends within {times[i + limit] - times[i]} from #{i}");
        }
    }

    private static async Task OneStageChangeForAliceAsync(NotificationTestHost host)
    {
        var alice = await host.UserAsync("alice", manager: "boss");
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Retry deal"));
        await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();
    }
}

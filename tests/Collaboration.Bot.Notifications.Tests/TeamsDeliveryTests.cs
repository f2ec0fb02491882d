using System.Collections.Concurrent;
using System.Text.Json;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Notifications.Tests;

/// <summary>Deliveries sent through the real ConnectorClient and the Teams channel to a local Connector over HTTP.</summary>
public sealed class TeamsDeliveryTests : IAsyncLifetime
{
    private const string Tenant = CrmTestHost.TenantA;
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task StartsAOneToOneConversationOnceThenPostsEveryNotificationThere()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var (sender, directory) = Teams(host);
        var alice = await host.UserAsync("alice", locale: "zh-CN", manager: "boss");
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Contoso"));
        await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.New);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(2, await sender.SendDueAsync());

        var requests = _connector.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.True(requests[0].IsCreate);
        using (var create = JsonDocument.Parse(requests[0].Body))
        {
            Assert.Equal("alice", create.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
            Assert.Equal("28:bot", create.RootElement.GetProperty("bot").GetProperty("id").GetString());
            Assert.Equal(Tenant, create.RootElement.GetProperty("tenantId").GetString());
        }
        Assert.All(requests.Skip(1), r => Assert.Equal("/_connector/v3/conversations/a:personal-1/activities", r.Path));
        using var first = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("StageChanged Contoso: New -> Qualify by BOSS (zh-CN)", first.RootElement.GetProperty("text").GetString());
        Assert.Equal("a:personal-1", directory.Personal(Tenant, "alice")?.Reference.ConversationId);
        var sent = await host.DeliveriesAsync();
        Assert.Equal(["activity-2", "activity-3"], sent.Select(d => d.ExternalId));
    }

    [Fact]
    public async Task AChannelSubscriptionPostsToTheStoredChannelConversation()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var (sender, directory) = Teams(host);
        var rep = await host.UserAsync("rep");
        await host.UserAsync("junior", manager: "rep"); // a manager may subscribe a channel
        directory.AddConversation(Tenant, "sales-channel", Reference("19:sales@thread.tacv2"));
        await host.Preferences.SubscribeAsync(rep, "sales-channel", SubscriptionFilter.AllStageChanges);
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Fabrikam"));
        await host.Crm.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(1, await sender.SendDueAsync());

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("/_connector/v3/conversations/19:sales@thread.tacv2/activities", request.Path);
    }

    [Fact]
    public async Task A429WithALongRetryAfterIsRetriedWhenTheConnectorSaid()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var (sender, _) = Teams(host, stored: true);
        await StageChangesForAliceAsync(host, 1);
        _connector.Respond = r => r.Number == 1 ? LocalConnector.TooManyRequests(120) : null;
        var start = host.Crm.Clock.GetUtcNow();

        Assert.Equal(0, await sender.SendDueAsync());
        var waiting = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Pending, start.AddSeconds(120)), (waiting.Status, waiting.NextAttemptAt));
        Assert.Contains("429", waiting.LastError);

        host.Crm.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await sender.SendDueAsync());
        host.Crm.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.SendDueAsync());
        Assert.Equal(2, _connector.Sends.Count);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await host.DeliveriesAsync()).Status);
    }

    [Fact]
    public async Task ShortThrottlesAnd503sAreRetriedInsideTheConnectorClient()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var (sender, _) = Teams(host, stored: true, connectorAttempts: 4, connectorClock: TimeProvider.System);
        await StageChangesForAliceAsync(host, 1);
        _connector.Respond = r => r.Number switch
        {
            1 => LocalConnector.TooManyRequests(0),
            2 => LocalConnector.Unavailable(),
            _ => null,
        };

        Assert.Equal(1, await sender.SendDueAsync());

        Assert.Equal(3, _connector.Sends.Count);
        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Sent, 1, "activity-3"), (delivery.Status, delivery.Attempts, delivery.ExternalId));
    }

    [Fact]
    public async Task MessageWritesBlockedDeactivatesTheConversationAndParksWithoutRetrying()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var (sender, directory) = Teams(host, stored: true);
        await StageChangesForAliceAsync(host, 2);
        _connector.Respond = _ => LocalConnector.MessageWritesBlocked();

        Assert.Equal(0, await host.SendUntilIdleAsync(sender));

        Assert.Single(_connector.Requests);
        var (tenant, conversation, reason) = Assert.Single(directory.Deactivated);
        Assert.Equal((Tenant, "a:alice", "MessageWritesBlocked"), (tenant, conversation, reason));
        var parked = await host.Admin.ParkedAsync(Tenant);
        Assert.Equal(2, parked.Count);
        Assert.All(parked, p => Assert.Equal(1, p.Attempts));
        Assert.Contains(parked, p => p.LastError!.Contains("MessageWritesBlocked", StringComparison.Ordinal));
        Assert.Contains(parked, p => p.LastError!.Contains("deactivated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeliveryIsParkedAfterTheConfiguredAttemptsAndListedForTheAdmin()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, configure: o => o.MaxDeliveryAttempts = 3);
        var (sender, _) = Teams(host, stored: true);
        await StageChangesForAliceAsync(host, 1);
        _connector.Respond = _ => LocalConnector.Unavailable();

        await host.SendUntilIdleAsync(sender);

        Assert.Equal(3, _connector.Sends.Count);
        var parked = Assert.Single(await host.Admin.ParkedAsync(Tenant));
        Assert.Equal((RecipientKind.User, "alice", 3), (parked.RecipientKind, parked.Recipient, parked.Attempts));
        Assert.Contains("503", parked.LastError);
    }

    [Fact]
    public async Task ABurstOf500IntoOneChannelIsPacedAndEveryMessageArrives()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite, configure: o => o.DeliveryBatchSize = 100);
        var (sender, directory) = Teams(host);
        _connector.Clock = host.Crm.Clock.GetUtcNow;
        var rep = await host.UserAsync("rep");
        await host.UserAsync("junior", manager: "rep"); // a manager may subscribe a channel
        directory.AddConversation(Tenant, "sales-channel", Reference("19:sales@thread.tacv2"));
        await host.Preferences.SubscribeAsync(rep, "sales-channel", SubscriptionFilter.AllStageChanges);
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Busy"));
        for (var i = 0; i < 500; i++)
        {
            await host.Crm.Deals.MoveStageAsync(rep, deal.Id, null, i % 2 == 0 ? Stage.Qualify : Stage.New);
        }
        await host.Dispatcher.DrainAsync();

        Assert.Equal(500, await host.SendUntilIdleAsync(sender));

        var times = _connector.Sends.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(500, times.Count);
        AssertNoWindowExceeds(times, 7, TimeSpan.FromSeconds(1));
        AssertNoWindowExceeds(times, 8, TimeSpan.FromSeconds(2));
        AssertNoWindowExceeds(times, 60, TimeSpan.FromSeconds(30));
        Assert.All(await host.DeliveriesAsync(), d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task TwoDispatchersAndTwoSendersOnPostgresSendEachOf1000ChangesExactlyOnce()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Postgres, configure: o =>
        {
            o.OutboxBatchSize = 40;
            o.DeliveryBatchSize = 25;
            o.PerTenantPerSecond = o.PerConversationPerSecond = o.PerConversationPer2Seconds = 1_000_000;
            o.PerConversationPer30Seconds = o.PerConversationPerHour = 1_000_000;
        });
        var (teams, directory) = TeamsChannel(host);
        var channelA = new CountingChannel(teams);
        var channelB = new CountingChannel(teams);
        var boss = await host.UserAsync("boss");
        var deals = new List<Guid>();
        for (var i = 0; i < 100; i++)
        {
            var rep = $"rep-{i:D3}";
            await host.UserAsync(rep, manager: "boss");
            directory.AddPersonal(Tenant, rep, Reference($"a:{rep}"));
            deals.Add((await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest($"Deal {i}") { OwnerObjectId = rep })).Id);
        }
        await host.Dispatcher.DrainAsync();
        await using (var db = host.Crm.Db.Database.Open(Tenant))
        {
            // Only the 1,000 stage changes count here: drop the assignment notices the captures made.
            await db.Deliveries.ExecuteDeleteAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var producing = Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var round = 0; round < 10; round++)
            {
                foreach (var id in deals.Where((_, i) => i % 4 == worker))
                {
                    await host.Crm.Deals.MoveStageAsync(boss, id, null, round % 2 == 0 ? Stage.Qualify : Stage.New, ct: timeout.Token);
                }
            }
        })));
        var dispatchers = new[] { host.NewDispatcher(), host.NewDispatcher() };
        var senders = new[] { host.NewSender(channelA, workerId: "sender-a"), host.NewSender(channelB, workerId: "sender-b") };
        async Task RunUntilIdle(Func<CancellationToken, Task<int>> pass)
        {
            while (true)
            {
                if (await pass(timeout.Token) > 0) continue;
                if (producing.IsCompleted && await IdleAsync(host)) return;
                await Task.Delay(10, timeout.Token);
            }
        }
        try
        {
            await Task.WhenAll(
                dispatchers.Select(d => RunUntilIdle(d.DispatchAsync))
                    .Concat(senders.Select(s => RunUntilIdle(s.SendDueAsync)))
                    .Append(producing));
        }
        catch (OperationCanceledException)
        {
            await using var db = host.Crm.Db.Database.Open(Tenant);
            var outbox = await db.Outbox.Where(m => m.ProcessedAt == null).Select(m => m.Id + " " + m.Attempts + " " + m.LastError).ToListAsync();
            var pending = await db.Deliveries.Where(d => d.Status != DeliveryStatus.Sent)
                .Select(d => d.Id + " " + d.Status + " " + d.Attempts + " " + d.LockedBy + " " + d.LockedUntil + " " + d.NextAttemptAt + " " + d.LastError).ToListAsync();
            Assert.Fail($"Not idle: producing {producing.Status}; outbox {string.Join("; ", outbox.Take(5))} ({outbox.Count}); deliveries {string.Join("; ", pending.Take(5))} ({pending.Count}); now {host.Crm.Clock.GetUtcNow()}");
        }

        Assert.Equal(1000, _connector.Sends.Count);
        var sentIds = channelA.DeliveryIds.Concat(channelB.DeliveryIds).ToList();
        Assert.Equal(1000, sentIds.Count);
        Assert.Equal(1000, sentIds.Distinct().Count());
        var deliveries = await host.DeliveriesAsync();
        Assert.Equal(1000, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.NotEmpty(channelA.DeliveryIds);
        Assert.NotEmpty(channelB.DeliveryIds);
    }

    private (DeliverySender Sender, InMemoryConversationDirectory Directory) Teams(
        NotificationTestHost host, bool stored = false, int connectorAttempts = 1, TimeProvider? connectorClock = null)
    {
        var (channel, directory) = TeamsChannel(host, stored, connectorAttempts, connectorClock);
        return (host.NewSender(channel), directory);
    }

    // The local connector listens on 127.0.0.1 over http: a service URL only the Development environment allows.
    private (TeamsNotificationChannel Channel, InMemoryConversationDirectory Directory) TeamsChannel(
        NotificationTestHost host, bool stored = false, int connectorAttempts = 1, TimeProvider? connectorClock = null,
        IBotTokenProvider? tokens = null, string environment = "Development")
    {
        var allowList = new ServiceUrlAllowList(Options.Create(new BotAuthenticationOptions { MicrosoftAppId = "bot-app" }.UseHostEnvironment(environment)));
        var client = new ConnectorClient(new HttpClient(), tokens ?? new NoToken(), allowList,
            Options.Create(new ConnectorOptions { MaxAttempts = connectorAttempts, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) }),
            connectorClock ?? host.Crm.Clock, NullLogger<ConnectorClient>.Instance);
        var directory = new InMemoryConversationDirectory { Endpoint = new BotEndpoint(_connector.ServiceUrl, "28:bot") };
        if (stored) directory.AddPersonal(Tenant, "alice", Reference("a:alice"));
        var channel = new TeamsNotificationChannel(client, directory, new TextRenderer(),
            Options.Create(new TeamsNotificationOptions()), NullLogger<TeamsNotificationChannel>.Instance);
        return (channel, directory);
    }

    private ConversationReference Reference(string conversationId) => new()
    {
        ServiceUrl = _connector.ServiceUrl,
        ChannelId = "msteams",
        ConversationId = conversationId,
        TenantId = Tenant,
        BotId = "28:bot",
    };

    private static async Task StageChangesForAliceAsync(NotificationTestHost host, int count)
    {
        var alice = await host.UserAsync("alice", manager: "boss");
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Contoso"));
        for (var i = 0; i < count; i++)
        {
            await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, i % 2 == 0 ? Stage.Qualify : Stage.New);
        }
        await host.Dispatcher.DrainAsync();
    }

    private static async Task<bool> IdleAsync(NotificationTestHost host)
    {
        await using var db = host.Crm.Db.Database.Open(Tenant);
        return !await db.Outbox.AnyAsync(m => m.ProcessedAt == null) && !await db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending);
    }

    private static void AssertNoWindowExceeds(IReadOnlyList<DateTimeOffset> times, int limit, TimeSpan window)
    {
        for (var i = 0; i + limit < times.Count; i++)
        {
            Assert.True(times[i + limit] - times[i] >= window - TimeSpan.FromMilliseconds(1), $"{limit + 1} sends within {times[i + limit] - times[i]}");
        }
    }

    [Theory]
    [InlineData("https://attacker.example/teams/")]
    [InlineData(null)] // the local connector: loopback over http, outside Development
    public async Task AStoredReferenceOutsideTheAllowListParksTheDeliveryWithoutSendingTheToken(string? serviceUrl)
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var tokens = new CountingToken();
        var (channel, directory) = TeamsChannel(host, tokens: tokens, environment: "Production");
        var sender = host.NewSender(channel);
        var stored = Reference("a:alice") with { ServiceUrl = serviceUrl ?? _connector.ServiceUrl };
        directory.AddPersonal(Tenant, "alice", stored);
        var alice = await host.UserAsync("alice", manager: "boss");
        var boss = await host.UserAsync("boss");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Contoso"));
        await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();

        Assert.Equal(0, await sender.SendDueAsync());

        var parked = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((DeliveryStatus.Parked, 1), (parked.Status, parked.Attempts));
        Assert.Contains("Service URL not allowed", parked.LastError);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, tokens.Requests);
    }

    private sealed class CountingToken : IBotTokenProvider
    {
        public int Requests;

        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult<string?>("bot-token");
        }
    }

    private sealed class NoToken : IBotTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class CountingChannel(INotificationChannel inner) : INotificationChannel
    {
        public ConcurrentQueue<long> DeliveryIds { get; } = new();

        public async Task<NotificationReceipt> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
        {
            var receipt = await inner.SendAsync(notification, cancellationToken);
            DeliveryIds.Enqueue(notification.DeliveryId);
            return receipt;
        }
    }
}

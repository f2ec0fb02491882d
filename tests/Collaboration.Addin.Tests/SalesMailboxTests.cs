using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Addin.Graph;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Opportunities;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Addin.Tests;

public class SalesMailboxTests
{
    private const string Mailbox = "sales@seller.example";
    private const string Secret = "s3cret-client-state";

    [Fact]
    public async Task TheMailboxSubscriptionCapturesLogsAndRenewsBeforeItExpires()
    {
        await using var graph = await SalesMailboxGraph.StartAsync(Mailbox);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "true",
            ["Graph:BaseUrl"] = new Uri(graph.Address, "v1.0").ToString(),
            ["SalesMailbox:Enabled"] = "true",
            ["SalesMailbox:Mailbox"] = Mailbox,
            ["SalesMailbox:TenantId"] = AddinHost.TenantA,
            ["SalesMailbox:OwnerObjectId"] = AddinHost.RepA,
            ["SalesMailbox:ClientState"] = Secret,
        }, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IAppTokenProvider>(new FixedAppToken("app-token"));
        });

        // Created once the server listens; Graph's validation handshake went through our endpoint.
        var subscription = await Until(() => graph.Subscriptions.FirstOrDefault());
        Assert.Equal("created", subscription["changeType"]!.GetValue<string>());
        Assert.Equal($"users/{Mailbox}/mailFolders('inbox')/messages", subscription["resource"]!.GetValue<string>());
        Assert.Equal(Secret, subscription["clientState"]!.GetValue<string>());
        Assert.Equal(new Uri(host.BaseAddress, "/api/graph/notifications").ToString(), subscription["notificationUrl"]!.GetValue<string>());
        Assert.True(graph.HandshakeSucceeded);
        var expires = DateTimeOffset.Parse(subscription["expirationDateTime"]!.GetValue<string>());
        Assert.Equal(time.GetUtcNow().AddMinutes(4320), expires);

        // A known contact with an open deal.
        var known = await host.RepClient().PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("known@tailspin.example", "Known", subject: "Existing deal"));
        var knownDeal = (await known.ReadJsonAsync()).GetProperty("id").GetGuid();

        var client = host.Client();
        var wrong = await client.PostAsync("/api/graph/notifications", Notification("m-wrong", "not-the-secret"));
        var stopwatch = Stopwatch.StartNew();
        var right = await client.PostAsync("/api/graph/notifications", Notification("m-unknown", Secret, "m-known"));
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.Accepted, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3));

        // The same messages again, then a sentinel: once the sentinel is in, the queue has been worked through.
        await client.PostAsync("/api/graph/notifications", Notification("m-unknown", Secret, "m-known"));
        await client.PostAsync("/api/graph/notifications", Notification("m-sentinel", Secret));
        await Until(async () =>
        {
            await using var db = host.Db.Database.Open(AddinHost.TenantA);
            return await db.Opportunities.AnyAsync(o => o.Name == "Sentinel") ? true : (bool?)null;
        });

        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            var captured = await db.Opportunities.SingleAsync(o => o.Name == "Need a quote for 300 seats");
            Assert.Equal(CaptureSource.Email, captured.Source);
            Assert.Equal(Mailbox, captured.SourceDetail);
            Assert.Equal(AddinHost.RepA, captured.OwnerId);
            Assert.Equal(80000m, captured.Bant.BudgetAmount);
            Assert.Single(await db.Interactions.Where(i => i.OpportunityId == captured.Id).ToListAsync());
            var logged = await db.Interactions.Where(i => i.OpportunityId == knownDeal).OrderBy(i => i.OccurredAt).ToListAsync();
            Assert.Equal(2, logged.Count);
            Assert.Equal("known-2@tailspin.example", logged[1].SourceId);
            Assert.Equal(3, await db.Opportunities.CountAsync());
        }
        Assert.DoesNotContain(graph.Requests, r => r.Path.Contains("m-wrong"));
        Assert.All(graph.Requests, r => Assert.Equal("Bearer app-token", r.Authorization));
        Assert.Contains(graph.Requests, r => r.Path == $"/v1.0/users/{Mailbox}/messages/m-unknown");

        // Renewal: nothing until shortly before expiry, then a PATCH asking for a new expiry.
        time.Advance(TimeSpan.FromMinutes(4320 - 70));
        await Task.Delay(200);
        Assert.Empty(graph.Renewals);
        var renewal = await Until(() =>
        {
            if (graph.Renewals.FirstOrDefault() is { } seen) return seen;
            time.Advance(TimeSpan.FromMinutes(5));
            return null;
        }, pause: TimeSpan.FromMilliseconds(100));
        Assert.True(time.GetUtcNow() < expires);
        Assert.True(DateTimeOffset.Parse(renewal["expirationDateTime"]!.GetValue<string>()) > expires);
        Assert.Single(graph.Subscriptions);
    }

    [Fact]
    public async Task AValidationTokenIsNotEchoedWhileNoSubscriptionIsBeingCreated()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.Client();

        var notifications = await client.PostAsync("/api/graph/notifications?validationToken=" + Uri.EscapeDataString("<script>alert(1)</script>"), null);
        var lifecycle = await client.PostAsync("/api/graph/lifecycle?validationToken=" + Uri.EscapeDataString("<script>alert(1)</script>"), null);

        // Graph sends the token only while we create a subscription (the handshake test above goes through it);
        // otherwise the endpoint would reflect any text an attacker puts in a link.
        Assert.Equal(HttpStatusCode.BadRequest, notifications.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lifecycle.StatusCode);
        Assert.DoesNotContain("alert", await notifications.Content.ReadAsStringAsync());
        Assert.DoesNotContain("alert", await lifecycle.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnEmailSpoofingAKnownContactBecomesAnUnverifiedLeadInsteadOfJoiningTheirDeal()
    {
        await using var graph = await SalesMailboxGraph.StartAsync(Mailbox);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        await using var host = await AddinHost.StartAsync(settings: MailboxSettings(graph), services: MailboxServices(time));
        await Until(() => graph.Subscriptions.FirstOrDefault());
        var known = await host.RepClient().PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("known@tailspin.example", "Known", subject: "Existing deal"));
        var knownDeal = (await known.ReadJsonAsync()).GetProperty("id").GetGuid();
        var client = host.Client();

        await client.PostAsync("/api/graph/notifications", Notification("m-spoofed", Secret));
        await client.PostAsync("/api/graph/notifications", Notification("m-sentinel", Secret));
        await Until(async () =>
        {
            await using var db = host.Db.Database.Open(AddinHost.TenantA);
            return await db.Opportunities.AnyAsync(o => o.Name == "Sentinel") ? true : (bool?)null;
        });

        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Single(await db.Interactions.Where(i => i.OpportunityId == knownDeal).ToListAsync());
            var lead = await db.Opportunities.SingleAsync(o => o.Name == "Re: Existing deal");
            Assert.NotEqual(knownDeal, lead.Id);
            Assert.Equal($"{Mailbox} (unverified sender)", lead.SourceDetail);
            var first = await db.Interactions.SingleAsync(i => i.OpportunityId == lead.Id);
            Assert.StartsWith("⚠ Unverified sender / 发件人未验证: ", first.Summary);
            var sentinel = await db.Opportunities.SingleAsync(o => o.Name == "Sentinel");
            Assert.Equal(Mailbox, sentinel.SourceDetail);
        }
    }

    [Theory]
    [InlineData("spf=pass smtp.mailfrom=tailspin.example; dkim=pass header.d=tailspin.example; dmarc=pass action=none header.from=tailspin.example", true)]
    [InlineData("mx.microsoft.com; dmarc=pass (p=reject) header.from=tailspin.example", true)]
    [InlineData("spf=pass (sender IP is 40.107.22.58) smtp.mailfrom=bounces.tailspin.example; dkim=none; dmarc=none header.from=tailspin.example", true)]
    [InlineData("spf=none; dkim=pass (signature was verified) header.d=mail.tailspin.example; dmarc=bestguesspass header.from=tailspin.example", true)]
    [InlineData("spf=pass smtp.mailfrom=attacker.example; dkim=pass header.d=attacker.example; dmarc=fail action=none header.from=tailspin.example", false)]
    [InlineData("spf=pass smtp.mailfrom=tailspin.example.attacker.example; dmarc=none header.from=tailspin.example", false)]
    [InlineData("dmarc=pass header.from=other.example", false)]
    [InlineData("spf=softfail smtp.mailfrom=tailspin.example; dkim=fail header.d=tailspin.example; dmarc=fail header.from=tailspin.example", false)]
    [InlineData("", false)]
    public void OnlyAPassAlignedWithTheFromDomainVouchesForTheSender(string header, bool verified)
    {
        Assert.Equal(verified, Collaboration.Application.Capture.SenderAuthentication.IsVerified([header], "known@tailspin.example"));
        Assert.False(Collaboration.Application.Capture.SenderAuthentication.IsVerified([], "known@tailspin.example"));
    }

    private static Dictionary<string, string?> MailboxSettings(LocalGraph graph, string clientState = Secret) => new()
    {
        ["Graph:Enabled"] = "true",
        ["Graph:BaseUrl"] = new Uri(graph.Address, "v1.0").ToString(),
        ["SalesMailbox:Enabled"] = "true",
        ["SalesMailbox:Mailbox"] = Mailbox,
        ["SalesMailbox:TenantId"] = AddinHost.TenantA,
        ["SalesMailbox:OwnerObjectId"] = AddinHost.RepA,
        ["SalesMailbox:ClientState"] = clientState,
    };

    private static Action<IServiceCollection> MailboxServices(TimeProvider time) => s =>
    {
        s.AddSingleton(time);
        s.AddSingleton<IAppTokenProvider>(new FixedAppToken("app-token"));
    };

    private static async Task<MailboxSubscription> StoredAsync(TestDatabase database, Func<MailboxSubscription, bool> until)
    {
        return await Until(async () =>
        {
            await using var db = database.Database.Open(AddinHost.TenantA);
            var stored = await db.MailboxSubscriptions.AsNoTracking().SingleOrDefaultAsync();
            return stored is not null && until(stored) ? stored : null;
        });
    }

    [Fact]
    public async Task TheStoredSubscriptionIsRenewedAfterARestartInsteadOfSubscribingAgain()
    {
        await using var graph = await SalesMailboxGraph.StartAsync(Mailbox);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var port = AddinHost.FreePort(); // the same address after the restart: Graph posts to it

        await using (AddinHost.Restart(database, MailboxSettings(graph), MailboxServices(time), port))
        {
            var stored = await StoredAsync(database, s => s.SubscriptionId == "sub-1");
            Assert.Equal(time.GetUtcNow().AddMinutes(4320), stored.ExpiresAt);
            Assert.Equal(MailboxSubscription.HashOf(Secret), stored.ClientStateHash);
            Assert.Equal(Mailbox, stored.Mailbox);
        }
        time.Advance(TimeSpan.FromHours(5));
        await using var second = AddinHost.Restart(database, MailboxSettings(graph), MailboxServices(time), port);

        var renewal = await Until(() => graph.Renewals.FirstOrDefault());
        Assert.Equal("sub-1", renewal["id"]!.GetValue<string>());
        var renewed = await StoredAsync(database, s => s.ExpiresAt == time.GetUtcNow().AddMinutes(4320));
        Assert.Equal("sub-1", renewed.SubscriptionId);
        Assert.Single(graph.Subscriptions);
        Assert.Empty(graph.Deleted);
    }

    [Fact]
    public async Task AStoredSubscriptionWithAnotherClientStateIsReplacedAndDeleted()
    {
        await using var graph = await SalesMailboxGraph.StartAsync(Mailbox);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

        await using (AddinHost.Restart(database, MailboxSettings(graph, "old-secret"), MailboxServices(time)))
        {
            await StoredAsync(database, s => s.SubscriptionId == "sub-1");
        }
        await using var second = AddinHost.Restart(database, MailboxSettings(graph), MailboxServices(time));

        var replaced = await StoredAsync(database, s => s.SubscriptionId == "sub-2");
        await Until(() => graph.Deleted.FirstOrDefault());
        Assert.Equal(MailboxSubscription.HashOf(Secret), replaced.ClientStateHash);
        Assert.Equal(["sub-1"], graph.Deleted);
        Assert.Equal(["sub-2"], graph.Active);
        Assert.Empty(graph.Renewals);
        Assert.Equal(Secret, graph.Subscriptions[1]["clientState"]!.GetValue<string>());
    }

    [Fact]
    public async Task LifecycleNotificationsRenewRecreateAndCatchUp()
    {
        await using var graph = await SalesMailboxGraph.StartAsync(Mailbox);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        await using var host = await AddinHost.StartAsync(settings: MailboxSettings(graph), services: MailboxServices(time));
        var subscription = await Until(() => graph.Subscriptions.FirstOrDefault());
        Assert.Equal(new Uri(host.BaseAddress, "/api/graph/lifecycle").ToString(), subscription["lifecycleNotificationUrl"]!.GetValue<string>());
        Assert.True(graph.LifecycleHandshakeSucceeded);
        var client = host.Client();

        // A wrong secret and a stale subscription's event change nothing.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/graph/lifecycle", Lifecycle("reauthorizationRequired", "sub-1", "wrong"))).StatusCode);
        await client.PostAsync("/api/graph/lifecycle", Lifecycle("reauthorizationRequired", "sub-0", Secret));
        // Reauthorization renews the current subscription.
        var reauthorized = await client.PostAsync("/api/graph/lifecycle", Lifecycle("reauthorizationRequired", "sub-1", Secret));
        Assert.Equal(HttpStatusCode.Accepted, reauthorized.StatusCode);
        var renewal = await Until(() => graph.Renewals.FirstOrDefault());
        Assert.Equal("sub-1", renewal["id"]!.GetValue<string>());
        Assert.Single(graph.Renewals);

        // Missed notifications: the recent inbox is read again and captured, once.
        await client.PostAsync("/api/graph/lifecycle", Lifecycle("missed", "sub-1", Secret));
        await Until(async () =>
        {
            await using var db = host.Db.Database.Open(AddinHost.TenantA);
            return await db.Opportunities.CountAsync() == 3 ? true : (bool?)null;
        });
        var list = Assert.Single(graph.Requests, r => r.Path == $"/v1.0/users/{Mailbox}/mailFolders/inbox/messages");
        Assert.Contains("receivedDateTime ge 2026-11-19T08:00:00Z", list.Query);

        // Removed by Graph: subscribed again (and caught up, which captures nothing new).
        graph.Remove("sub-1");
        await client.PostAsync("/api/graph/lifecycle", Lifecycle("subscriptionRemoved", "sub-1", Secret));
        await StoredAsync(host.Db, s => s.SubscriptionId == "sub-2");
        await Until(() => graph.Requests.Count(r => r.Path.EndsWith("/mailFolders/inbox/messages")) == 2 ? graph.Requests : null);
        await client.PostAsync("/api/graph/notifications", Notification("m-sentinel", Secret));
        await Task.Delay(300);
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Equal(3, await db.Opportunities.CountAsync());
            Assert.Single(await db.Opportunities.Where(o => o.Name == "Need a quote for 300 seats").ToListAsync());
        }
        Assert.Equal(2, graph.Subscriptions.Count);
        Assert.Empty(graph.Deleted);
    }

    private static StringContent Lifecycle(string lifecycleEvent, string subscriptionId, string clientState) =>
        new(new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["subscriptionId"] = subscriptionId,
                ["subscriptionExpirationDateTime"] = "2026-11-23T08:00:00Z",
                ["tenantId"] = "entra-tenant",
                ["clientState"] = clientState,
                ["lifecycleEvent"] = lifecycleEvent,
            }),
        }.ToJsonString(), Encoding.UTF8, "application/json");

    private static StringContent Notification(string messageId, string clientState, params string[] more)
    {
        var items = new[] { messageId }.Concat(more).Select(id => new JsonObject
        {
            ["subscriptionId"] = "sub-1",
            ["clientState"] = clientState,
            ["changeType"] = "created",
            ["resource"] = $"Users/{Mailbox}/Messages/{id}",
            ["resourceData"] = new JsonObject { ["@odata.type"] = "#Microsoft.Graph.Message", ["id"] = id },
        });
        return new StringContent(new JsonObject { ["value"] = new JsonArray(items.ToArray<JsonNode?>()) }.ToJsonString(), Encoding.UTF8, "application/json");
    }

    private static async Task<T> Until<T>(Func<T?> probe, TimeSpan? pause = null) where T : class =>
        await Until(() => Task.FromResult(probe()), pause);

    private static async Task<T> Until<T>(Func<Task<T?>> probe, TimeSpan? pause = null)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(50));
        }
        throw new TimeoutException("Gave up waiting.");
    }

    private sealed class FixedAppToken(string token) : IAppTokenProvider
    {
        public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Addin.Graph;
using Collaboration.Domain.Capture;
using Collaboration.Testing;
using Collaboration.Domain.Opportunities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Addin.Tests;

public class SalesMailboxTests
{
    private const string Mailbox = "sales@seller.example";
    private const string Secret = "s3cret-client-state";

    [Fact]
    public async Task TheMailboxSubscriptionCapturesLogsAndRenewsBeforeItExpires()
    {
        await using var graph = await MailboxGraph.StartAsync();
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
        await using var graph = await MailboxGraph.StartAsync();
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

    private static Dictionary<string, string?> MailboxSettings(MailboxGraph graph, string clientState = Secret) => new()
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
        await using var graph = await MailboxGraph.StartAsync();
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
        await using var graph = await MailboxGraph.StartAsync();
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
        await using var graph = await MailboxGraph.StartAsync();
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

    public sealed record GraphCall(string Method, string Path, string? Authorization, string Query = "");

    /// <summary>A Graph-shaped tenant: /subscriptions (validating the notification URL like Graph does) and a shared mailbox's messages.</summary>
    private sealed class MailboxGraph : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private MailboxGraph(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }
        public List<GraphCall> Requests { get; } = [];
        public List<JsonObject> Subscriptions { get; } = [];
        public List<JsonObject> Renewals { get; } = [];
        public List<string> Deleted { get; } = [];
        public HashSet<string> Active { get; } = [];
        public bool HandshakeSucceeded { get; private set; }
        public bool LifecycleHandshakeSucceeded { get; private set; }

        /// <summary>What Graph does on its own when it drops a subscription: later renewals get 404.</summary>
        public void Remove(string id)
        {
            lock (Active) Active.Remove(id);
        }

        private static readonly Dictionary<string, (string From, string Name, string Subject, string Body, string MessageId)> Messages = new()
        {
            ["m-unknown"] = ("li.na@newco.example", "Li Na", "Need a quote for 300 seats", "Hi, our budget is $80k and we want to start next month.", "<unknown-1@newco.example>"),
            ["m-known"] = ("known@tailspin.example", "Known", "Re: Existing deal", "Any update on the contract?", "<KNOWN-2@tailspin.example>"),
            ["m-sentinel"] = ("sentinel@other.example", "Sentinel", "Sentinel", "Last one.", "<sentinel@other.example>"),
        };

        /// <summary>Not in the inbox listing: fetched only when a test notifies about it.</summary>
        private static readonly Dictionary<string, (string From, string Name, string Subject, string Body, string MessageId)> Unlisted = new()
        {
            ["m-spoofed"] = ("known@tailspin.example", "Known", "Re: Existing deal", "Please wire the deposit to our new account.", "<spoofed-1@attacker.example>"),
        };

        /// <summary>What Exchange Online writes above every inbound message: here DMARC passed for the From domain.</summary>
        private static string[] AuthenticationResults(string id, string from)
        {
            var domain = from[(from.IndexOf('@') + 1)..];
            if (id == "m-spoofed")
            {
                // Sent from the attacker's own server with the customer's address in From; the second, lower header is the
                // attacker's own forgery inside the message, which must not count.
                return
                [
                    $"spf=pass (sender IP is 198.51.100.7) smtp.mailfrom=attacker.example; dkim=pass (signature was verified) header.d=attacker.example;dmarc=fail action=none header.from={domain};compauth=fail reason=000",
                    $"mx.attacker.example; dmarc=pass header.from={domain}; spf=pass smtp.mailfrom={domain}",
                ];
            }
            return [$"spf=pass (sender IP is 40.107.22.58) smtp.mailfrom={domain}; dkim=pass (signature was verified) header.d={domain};dmarc=pass action=none header.from={domain};compauth=pass reason=100"];
        }

        public static async Task<MailboxGraph> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            MailboxGraph? self = null;
            void Record(HttpContext context)
            {
                lock (self!.Requests) self.Requests.Add(new GraphCall(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), Uri.UnescapeDataString(context.Request.QueryString.Value ?? "")));
            }

            app.MapPost("/v1.0/subscriptions", async (HttpContext context) =>
            {
                Record(context);
                var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
                const string token = "Validation: Token <1> & more";
                using var validation = new HttpClient();
                var answer = await validation.PostAsync(body["notificationUrl"]!.GetValue<string>() + "?validationToken=" + Uri.EscapeDataString(token), null);
                if (answer.StatusCode != HttpStatusCode.OK || answer.Content.Headers.ContentType?.MediaType != "text/plain" || await answer.Content.ReadAsStringAsync() != token)
                {
                    return Results.Json(new { error = new { code = "ValidationError", message = "Subscription validation request failed." } }, statusCode: 400);
                }
                if (body["lifecycleNotificationUrl"]?.GetValue<string>() is { } lifecycleUrl)
                {
                    var lifecycle = await validation.PostAsync(lifecycleUrl + "?validationToken=" + Uri.EscapeDataString(token), null);
                    if (lifecycle.StatusCode != HttpStatusCode.OK || await lifecycle.Content.ReadAsStringAsync() != token)
                    {
                        return Results.Json(new { error = new { code = "ValidationError", message = "Lifecycle validation request failed." } }, statusCode: 400);
                    }
                    self!.LifecycleHandshakeSucceeded = true;
                }
                self!.HandshakeSucceeded = true;
                lock (self.Subscriptions)
                {
                    body["id"] = $"sub-{self.Subscriptions.Count + 1}";
                    self.Subscriptions.Add(body);
                }
                lock (self.Active) self.Active.Add(body["id"]!.GetValue<string>());
                return Results.Json(body, statusCode: 201);
            });
            app.MapMethods("/v1.0/subscriptions/{id}", [HttpMethods.Patch], async (string id, HttpContext context) =>
            {
                Record(context);
                lock (self!.Active)
                {
                    if (!self.Active.Contains(id)) return Results.Json(new { error = new { code = "ResourceNotFound", message = "Not found." } }, statusCode: 404);
                }
                var body = JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync())!.AsObject();
                body["id"] = id;
                lock (self.Renewals) self.Renewals.Add(body);
                return Results.Json(body);
            });
            app.MapDelete("/v1.0/subscriptions/{id}", (string id, HttpContext context) =>
            {
                Record(context);
                lock (self!.Active)
                {
                    if (!self.Active.Remove(id)) return Results.Json(new { error = new { code = "ResourceNotFound", message = "Not found." } }, statusCode: 404);
                }
                lock (self.Deleted) self.Deleted.Add(id);
                return Results.NoContent();
            });
            app.MapGet("/v1.0/users/{mailbox}/mailFolders/inbox/messages", (string mailbox, HttpContext context) =>
            {
                Record(context);
                return Results.Json(new { value = Messages.Keys.Select(id => new { id }).ToArray() });
            });
            app.MapGet("/v1.0/users/{mailbox}/messages/{id}", (string mailbox, string id, HttpContext context) =>
            {
                Record(context);
                if (mailbox != Mailbox || !(Messages.TryGetValue(id, out var m) || Unlisted.TryGetValue(id, out m)))
                {
                    return Results.Json(new { error = new { code = "ErrorItemNotFound", message = "Not found." } }, statusCode: 404);
                }
                return Results.Json(new Dictionary<string, object?>
                {
                    ["id"] = id,
                    ["subject"] = m.Subject,
                    ["internetMessageId"] = m.MessageId,
                    ["conversationId"] = "conv-" + id,
                    ["receivedDateTime"] = "2026-11-20T08:30:00Z",
                    ["from"] = new { emailAddress = new { name = m.Name, address = m.From } },
                    ["toRecipients"] = new[] { new { emailAddress = new { name = "Sales", address = Mailbox } } },
                    ["ccRecipients"] = Array.Empty<object>(),
                    ["body"] = new { contentType = "html", content = $"<p>{m.Body}</p>" },
                    ["internetMessageHeaders"] = new[] { new { name = "Received", value = "from mail.example by outlook.com" } }
                        .Concat(AuthenticationResults(id, m.From).Select(value => new { name = "Authentication-Results", value }))
                        .ToArray(),
                });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            self = new MailboxGraph(app, new Uri(address));
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

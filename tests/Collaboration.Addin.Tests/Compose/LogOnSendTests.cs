using System.Net;
using System.Net.Http.Headers;
using Collaboration.Domain.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Tests.Compose;

/// <summary>
/// "Log when sent": the pane asks for the header, Outlook sends the message with it, and the look at Sent Items (the real
/// Graph client against the test kit's Graph) logs it to the deal, exactly once.
/// </summary>
public class LogOnSendTests
{
    private sealed record World(AddinHost Host, LocalGraph Graph, LocalOpenIdIssuer Issuer, HttpClient Rep, FakeTimeProvider Clock) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Graph.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }

    private static async Task<World> StartAsync()
    {
        var graph = await LocalGraph.StartAsync();
        var issuer = await LocalOpenIdIssuer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var settings = issuer.AzureAdSettings();
        settings["Graph:Enabled"] = "true";
        settings["Graph:BaseUrl"] = graph.BaseUrl;
        // OBO against Entra cannot be reached from here; everything after the token is the real Graph client over HTTP.
        var host = await AddinHost.StartAsync(settings: settings, services: s =>
        {
            s.AddScoped<IAccessTokenProvider>(_ => new FixedTokenProvider("obo-token-for-rep"));
            s.AddSingleton<TimeProvider>(clock);
        });
        var rep = host.Client();
        rep.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token());
        return new World(host, graph, issuer, rep, clock);
    }

    private static async Task<Guid> NewDealAsync(HttpClient rep) =>
        (await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("li.wei@contoso-buyer.com"))).ReadJsonAsync()).GetProperty("id").GetGuid();

    private static async Task<string> StampAsync(HttpClient rep, Guid dealId)
    {
        var response = await rep.PostJsonAsync("/api/compose/log-on-send", new { dealId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stamp = await response.ReadJsonAsync();
        Assert.Equal("x-collaboration-log", stamp.GetProperty("header").GetString());
        var token = stamp.GetProperty("token").GetString()!;
        Assert.DoesNotContain(dealId.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
        return token;
    }

    [Fact]
    public async Task ASentMessageStampedForADealIsLoggedAsOutboundOnceAndOthersAreLeftAlone()
    {
        await using var world = await StartAsync();
        var dealId = await NewDealAsync(world.Rep);
        var token = await StampAsync(world.Rep, dealId);
        var sentAt = world.Clock.GetUtcNow().AddMinutes(5);
        world.Graph.SentItems.Add(LocalGraph.SentMessage("sent-1", "<Reply-1@seller.example>", sentAt, "Re: Pricing", "li.wei@contoso-buyer.com",
            "x-collaboration-log", token, "<p>Here is the quote.</p><script>alert(1)</script>"));
        world.Graph.SentItems.Add(LocalGraph.SentMessage("sent-2", "<forged@seller.example>", sentAt, "Forged", "li.wei@contoso-buyer.com",
            "x-collaboration-log", "not-a-token"));
        world.Graph.SentItems.Add(LocalGraph.SentMessage("sent-3", "<plain@seller.example>", sentAt, "Lunch?", "friend@gmail.com"));
        world.Clock.Advance(TimeSpan.FromMinutes(10));

        var first = await (await world.Rep.PostAsync("/api/compose/sent", null)).ReadJsonAsync();
        var second = await (await world.Rep.PostAsync("/api/compose/sent", null)).ReadJsonAsync();

        Assert.True(first.GetProperty("available").GetBoolean());
        Assert.Equal((1, 0, 1), (first.GetProperty("logged").GetInt32(), first.GetProperty("alreadyLogged").GetInt32(), first.GetProperty("skipped").GetInt32()));
        Assert.Equal((0, 1, 1), (second.GetProperty("logged").GetInt32(), second.GetProperty("alreadyLogged").GetInt32(), second.GetProperty("skipped").GetInt32()));
        await using var db = world.Host.Db.Database.Open(LocalOpenIdIssuer.TenantId);
        var sent = await db.Interactions.SingleAsync(i => i.Direction == Direction.Outbound);
        Assert.Equal(dealId, sent.OpportunityId);
        Assert.Equal(InteractionKind.Email, sent.Kind);
        Assert.Equal("reply-1@seller.example", sent.SourceId);
        Assert.Equal("Re: Pricing", sent.Subject);
        Assert.DoesNotContain("alert", sent.Body);
        Assert.Equal((await db.Contacts.SingleAsync(c => c.Email == "li.wei@contoso-buyer.com")).Id, sent.ContactId);
        Assert.False(await db.Contacts.AnyAsync(c => c.Email == "friend@gmail.com"));
        var look = world.Graph.Requests.First(r => r.Path == "/v1.0/me/mailFolders/sentitems/messages");
        Assert.Equal("Bearer obo-token-for-rep", look.Authorization);
        Assert.Contains("sentDateTime ge 2026-11-24T09:10:00Z", look.Query);
        Assert.Contains("Name x-collaboration-log", look.Query);
        Assert.Contains("$top=50", look.Query);
    }

    [Fact]
    public async Task AStampOlderThanItsLifetimeOrAnotherRepsLogsNothing()
    {
        await using var world = await StartAsync();
        var dealId = await NewDealAsync(world.Rep);
        var token = await StampAsync(world.Rep, dealId);
        var colleague = world.Host.Client();
        colleague.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.Issuer.Token("entra-rep-2"));
        world.Graph.SentItems.Add(LocalGraph.SentMessage("sent-1", "<late@seller.example>", world.Clock.GetUtcNow(), "Late", "li.wei@contoso-buyer.com",
            "x-collaboration-log", token));

        var byColleague = await (await colleague.PostAsync("/api/compose/sent", null)).ReadJsonAsync();
        world.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var tooLate = await (await world.Rep.PostAsync("/api/compose/sent", null)).ReadJsonAsync();

        Assert.Equal(1, byColleague.GetProperty("skipped").GetInt32());
        Assert.Equal(1, tooLate.GetProperty("skipped").GetInt32());
        await using var db = world.Host.Db.Database.Open(LocalOpenIdIssuer.TenantId);
        Assert.False(await db.Interactions.AnyAsync(i => i.Direction == Direction.Outbound));
    }

    [Fact]
    public async Task AStampForADealTheRepCannotSeeIsNotFoundAndAnOverlongHeaderIsIgnored()
    {
        await using var world = await StartAsync();
        await NewDealAsync(world.Rep);
        world.Graph.SentItems.Add(LocalGraph.SentMessage("sent-1", "<long@seller.example>", world.Clock.GetUtcNow(), "Long", "li.wei@contoso-buyer.com",
            "x-collaboration-log", new string('A', 100_000)));

        var unknown = await world.Rep.PostJsonAsync("/api/compose/log-on-send", new { dealId = Guid.NewGuid() });
        var look = await (await world.Rep.PostAsync("/api/compose/sent", null)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(1, look.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task WithoutTheMailboxConnectionLogOnSendIsRefusedClearlyAndTheLookFindsNothing()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var dealId = await NewDealAsync(rep);

        var stamp = await rep.PostJsonAsync("/api/compose/log-on-send", new { dealId });
        var look = await (await rep.PostAsync("/api/compose/sent", null)).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stamp.StatusCode);
        var problem = await stamp.ReadJsonAsync();
        Assert.Equal("compose.needs_mailbox", problem.GetProperty("code").GetString());
        Assert.Contains("Graph", problem.GetProperty("detail").GetString());
        Assert.False(look.GetProperty("available").GetBoolean());
    }

    private sealed class FixedTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

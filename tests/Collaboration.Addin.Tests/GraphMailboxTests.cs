using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Tests;

public class GraphMailboxTests
{
    [Fact]
    public async Task WithGraphTheMessageIsReadAsTheRepAndMarkedLoggedInOutlook()
    {
        await using var graph = await StartGraphAsync();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var settings = issuer.AzureAdSettings();
        settings["Graph:Enabled"] = "true";
        settings["Graph:BaseUrl"] = new Uri(graph.Address, "v1.0").ToString();
        // OBO against Entra cannot be reached from here; everything after the token is the real Graph client over HTTP.
        await using var host = await AddinHost.StartAsync(settings: settings,
            services: s => s.AddScoped<IAccessTokenProvider>(_ => new FixedTokenProvider("obo-token-for-rep")));
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token());

        var created = await client.PostJsonAsync("/api/opportunities/from-email",
            PaneEmails.From("pane-says@else.example", subject: "What the pane sent", bodyText: "pane body", itemId: "AAMkAGI2-item-1"));
        var deal = await created.ReadJsonAsync();
        var again = await client.PostJsonAsync($"/api/opportunities/{deal.GetProperty("id").GetGuid()}/emails",
            PaneEmails.From("pane-says@else.example", itemId: "AAMkAGI2-item-1"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Renewal for 200 seats", deal.GetProperty("name").GetString());
        Assert.Equal("zhang.wei@contoso.cn", deal.GetProperty("primaryContact").GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.ReadJsonAsync()).GetProperty("alreadyLogged").GetBoolean());

        await using (var db = host.Db.Database.Open(LocalOpenIdIssuer.TenantId))
        {
            var stored = await db.Interactions.SingleAsync();
            Assert.Equal("graph-1@contoso.cn", stored.SourceId);
            Assert.Equal("conv-graph-1", stored.ConversationId);
            Assert.Equal("Only the new part: we need 200 seats by March.", stored.Body);
        }

        var reads = graph.Requests.Where(r => r.Method == "GET").ToList();
        Assert.NotEmpty(reads);
        Assert.All(graph.Requests, r => Assert.Equal("Bearer obo-token-for-rep", r.Authorization));
        Assert.All(graph.Requests, r => Assert.Equal("/v1.0/me/messages/AAMkAGI2-item-1", r.Path));
        Assert.Contains(reads, r => r.Query.Contains("uniqueBody") && r.Prefer.Contains("IdType=\"ImmutableId\""));
        var patches = graph.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.NotEmpty(patches);
        var categories = JsonNode.Parse(patches[0].Body)!["categories"]!.AsArray().Select(c => c!.GetValue<string>());
        Assert.Equal(["Customer", "Logged to Collaboration"], categories);
    }

    [Fact]
    public async Task WhenGraphCannotReadTheMessageThePaneFieldsAreUsed()
    {
        await using var graph = await StartGraphAsync();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var settings = issuer.AzureAdSettings();
        settings["Graph:Enabled"] = "true";
        settings["Graph:BaseUrl"] = new Uri(graph.Address, "v1.0").ToString();
        await using var host = await AddinHost.StartAsync(settings: settings,
            services: s => s.AddScoped<IAccessTokenProvider>(_ => new FixedTokenProvider("obo-token-for-rep")));
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token());

        var created = await client.PostJsonAsync("/api/opportunities/from-email",
            PaneEmails.From("pane@fabrikam.example", subject: "From the pane", itemId: LocalGraph.MissingItem));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = await created.ReadJsonAsync();
        Assert.Equal("From the pane", deal.GetProperty("name").GetString());
        Assert.Equal("pane@fabrikam.example", deal.GetProperty("primaryContact").GetProperty("email").GetString());
    }

    private sealed class FixedTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }

    /// <summary>The signed-in rep's mailbox holding one message (Graph's own reading of it: the pane's copy may say otherwise).</summary>
    private static async Task<LocalGraph> StartGraphAsync()
    {
        var graph = await LocalGraph.StartAsync();
        graph.MyCategories = ["Customer"];
        graph.MyMessage = new Dictionary<string, object?>
        {
            ["subject"] = "Renewal for 200 seats",
            ["internetMessageId"] = "<GRAPH-1@contoso.cn>",
            ["conversationId"] = "conv-graph-1",
            ["receivedDateTime"] = "2026-11-20T08:30:00Z",
            ["from"] = new { emailAddress = new { name = "Zhang Wei", address = "zhang.wei@contoso.cn" } },
            ["toRecipients"] = new[] { new { emailAddress = new { name = "Megan Bowen", address = "megan@seller.example" } } },
            ["ccRecipients"] = Array.Empty<object>(),
            ["body"] = new { contentType = "html", content = "<p>Only the new part: we need 200 seats by March.</p><blockquote>Earlier thread</blockquote>" },
            ["uniqueBody"] = new { contentType = "html", content = "<p>Only the new part: we need 200 seats by March.</p><script>alert(1)</script>" },
        };
        return graph;
    }
}

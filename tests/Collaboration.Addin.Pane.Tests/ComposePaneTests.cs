using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Application.DemoData;
using Collaboration.Domain.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The pane while the rep writes a message: the recipients' deals, "Insert deal summary" and "Log when sent".</summary>
[Collection(BrowserCollection.Name)]
public sealed class ComposePaneTests(BrowserFixture browser)
{
    private const string Hostile = "<img src=x onerror=alert(1)> Renewal";
    private static readonly ComposeItem ToLiWei = new("Re: pricing", [new MailAddress("Li Wei", "li.wei@contoso-buyer.com")], []);

    [Fact]
    public async Task TheRecipientsDealIsOfferedAndItsSummaryGoesIntoTheMessageAsEscapedHtml()
    {
        await using var host = await AddinHost.StartAsync();
        await SeedAsync(host.Client(), Hostile);
        await using var pane = await Pane.OpenAsync(browser, host, ToLiWei);

        await Expect(pane.TestId("recipients")).ToContainTextAsync("li.wei@contoso-buyer.com");
        await Expect(pane.Page.Locator("#mode-deal option")).ToHaveTextAsync([$"{Hostile} · Contoso-buyer"]);
        await pane.Button("Insert deal summary").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Deal summary inserted");
        var inserted = await Inserted(pane);
        Assert.Equal("html", inserted.GetProperty("coercionType").GetString());
        var html = inserted.GetProperty("data").GetString()!;
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Renewal", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("Stage: New", html);
        Assert.Empty(pane.Dialogs);
    }

    [Fact]
    public async Task InChineseWithoutTheMailboxConnectionLogWhenSentSaysWhyAndStampsNothing()
    {
        await using var host = await AddinHost.StartAsync();
        await SeedAsync(host.Client(), "续约 200 席位");
        await using var pane = await Pane.OpenAsync(browser, host, ToLiWei, "zh-CN");

        await pane.Button("发送后记录").ClickAsync();

        await Expect(pane.Alert).ToContainTextAsync("Microsoft Graph");
        await Expect(pane.Alert).ToContainTextAsync("发送后记录邮件");
        Assert.Equal("{}", await pane.Page.EvaluateAsync<string>("() => JSON.stringify(window.__office.headers)"));
        await Expect(pane.Page.Locator("#mode-deal")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(".+"));
        await pane.Button("插入商机摘要").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("已插入商机摘要");
        Assert.Contains("阶段", (await Inserted(pane)).GetProperty("data").GetString());
    }

    [Fact]
    public async Task LogWhenSentStampsTheDraftAndTheSentMessageIsLoggedOnceWhenThePaneNextOpens()
    {
        await using var graph = await LocalGraph.StartAsync();
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var settings = issuer.AzureAdSettings();
        settings["Graph:Enabled"] = "true";
        settings["Graph:BaseUrl"] = graph.BaseUrl;
        // OBO against Entra cannot be reached from here; everything after the token is the real Graph client over HTTP.
        await using var host = await AddinHost.StartAsync(settings: settings,
            services: s => s.AddScoped<IAccessTokenProvider>(_ => new FixedTokenProvider("obo-token-for-rep")));
        var token = issuer.Token();
        using var api = host.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var dealId = await SeedAsync(api, "Renewal for 200 seats");

        await using (var compose = await Pane.OpenAsync(browser, host, ToLiWei, accessToken: token))
        {
            await compose.Button("Log when sent").ClickAsync();
            await Expect(compose.TestId("compose-state")).ToHaveTextAsync("This message will be logged to Renewal for 200 seats once it is sent.");
            var stamp = await compose.Page.EvaluateAsync<string>("() => window.__office.headers['x-collaboration-log']");
            // What Outlook does: the message goes out with the header, and its copy lands in Sent Items.
            graph.SentItems.Add(LocalGraph.SentMessage("sent-1", "<sent-1@collaboration.demo>", DateTimeOffset.UtcNow, "Re: pricing",
                "li.wei@contoso-buyer.com", "x-collaboration-log", stamp));
        }

        // The message the rep opens next, as Graph reads it for the backend.
        graph.MyMessage = new Dictionary<string, object?>
        {
            ["subject"] = "Hello",
            ["internetMessageId"] = "<hello@fabrikam.example>",
            ["from"] = new { emailAddress = new { name = "Someone", address = "someone@fabrikam.example" } },
            ["body"] = new { contentType = "text", content = "Hi there" },
        };
        await using var next = await Pane.OpenAsync(browser, host, MailItem.Of("someone@fabrikam.example", "Someone"), accessToken: token);
        await Expect(next.TestId("sender-name")).ToHaveTextAsync("Someone");
        await using var again = await Pane.OpenAsync(browser, host, MailItem.Of("someone@fabrikam.example", "Someone"), accessToken: token);
        await Expect(again.TestId("sender-name")).ToHaveTextAsync("Someone");

        await using var db = host.Db.Database.Open(LocalOpenIdIssuer.TenantId);
        var sent = await Eventually(() => db.Interactions.Where(i => i.Direction == Direction.Outbound).ToListAsync(), list => list.Count > 0);
        var logged = Assert.Single(sent);
        Assert.Equal(dealId, logged.OpportunityId);
        Assert.Equal("sent-1@collaboration.demo", logged.SourceId);
    }

    internal static async Task<Guid> SeedAsync(HttpClient rep, string dealName)
    {
        var response = await rep.PostJsonAsync("/api/opportunities/from-email",
            new { from = new { name = "Li Wei", address = "li.wei@contoso-buyer.com" }, subject = "Pricing", bodyText = "Hello", dealName });
        response.EnsureSuccessStatusCode();
        return (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> Inserted(Pane pane) =>
        JsonDocument.Parse(await pane.Page.EvaluateAsync<string>("() => JSON.stringify(window.__office.inserted)")).RootElement.EnumerateArray().Single();

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; ; i++)
        {
            var value = await read();
            if (done(value) || i == 100) return value;
            await Task.Delay(100);
        }
    }

    private sealed class FixedTokenProvider(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>
/// The dashboard as a Teams tab, in chromium: Teams (a stand-in at https://teams.microsoft.com that speaks teams-js's
/// postMessage protocol) frames the real backend's /dashboard; the backend trusts only the local OpenID issuer, and the
/// tokens Teams hands the tab are signed by it, for the audience the manifest's webApplicationInfo.resource leads to.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTeamsTabTests(BrowserFixture browser, TeamsClientFixture teams) : IClassFixture<TeamsClientFixture>
{
    private const string Rep = "teams-rep-1";
    private const string RepName = "Megan Bowen";

    private sealed record World(LocalOpenIdIssuer Issuer, AddinHost Host) : IAsyncDisposable
    {
        public Uri Dashboard => new(Host.BaseAddress, "/dashboard");

        /// <summary>What Teams SSO gets for the tab with the registration the README asks for: a v2 token, aud = client id.</summary>
        public string GoodToken() => Issuer.Token(objectId: Rep, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId, name: RepName);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }

    /// <summary>The backend with Entra configured (the Application ID URI as the manifest writes it) and one deal of the rep this quarter.</summary>
    private static async Task<World> StartAsync()
    {
        var issuer = await LocalOpenIdIssuer.StartAsync();
        var port = AddinHost.FreePort();
        var settings = issuer.AzureAdSettings();
        settings["AzureAd:Audience"] = $"api://127.0.0.1:{port}/{LocalOpenIdIssuer.ClientId}";
        var host = await AddinHost.StartAsync(settings: settings, port: port);
        var actor = new Actor(LocalOpenIdIssuer.TenantId, Rep, ChangeSurface.Outlook);
        await host.Services.GetRequiredService<UserDirectory>().EnsureAsync(
            new UserProfile(actor.TenantId, Rep, RepName, "megan@buyer-tenant.example", "en-US", "UTC"));
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(actor,
            new CaptureRequest("Teams tab deal") { Amount = 42_000m, CloseDate = DateOnly.FromDateTime(DateTime.UtcNow) });
        return new World(issuer, host);
    }

    private Task<TeamsTab> OpenAsync(World world, string locale = "en-us", string theme = "default") =>
        teams.OpenAsync(world.Dashboard, locale, theme, LocalOpenIdIssuer.TenantId, Rep);

    [Fact]
    public async Task InTeamsTheDashboardSignsInWithTeamsSsoAndShowsTheRepsReports()
    {
        await using var world = await StartAsync();
        var token = world.GoodToken();
        teams.Tokens = _ => TeamsToken.Of(token);
        await using var tab = await OpenAsync(world);

        await Expect(tab.Tab.Locator("#status")).ToContainTextAsync("Showing ");
        await Expect(tab.Tab.Locator("#title")).ToHaveTextAsync("Pipeline dashboard");
        await Expect(tab.Tab.Locator("#forecast table")).ToContainTextAsync("42,000");
        await Expect(tab.Tab.Locator("#conversion table")).ToContainTextAsync("New");
        await Expect(tab.Tab.Locator("#owner option")).ToContainTextAsync(["All", RepName]);

        Assert.Equal(["initialize", "getContext", "authentication.getAuthToken"],
            (await tab.HostRequestsAsync()).Where(f => f is "initialize" or "getContext" or "authentication.getAuthToken"));
        Assert.Equal(1, teams.TokenRequests);
        var calls = tab.Requests.Where(r => new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        // Who is signed in (whether to offer Settings), the catalog, the tenant's pipeline and five reports, each once.
        Assert.Equal(["/api/me", "/api/pipeline", "/api/reports", "/api/reports/attainment", "/api/reports/conversion", "/api/reports/cycle", "/api/reports/forecast", "/api/reports/loss-reasons"],
            calls.Select(c => new Uri(c.Url).AbsolutePath).Order(StringComparer.Ordinal));
        Assert.All(calls, c => Assert.Equal($"Bearer {token}", c.Authorization));
        Assert.Contains(tab.Requests, r => r.Url.EndsWith("/dashboard-teams.js", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheTabFollowsTheTeamsThemeAndItsChanges()
    {
        await using var world = await StartAsync();
        teams.Tokens = _ => TeamsToken.Of(world.GoodToken());
        await using var tab = await OpenAsync(world, theme: "dark");
        var root = tab.Tab.Locator("html");
        var body = tab.Tab.Locator("body");

        await Expect(root).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(body).ToHaveCSSAsync("background-color", "rgb(31, 31, 31)");

        await tab.SetThemeAsync("contrast");
        await Expect(root).ToHaveAttributeAsync("data-theme", "contrast");
        await Expect(body).ToHaveCSSAsync("background-color", "rgb(0, 0, 0)");
        await Expect(body).ToHaveCSSAsync("color", "rgb(255, 255, 255)");

        await tab.SetThemeAsync("default");
        await Expect(body).ToHaveCSSAsync("background-color", "rgb(245, 245, 245)");
    }

    [Fact]
    public async Task AChineseTeamsLocaleGivesChineseLabelsThoughTheBrowserIsEnglish()
    {
        await using var world = await StartAsync();
        teams.Tokens = _ => TeamsToken.Of(world.GoodToken());
        await using var tab = await OpenAsync(world, locale: "zh-cn");

        await Expect(tab.Tab.Locator("#title")).ToHaveTextAsync("销售漏斗仪表板");
        await Expect(tab.Tab.Locator("#status")).ToContainTextAsync("显示 ");
        await Expect(tab.Tab.Locator("#forecast h2")).ToContainTextAsync("按月预测");
        await Expect(tab.Tab.Locator("#conversion table")).ToContainTextAsync("新建");
        await Expect(tab.Tab.Locator("#import-title")).ToHaveTextAsync("导入联系人/线索");
        await Expect(tab.Tab.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        Assert.All(tab.Requests.Where(r => r.Url.Contains("/api/", StringComparison.Ordinal)), r => Assert.StartsWith("Bearer ", r.Authorization));
    }

    [Fact]
    public async Task ATokenTheApiRefusesIsReplacedOnceAndTheReportsShow()
    {
        await using var world = await StartAsync();
        var expired = world.Issuer.Token(objectId: Rep, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId,
            expires: DateTimeOffset.UtcNow.AddMinutes(-30));
        teams.Tokens = n => TeamsToken.Of(n == 1 ? expired : world.GoodToken());
        await using var tab = await OpenAsync(world);

        await Expect(tab.Tab.Locator("#forecast table")).ToContainTextAsync("42,000");
        await Expect(tab.Tab.Locator("#status")).Not.ToHaveClassAsync("status error");
        // However many calls saw the expired token, Teams was asked for a new one once.
        Assert.Equal(2, teams.TokenRequests);
    }

    [Theory]
    [InlineData("wrong audience", "en-us", "Teams could not sign you in to Collaboration (401).")]
    [InlineData("forged signature", "zh-cn", "Teams 无法让你登录协作 CRM（401）。")]
    public async Task ATokenTheApiKeepsRefusingShowsTheSignInErrorNotABlankPage(string problem, string locale, string message)
    {
        await using var world = await StartAsync();
        var token = problem == "forged signature"
            ? world.Issuer.Token(objectId: Rep, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId, forged: true)
            : world.Issuer.Token(objectId: Rep, audience: $"api://127.0.0.1/{Guid.NewGuid()}", client: LocalOpenIdIssuer.TeamsClientId);
        teams.Tokens = _ => TeamsToken.Of(token);
        await using var tab = await OpenAsync(world, locale);

        var status = tab.Tab.Locator("#status");
        await Expect(status).ToContainTextAsync(message);
        await Expect(status).ToHaveClassAsync("status error");
        await Expect(status).ToBeVisibleAsync();
        await Expect(tab.Tab.Locator("#title")).ToBeVisibleAsync();
        await Expect(tab.Tab.Locator("#forecast table")).ToHaveCountAsync(0);
        Assert.Equal(2, teams.TokenRequests);
    }

    [Fact]
    public async Task WhenTeamsGivesNoTokenItsReasonIsShownInTheSignInError()
    {
        await using var world = await StartAsync();
        teams.Tokens = _ => TeamsToken.Refused("resourceRequiresConsent");
        await using var tab = await OpenAsync(world);

        await Expect(tab.Tab.Locator("#status")).ToContainTextAsync("Teams could not sign you in to Collaboration (resourceRequiresConsent).");
        await Expect(tab.Tab.Locator("#status")).ToContainTextAsync("single sign-on");
        Assert.All(tab.Requests.Where(r => r.Url.Contains("/api/", StringComparison.Ordinal)), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task InAPlainBrowserTheDashboardNeverLoadsTeamsJsAndSignsInAsBefore()
    {
        await using var host = await AddinHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var requests = new List<(string Url, string? Authorization)>();
        page.Request += (_, request) => requests.Add((request.Url, request.Headers.GetValueOrDefault("authorization")));

        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());

        await Expect(page.Locator("#status")).ToContainTextAsync("Showing ");
        Assert.DoesNotContain(requests, r => r.Url.Contains("dashboard-teams", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Null(r.Authorization));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.hasAttribute('data-theme')"));
    }
}

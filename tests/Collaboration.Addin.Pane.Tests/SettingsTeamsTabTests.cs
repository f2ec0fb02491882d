using Collaboration.Application.Access;
using Collaboration.Application.Users;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>
/// The Settings page as the app's second Teams tab: framed by the Teams stand-in, signed in with Teams SSO tokens from the
/// local issuer, like the dashboard tab. The token's app roles decide: an admin gets the settings, a rep the admins-only message.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsTeamsTabTests(BrowserFixture browser, TeamsClientFixture teams) : IClassFixture<TeamsClientFixture>
{
    private const string User = "teams-admin-1";

    [Theory]
    [InlineData(true, "en-us", "Settings")]
    [InlineData(false, "zh-cn", "仅限管理员")]
    public async Task InTeamsTheSettingsTabSignsInWithTeamsSsoAndTheTokensRolesDecideWhatItShows(bool admin, string locale, string expected)
    {
        _ = browser;
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var port = AddinHost.FreePort();
        var settings = issuer.AzureAdSettings();
        settings["AzureAd:Audience"] = $"api://127.0.0.1:{port}/{LocalOpenIdIssuer.ClientId}";
        await using var host = await AddinHost.StartAsync(settings: settings, port: port);
        await host.Services.GetRequiredService<UserDirectory>().EnsureAsync(
            new UserProfile(LocalOpenIdIssuer.TenantId, User, "Megan Bowen", "megan@buyer-tenant.example", "en-US", "UTC"));
        var token = issuer.Token(objectId: User, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId,
            roles: admin ? [AdminPolicy.AppRole] : null);
        teams.Tokens = _ => TeamsToken.Of(token);

        await using var tab = await teams.OpenAsync(new Uri(host.BaseAddress, "/settings"), locale, "default", LocalOpenIdIssuer.TenantId, User);

        if (admin)
        {
            await Expect(tab.Tab.Locator("body[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(tab.Tab.Locator("#title")).ToHaveTextAsync(expected);
            await Expect(tab.Tab.Locator("#section-people tr[data-person='megan@buyer-tenant.example']")).ToBeVisibleAsync();
        }
        else
        {
            await Expect(tab.Tab.Locator("#admins-only")).ToContainTextAsync(expected);
        }
        var calls = tab.Requests.Where(r => new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal($"Bearer {token}", c.Authorization));
        Assert.Contains(tab.Requests, r => r.Url.EndsWith("/dashboard-teams.js", StringComparison.Ordinal));
    }
}

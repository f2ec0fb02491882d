using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The dashboard's header links an admin to the Settings page; a rep sees no such link.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardSettingsLinkTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminFollowsTheSettingsLinkFromTheDashboardHeaderToTheSettingsPage()
    {
        await using var host = await AddinHost.StartAsync();
        await using var dashboard = await SettingsPage.OpenAsync(browser, host, admin: true, locale: "zh-CN", path: "/dashboard");

        var link = dashboard.Page.Locator("header.bar").GetByRole(AriaRole.Link, new() { Name = "设置", Exact = true });
        await Expect(link).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await link.ClickAsync();

        await dashboard.ReadyAsync();
        Assert.EndsWith("/settings", new Uri(dashboard.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(dashboard.Section("pipeline")).ToBeVisibleAsync();
        Assert.Empty(dashboard.ConsoleErrors);
    }

    [Fact]
    public async Task ARepSeesTheDashboardWithoutASettingsLink()
    {
        await using var host = await AddinHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();

        var check = page.WaitForResponseAsync(r => r.Url.Contains("/api/admin/pipeline", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        var answer = await check;

        Assert.Equal(403, answer.Status);
        await Expect(page.Locator("#title")).ToHaveTextAsync("Pipeline dashboard");
        await Expect(page.Locator("#settings-link")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>
/// Admins have Settings inside the dashboard (a view beside the reports, and a link to the page of its own); a rep sees
/// neither. The page learns which from one call, GET /api/me, and never probes an admin API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardSettingsLinkTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminOpensSettingsInsideTheDashboardChangesAStageAndGoesBackToTheReports()
    {
        await using var host = await AddinHost.StartAsync();
        await using var dashboard = await SettingsPage.OpenAsync(browser, host, admin: true, locale: "zh-CN", path: "/dashboard");
        var page = dashboard.Page;

        var settingsTab = page.GetByRole(AriaRole.Tab, new() { Name = "设置", Exact = true });
        await Expect(settingsTab).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#attainment")).ToBeVisibleAsync();
        await settingsTab.ClickAsync();

        await Expect(page.Locator("#settings-view[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#attainment")).ToBeHiddenAsync();
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await Expect(settingsTab).ToHaveAttributeAsync("aria-selected", "true");
        foreach (var key in new[] { "people", "quotas", "pipeline", "nurture", "capture", "audit" })
        {
            await Expect(dashboard.Section(key)).ToBeVisibleAsync();
        }
        // The same sections as the Settings page: a stage renamed here is saved.
        await dashboard.Field(dashboard.StageRow("new"), "名称（英文）").FillAsync("Inbound");
        await dashboard.Button(dashboard.Section("pipeline"), "保存").ClickAsync();
        await Expect(dashboard.Status("pipeline")).ToContainTextAsync("已保存");
        var pipeline = await (await page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/pipeline").ToString())).TextAsync();
        Assert.Contains("Inbound", pipeline, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Tab, new() { Name = "报表", Exact = true }).ClickAsync();
        await Expect(page.Locator("#attainment")).ToBeVisibleAsync();
        await Expect(page.Locator("#settings-view")).ToBeHiddenAsync();
        Assert.Empty(dashboard.ConsoleErrors);
    }

    [Fact]
    public async Task TheLinkInTheSettingsViewOpensTheSettingsPageOfItsOwn()
    {
        await using var host = await AddinHost.StartAsync();
        await using var dashboard = await SettingsPage.OpenAsync(browser, host, admin: true, path: "/dashboard");

        await dashboard.Page.GetByRole(AriaRole.Tab, new() { Name = "Settings", Exact = true }).ClickAsync(new() { Timeout = 30_000 });
        await dashboard.Page.GetByRole(AriaRole.Link, new() { Name = "Open Settings on its own page", Exact = true }).ClickAsync();

        await dashboard.ReadyAsync();
        Assert.EndsWith("/settings", new Uri(dashboard.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Expect(dashboard.Section("pipeline")).ToBeVisibleAsync();
        Assert.Empty(dashboard.ConsoleErrors);
    }

    [Fact]
    public async Task ARepSeesTheReportsWithoutSettingsAndThePageAsksNoAdminApi()
    {
        await using var host = await AddinHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 || response.Url.Contains("/api/admin/", StringComparison.Ordinal)) refused.Add($"{response.Status} {response.Url}");
        };

        var me = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/me", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        var answer = await me;

        Assert.Equal(200, answer.Status);
        Assert.False((await answer.JsonAsync())!.Value.GetProperty("isAdmin").GetBoolean());
        await Expect(page.Locator("#attainment h2")).ToContainTextAsync("Quota attainment");
        await Expect(page.Locator("#status")).ToContainTextAsync("Showing");
        await Expect(page.GetByRole(AriaRole.Tab)).ToHaveCountAsync(0);
        await Expect(page.Locator("#settings-link")).ToHaveCountAsync(0);
        Assert.Empty(refused);
    }
}

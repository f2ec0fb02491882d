using System.Text.Json;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>
/// A fresh tenant set up entirely through the Settings page: teams and managers, quotas for the quarter, a renamed stage and a
/// follow-up plan; the dashboard then has attainment numbers.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsSetupTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminSetsUpAFreshTenantThroughTheSettingsPageAndTheDashboardThenShowsAttainment()
    {
        await using var host = await AddinHost.StartAsync();
        await SettingsPage.SeedPeopleAsync(host);
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3 + 1}";
        var lee = new Actor(SettingsPage.Tenant, "lee-id", ChangeSurface.Outlook);
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(lee,
            new CaptureRequest("Fabrikam rollout") { Amount = 20_000m, Currency = "USD", CloseDate = DateOnly.FromDateTime(DateTime.UtcNow) });
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var page = settings.Page;

        // People: two teams with their managers from a CSV, then one change by hand.
        var people = settings.Section("people");
        await settings.Field(people, "CSV: email, team, manager email").FillAsync(
            "email,team,manager email\nmegan@contoso.example,East,\nlee@contoso.example,East,megan@contoso.example\n" +
            "nestor@contoso.example,West,\ndiego@contoso.example,West,nestor@contoso.example\n");
        await settings.Button(people, "Import people").ClickAsync();
        await Expect(settings.Status("people")).ToHaveTextAsync("4 people placed.");
        var diego = people.Locator("tr[data-person='diego@contoso.example']");
        await Expect(settings.Field(diego, "Team")).ToHaveValueAsync("West");
        await Expect(settings.Field(diego, "Manager")).ToHaveValueAsync("nestor-id");
        await settings.Field(people.Locator("tr[data-person='nestor@contoso.example']"), "Admin").CheckAsync();
        await settings.Button(people.Locator("tr[data-person='nestor@contoso.example']"), "Save").ClickAsync();
        await Expect(settings.Status("people")).ToHaveTextAsync("Saved Nestor Wilke.");

        // Quotas for this quarter, pasted: a rep and both teams.
        var quotas = settings.Section("quotas");
        await settings.Field(quotas, "Paste rows or a CSV: rep|team, email or team, period, amount, currency").FillAsync(
            $"scope,who,period,amount,currency\nrep,lee@contoso.example,{quarter},50000,USD\nteam,East,{quarter},200000,USD\nteam,West,{quarter},150000,USD");
        await settings.Button(quotas, "Add rows").ClickAsync();
        await Expect(quotas.Locator("#quotas-pending tr")).ToHaveCountAsync(4);
        await settings.Button(quotas, "Save quotas").ClickAsync();
        await Expect(settings.Status("quotas")).ToHaveTextAsync("3 quotas saved.");
        await Expect(quotas.Locator("#quotas-saved tr")).ToHaveCountAsync(4);
        await Expect(quotas.Locator("#quotas-saved")).ToContainTextAsync("Lee Gu");

        // Pipeline: the first stage renamed in both languages.
        await settings.Field(settings.StageRow("new"), "Name (English)").FillAsync("Inbound");
        await settings.Field(settings.StageRow("new"), "Name (Chinese)").FillAsync("线索");
        await settings.Button(settings.Section("pipeline"), "Save").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync("Saved (version");
        var pipeline = await (await page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/pipeline").ToString())).TextAsync();
        Assert.Contains("Inbound", pipeline, StringComparison.Ordinal);

        // Nurture: a follow-up plan with an email step (previewed) and a call.
        var nurture = settings.Section("nurture");
        await settings.Button(nurture, "Add a plan").ClickAsync();
        var plan = nurture.Locator("fieldset.plan").Last;
        await settings.Field(plan, "Plan name").FillAsync("Trade show follow-up");
        await settings.Field(plan, "Day").FillAsync("2");
        await settings.Field(plan, "Subject (English)").FillAsync("Good to meet you, {{ contact }}");
        await settings.Field(plan, "Body (English)").FillAsync("About {{ deal }}: shall we talk next week?");
        await settings.Field(plan, "Subject (Chinese)").FillAsync("{{ contact }}，很高兴认识你");
        await settings.Field(plan, "Body (Chinese)").FillAsync("关于 {{ deal }}：下周谈谈？");
        await settings.Button(plan, "Preview").ClickAsync();
        await Expect(plan.Locator(".preview")).ToContainTextAsync("Good to meet you, Mei Chen");
        await Expect(plan.Locator(".preview")).ToContainTextAsync("About Acme rollout");
        await settings.Button(plan, "Add a step").ClickAsync();
        await settings.Field(plan.Locator(".step").Last, "Step").SelectOptionAsync("call");
        await settings.Field(plan.Locator(".step").Last, "Day").FillAsync("5");
        await settings.Button(nurture, "Save").Last.ClickAsync();
        await Expect(settings.Status("nurture")).ToHaveTextAsync("Saved.");
        // Every change is in the audit log.
        await settings.Button(settings.Section("audit"), "Show").ClickAsync();
        foreach (var action in new[] { "people.import", "person.change", "quota.set", "pipeline.change", "nurture.change" })
        {
            await Expect(settings.Section("audit").Locator("#audit tr").Filter(new() { HasText = action }).First).ToContainTextAsync("Alex Wilber");
        }
        await settings.ScreenshotAsync("settings");

        var rules = JsonDocument.Parse(await (await page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/admin/nurture").ToString())).TextAsync());
        var saved = rules.RootElement.GetProperty("plans").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Trade show follow-up");
        Assert.Equal(["email", "call"], saved.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("kind").GetString()!));

        await using (var db = host.Db.Database.Open(SettingsPage.Tenant))
        {
            var users = await db.Users.ToDictionaryAsync(u => u.ObjectId);
            Assert.Equal(("East", "megan-id"), (users["lee-id"].Team, users["lee-id"].ManagerObjectId));
            Assert.Equal(("West", "nestor-id"), (users["diego-id"].Team, users["diego-id"].ManagerObjectId));
            Assert.True(users["nestor-id"].IsAdmin);
            Assert.Equal(3, await db.Quotas.CountAsync());
        }

        // East's manager opens the dashboard: Lee's quota and the team's, with Lee's open deal as coverage.
        await using var managerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ExtraHTTPHeaders = new Dictionary<string, string>
            {
                ["X-Dev-User"] = "megan-id", ["X-Dev-Name"] = "Megan Bowen", ["X-Dev-Email"] = "megan@contoso.example",
            },
        });
        var dashboard = await managerContext.NewPageAsync();
        await dashboard.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        var attainment = dashboard.Locator("#attainment");
        await Expect(attainment.Locator("h2")).ToContainTextAsync("Quota attainment");
        await Expect(attainment.Locator("tbody tr")).ToHaveCountAsync(2);
        var leeRow = attainment.Locator("tbody tr").Filter(new() { HasText = "Lee Gu" });
        await Expect(leeRow).ToContainTextAsync("50,000 USD");
        await Expect(leeRow).ToContainTextAsync("×");
        await Expect(attainment.Locator("tbody tr").Filter(new() { HasText = "Team: East" })).ToContainTextAsync("200,000 USD");
        await Expect(attainment.Locator("svg rect")).ToHaveCountAsync(2);
        Assert.Empty(settings.ConsoleErrors);
    }
}

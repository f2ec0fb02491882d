using System.Text.Json;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.DemoData;
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
    public async Task AnAdminSetsUpAFreshTenantThroughTheSettingsPageAndThenAManagerSeesTheTeamsDealsInTheBotAndTheReportsHaveNumbers()
    {
        await using var entra = await LocalEntra.StartAsync(
        [
            (DemoDataSeeder.DemoRepObjectId, "Alex Wilber", "alex.wilber@collaboration.demo", null),
            .. SettingsPage.People.Select(p => (p.Id, p.Name, p.Email, p.Id == "diego-id" ? "zh-CN" : (string?)null)),
        ]);
        await using var host = await AddinHost.StartAsync(settings: entra.Settings(SettingsPage.Tenant), services: entra.Trust);
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3 + 1}";
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var page = settings.Page;

        // People: synced from Entra (an app-only token from the https issuer, then Graph), then two teams and their managers set by hand.
        var people = settings.Section("people");
        await settings.Button(people, "Sync from Entra").ClickAsync();
        await Expect(settings.Status("people")).ToHaveTextAsync("Synced: 4 added, 0 changed, 0 deactivated.");
        Assert.Equal(1, entra.Issuer.TokenRequests);
        Assert.Equal((LocalEntra.ClientId, "client_credentials"),
            (entra.Issuer.TokenRequestForms[0]["client_id"], entra.Issuer.TokenRequestForms[0]["grant_type"]));
        foreach (var (email, team, manager, name) in new[]
        {
            ("megan@contoso.example", "East", "", "Megan Bowen"), ("lee@contoso.example", "East", "megan-id", "Lee Gu"),
            ("nestor@contoso.example", "West", "", "Nestor Wilke"), ("diego@contoso.example", "West", "nestor-id", "Diego Siciliani"),
        })
        {
            var row = people.Locator($"tr[data-person='{email}']");
            await settings.Field(row, "Team").FillAsync(team);
            if (manager.Length > 0) await settings.Field(row, "Manager").SelectOptionAsync(manager);
            await settings.Button(row, "Save").ClickAsync();
            await Expect(settings.Status("people")).ToHaveTextAsync($"Saved {name}.");
        }
        var diego = people.Locator("tr[data-person='diego@contoso.example']");
        await Expect(settings.Field(diego, "Team")).ToHaveValueAsync("West");
        await Expect(settings.Field(diego, "Manager")).ToHaveValueAsync("nestor-id");
        await settings.Field(people.Locator("tr[data-person='nestor@contoso.example']"), "Admin").CheckAsync();
        await settings.Button(people.Locator("tr[data-person='nestor@contoso.example']"), "Save").ClickAsync();
        await Expect(settings.Status("people")).ToHaveTextAsync("Saved Nestor Wilke.");

        // Lee, now in East, has an open deal closing this quarter.
        var lee = new Actor(SettingsPage.Tenant, "lee-id", ChangeSurface.Outlook);
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(lee,
            new CaptureRequest("Fabrikam rollout") { Amount = 20_000m, Currency = "USD", CloseDate = DateOnly.FromDateTime(DateTime.UtcNow) });

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
        foreach (var action in new[] { "people.sync", "person.change", "quota.set", "pipeline.change", "nurture.change" })
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
            // Graph's preferred language: Diego prefers zh-CN, so the CRM speaks Simplified Chinese to him; Lee has none.
            Assert.Equal(("zh-Hans", "en-US"), (users["diego-id"].Locale, users["lee-id"].Locale));
            Assert.Equal(3, await db.Quotas.CountAsync());
        }

        // East's manager opens the dashboard: Lee's quota and the team's, with Lee's open deal as coverage.
        await using var managerContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ExtraHTTPHeaders = new Dictionary<string, string>
            {
                ["X-Dev-User"] = "megan-id",
                ["X-Dev-Name"] = "Megan Bowen",
                ["X-Dev-Email"] = "megan@contoso.example",
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

        // In the bot, over the same database: East's manager finds Lee's deal, at its renamed stage; West's manager does not.
        await using var chat = await BotChat.StartAsync(host.Db);
        var megan = await chat.SayAsync(SettingsPage.Tenant, "megan-id", "Megan Bowen", "show fabrikam");
        Assert.Contains("Fabrikam rollout", megan);
        Assert.Contains("Inbound", megan);
        Assert.Contains("20,000", megan);
        var nestor = await chat.SayAsync(SettingsPage.Tenant, "nestor-id", "Nestor Wilke", "show fabrikam");
        Assert.Contains("I found no deal matching \"fabrikam\"", nestor);

        // The reports as numbers, for East's manager: Lee's quota against the open deal (attainment: weighted; coverage: open).
        async Task<JsonElement> LeesRowAsync(string report)
        {
            var json = JsonDocument.Parse(await (await managerContext.APIRequest.GetAsync(new Uri(host.BaseAddress, $"/api/reports/{report}").ToString())).TextAsync());
            return json.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("ownerId").GetString() == "lee-id").Clone();
        }
        var attained = await LeesRowAsync("attainment");
        Assert.Equal((50_000m, 0m, 1), (attained.GetProperty("quota").GetDecimal(), attained.GetProperty("won").GetDecimal(), attained.GetProperty("openDeals").GetInt32()));
        var weighted = attained.GetProperty("weighted").GetDecimal();
        Assert.InRange(weighted, 1m, 20_000m);
        Assert.Equal((double)(weighted / 50_000m), attained.GetProperty("coverage").GetDouble(), 6);
        var covered = await LeesRowAsync("coverage");
        Assert.Equal((20_000m, 0.4), (covered.GetProperty("open").GetDecimal(), Math.Round(covered.GetProperty("coverage").GetDouble(), 6)));
    }
}

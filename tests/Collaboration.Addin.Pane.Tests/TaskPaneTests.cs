using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Application.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The task pane end to end: chromium, the real backend on Kestrel over SQLite, Office.js stubbed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskPaneTests(BrowserFixture browser)
{
    private static readonly MailItem NewBuyer = MailItem.Of("li.wei@contoso-buyer.com", "Li Wei", "Pricing for 50 seats");

    [Fact]
    public async Task ShowsTheSenderAndCreatingTheOpportunityWritesItToTheDatabase()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);

        await Expect(pane.TestId("sender-name")).ToHaveTextAsync("Li Wei");
        await Expect(pane.TestId("sender-address")).ToHaveTextAsync("li.wei@contoso-buyer.com");
        await Expect(pane.TestId("contact-badge")).ToHaveTextAsync("New contact");
        await Expect(pane.TestId("account")).ToContainTextAsync("New account");
        await Expect(pane.Button("Log to deal")).ToBeDisabledAsync();
        await pane.ScreenshotAsync("taskpane-new-sender");

        await pane.Button("Create opportunity").ClickAsync();

        await Expect(pane.TestId("deal")).ToBeVisibleAsync();
        await Expect(pane.Status).ToHaveTextAsync("Opportunity created");
        await Expect(pane.TestId("contact-badge")).ToHaveTextAsync("Known contact");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deal = await db.Opportunities.SingleAsync();
        await Expect(pane.Page.Locator("#deal-title")).ToHaveTextAsync(deal.Name);
        Assert.Equal(DemoDataSeeder.DemoRepObjectId, deal.OwnerId);
        Assert.Equal("li.wei@contoso-buyer.com", (await db.Contacts.SingleAsync(c => c.Id == deal.PrimaryContactId)).Email);
        Assert.Empty(pane.Dialogs);
    }

    [Theory]
    [InlineData("en-US", "Referred by", "Create opportunity")]
    [InlineData("zh-CN", "推荐人", "创建商机")]
    public async Task AReferrerFilledInIsSavedOnTheNewDealAsAReferral(string language, string label, string create)
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer, language);
        await Expect(pane.TestId("sender-name")).ToHaveTextAsync("Li Wei");

        await pane.Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }).FillAsync("  Zhang Min (Fabrikam)  ");
        await pane.Button(create).ClickAsync();

        await Expect(pane.TestId("deal")).ToBeVisibleAsync();
        await Expect(pane.Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal("Zhang Min (Fabrikam)", deal.ReferredBy);
        Assert.Equal(Domain.Opportunities.CaptureSource.Referral, deal.Source);
    }

    [Fact]
    public async Task WithoutAReferrerTheDealComesFromTheEmail()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);

        await pane.Button("Create opportunity").ClickAsync();

        await Expect(pane.TestId("deal")).ToBeVisibleAsync();
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Null(deal.ReferredBy);
        Assert.Equal(Domain.Opportunities.CaptureSource.Email, deal.Source);
    }

    [Fact]
    public async Task SwitchingItemsInAPinnedPaneShowsTheNewSenderAndNoItemWhenNothingIsSelected()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);
        await Expect(pane.TestId("sender-name")).ToHaveTextAsync("Li Wei");

        await pane.SelectAsync(MailItem.Of("maria@gmail.com", "Maria Garcia", "Question about your product"));

        await Expect(pane.TestId("sender-name")).ToHaveTextAsync("Maria Garcia");
        await Expect(pane.TestId("subject")).ToHaveTextAsync("Question about your product");
        await Expect(pane.TestId("account")).ToHaveTextAsync("Free-mail address: no account");

        await pane.SelectAsync(null);

        await Expect(pane.Page.Locator("[data-state=empty]")).ToContainTextAsync("No email selected");
        await Expect(pane.Button("Create opportunity")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WithNoItemThePaneSaysSo()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, item: null);

        await Expect(pane.Page.Locator("[data-state=empty]")).ToContainTextAsync("No email selected");
        await Expect(pane.Status).ToContainTextAsync("No email selected");
        await pane.ScreenshotAsync("taskpane-no-item");
    }

    [Fact]
    public async Task AKnownSendersDealShowsStageProgressAndBantGapsAndSavingAnInputUpdatesTheDatabase()
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);

        await Expect(pane.TestId("contact-badge")).ToHaveTextAsync("Known contact");
        await Expect(pane.Page.Locator("#deal-select")).ToHaveValueAsync(seeded.Id.ToString());
        var phases = pane.TestId("phases").Locator("li");
        await Expect(phases).ToHaveCountAsync(5);
        await Expect(phases).ToContainTextAsync(["Capture", "Qualify", "Nurture", "Convert", "Closed"]);
        await Expect(pane.Page.Locator("li[aria-current=step]")).ToContainTextAsync("Capture");
        await Expect(pane.TestId("gaps")).ToContainTextAsync("decision maker");
        await Expect(pane.Button("Log to deal")).ToBeEnabledAsync();

        await pane.Page.GetByLabel("Budget amount").FillAsync("50000");
        await pane.Page.GetByLabel("Budget status").SelectOptionAsync("canBuy");
        await pane.Page.GetByLabel("Decision maker").FillAsync("Wang Fang");
        await pane.Page.GetByLabel("Need").SelectOptionAsync("mustHave");
        await pane.Page.GetByLabel("Timeline").SelectOptionAsync("thisQuarter");
        await pane.Button("Save qualification").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Qualification saved");
        await Expect(pane.TestId("gaps")).Not.ToContainTextAsync("decision maker");
        await pane.ScreenshotAsync("taskpane-deal");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deal = await db.Opportunities.SingleAsync(d => d.Id == seeded.Id);
        Assert.Equal("Wang Fang", deal.Bant.DecisionMakerName);
        Assert.Equal(50_000m, deal.Bant.BudgetAmount);
        Assert.True(deal.Version > seeded.Version);

        await pane.Button("Log to deal").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Email logged to the deal");
        await Expect(pane.TestId("already-logged")).ToContainTextAsync(deal.Name);
    }

    [Theory]
    [InlineData("en-US", "Advance stage", "Missing: budget amount, budget status, decision maker, need, timeline")]
    [InlineData("zh-CN", "推进阶段", "缺少：预算金额、预算状态、决策人、需求、时间表")]
    public async Task AdvancingPastQualifyWithoutBantShowsTheLocalizedReason(string language, string advance, string reason)
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        using (var rep = host.Client())
        {
            var moved = await rep.PostJsonAsync($"/api/opportunities/{seeded.Id}/stage", new { stage = "qualify", expectedVersion = seeded.Version });
            moved.EnsureSuccessStatusCode();
        }
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer, language);
        await Expect(pane.Page.Locator("li[aria-current=step]")).ToHaveAttributeAsync("data-phase", "qualify");

        await pane.Button(advance).ClickAsync();

        await Expect(pane.Alert).ToBeVisibleAsync();
        await Expect(pane.Alert).ToContainTextAsync(reason);
        await Expect(pane.Status).ToContainTextAsync(reason);
        if (language.StartsWith("zh", StringComparison.Ordinal)) await pane.ScreenshotAsync("taskpane-zh-refused");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Equal(Domain.Pipeline.Stage.Qualify, (await db.Opportunities.SingleAsync()).Stage);
    }

    [Fact]
    public async Task ChineseDisplayLanguageShowsTheChineseLabels()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer, "zh-CN");

        await Expect(pane.Button("创建商机")).ToBeVisibleAsync();
        await Expect(pane.Button("记录到商机")).ToBeVisibleAsync();
        await Expect(pane.TestId("contact-badge")).ToHaveTextAsync("新联系人");
        Assert.Equal("zh-CN", await pane.Page.EvaluateAsync<string>("document.documentElement.lang"));

        await pane.Button("创建商机").ClickAsync();

        await Expect(pane.Button("推进阶段")).ToBeVisibleAsync();
        await Expect(pane.Status).ToHaveTextAsync("商机已创建");
        await Expect(pane.TestId("gaps")).ToContainTextAsync("决策人");
    }

    [Fact]
    public async Task AHostileEmailRendersAsInertText()
    {
        const string Payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=1;alert('xss')\">";
        await using var host = await AddinHost.StartAsync();
        var hostile = MailItem.Of("mallory@evil-buyer.example", $"Mallory {Payload}", $"Invoice {Payload}",
            bodyHtml: $"<p>Hello</p>{Payload}<iframe src=\"javascript:alert(2)\"></iframe><svg onload=\"alert(3)\"></svg>",
            bodyPadding: 5 * 1024 * 1024);
        await using var pane = await Pane.OpenAsync(browser, host, hostile);

        await Expect(pane.TestId("subject")).ToHaveTextAsync($"Invoice {Payload}", new() { Timeout = 30_000 });
        // The backend strips markup from display names; whatever it returns is shown as text.
        await Expect(pane.TestId("sender-name")).ToContainTextAsync("Mallory");
        await pane.Button("Create opportunity").ClickAsync();
        await Expect(pane.TestId("deal")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await pane.ScreenshotAsync("taskpane-hostile");

        Assert.Empty(pane.Dialogs);
        Assert.True(await pane.Page.EvaluateAsync<bool>("window.__pwned === undefined"));
        Assert.Equal(0, await pane.Page.Locator("#content img, #content script, #content iframe, #content svg").CountAsync());
        Assert.Empty(await pane.Page.EvaluateAsync<string[]>("window.__cspViolations"));
    }

    [Fact]
    public async Task EveryControlIsReachableByTabAndHasAnAccessibleName()
    {
        await using var host = await AddinHost.StartAsync();
        await SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);
        await Expect(pane.TestId("deal")).ToBeVisibleAsync();

        var named = new (AriaRole Role, string Name)[]
        {
            (AriaRole.Combobox, "Deal"), (AriaRole.Textbox, "Referred by"), (AriaRole.Button, "Create opportunity"), (AriaRole.Button, "Log to deal"),
            (AriaRole.Button, "Advance stage"), (AriaRole.Button, "Edit deal"), (AriaRole.Button, "Move to stage"), (AriaRole.Button, "Close won"),
            (AriaRole.Button, "Close lost"), (AriaRole.Button, "History"), (AriaRole.Button, "Follow-up plan"), (AriaRole.Button, "Quote"), (AriaRole.Button, "Contract"), (AriaRole.Spinbutton, "Budget amount"), (AriaRole.Textbox, "Currency"),
            (AriaRole.Combobox, "Budget status"), (AriaRole.Textbox, "Decision maker"), (AriaRole.Combobox, "Need"),
            (AriaRole.Combobox, "Timeline"), (AriaRole.Button, "Save qualification"),
        };
        var expected = new List<string>();
        foreach (var (role, name) in named)
        {
            var control = pane.Page.GetByRole(role, new PageGetByRoleOptions { Name = name, Exact = true });
            await Expect(control).ToHaveCountAsync(1);
            expected.Add(await control.GetAttributeAsync("id") ?? throw new InvalidOperationException($"{name} has no id"));
        }
        var all = await pane.Page.EvaluateAsync<string[]>(
            "Array.from(document.querySelectorAll('#content button, #content input, #content select, #content textarea, #content a[href]')).map(e => e.id)");
        Assert.Equal(all.Order(), expected.Order());

        var reached = new HashSet<string>();
        for (var i = 0; i < 3 * all.Length && !reached.IsSupersetOf(all); i++)
        {
            await pane.Page.Keyboard.PressAsync("Tab");
            reached.Add(await pane.Page.EvaluateAsync<string>("document.activeElement ? document.activeElement.id : ''"));
        }
        Assert.Superset(all.ToHashSet(), reached);
    }

    [Fact]
    public async Task AConflictShowsTheMessageAndRefreshesTheDeal()
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer);
        await Expect(pane.TestId("deal")).ToBeVisibleAsync();
        using (var colleague = host.Client())
        {
            var changed = await colleague.PutAsJsonAsync($"/api/opportunities/{seeded.Id}/qualification",
                new { expectedVersion = seeded.Version, decisionMakerName = "Zhang San" });
            changed.EnsureSuccessStatusCode();
        }

        await pane.Page.GetByLabel("Budget amount").FillAsync("1000");
        await pane.Button("Save qualification").ClickAsync();

        await Expect(pane.Alert).ToContainTextAsync("Someone else changed this deal; it has been refreshed.");
        await Expect(pane.Page.GetByLabel("Decision maker")).ToHaveValueAsync("Zhang San");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Null((await db.Opportunities.SingleAsync()).Bant.BudgetAmount);
    }

    [Fact]
    public async Task A401ShowsTheSignedOutState()
    {
        await using var host = await AddinHost.StartAsync();
        // Development sign-in refuses anything that came through a proxy: the real backend answers 401.
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer, beforeLoad: page =>
            page.RouteAsync("**/api/emails/**", route => route.ContinueAsync(new RouteContinueOptions
            {
                Headers = new Dictionary<string, string>(route.Request.Headers) { ["X-Forwarded-For"] = "203.0.113.7" },
            })));

        await Expect(pane.Page.Locator("[data-state=signedOut]")).ToContainTextAsync("You're signed out");
        await Expect(pane.Button("Sign in")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AServerErrorShowsTheProblemDetailAndOffersARetry()
    {
        await using var host = await AddinHost.StartAsync();
        var failures = 0;
        await using var pane = await Pane.OpenAsync(browser, host, NewBuyer, beforeLoad: page =>
            page.RouteAsync("**/api/emails/resolve", route => failures++ == 0
                ? route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 503,
                    ContentType = "application/problem+json",
                    Body = """{"title":"Unavailable","status":503,"detail":"The CRM database is being upgraded <b>now</b>."}""",
                })
                : route.ContinueAsync()));

        await Expect(pane.Page.Locator("[data-state=error]")).ToContainTextAsync("The CRM database is being upgraded <b>now</b>.");
        await pane.Button("Try again").ClickAsync();
        await Expect(pane.TestId("sender-name")).ToHaveTextAsync("Li Wei");
    }

    internal static async Task<(Guid Id, int Version)> SeedDealAsync(AddinHost host, string address, string name)
    {
        // No X-Dev-* headers: the same demo rep the pane signs in as in development mode.
        using var rep = host.Client();
        var response = await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From(address, name));
        response.EnsureSuccessStatusCode();
        var deal = await response.ReadJsonAsync();
        return (deal.GetProperty("id").GetGuid(), deal.GetProperty("version").GetInt32());
    }
}

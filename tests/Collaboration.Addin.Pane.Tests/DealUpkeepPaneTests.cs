using System.Net.Http.Json;
using Collaboration.Application.DemoData;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>Keeping a deal up to date from the pane alone: edit, move through the stages, close, reopen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DealUpkeepPaneTests(BrowserFixture browser)
{
    private static readonly MailItem Buyer = MailItem.Of("li.wei@contoso-buyer.com", "Li Wei", "Pricing for 50 seats");

    private static ILocator Edit(Pane pane, string label) =>
        pane.Page.Locator("#deal-edit").GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    [Fact]
    public async Task ADealCreatedFromAnEmailIsEditedQualifiedAndAdvancedThroughEveryStageToWonFromThePaneAlone()
    {
        await using var host = await AddinHost.StartAsync();
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await pane.Button("Create opportunity").ClickAsync();
        await Expect(pane.TestId("amount")).ToHaveTextAsync("Not set");
        await Expect(pane.TestId("close-date")).ToHaveTextAsync("Not set");

        await pane.Button("Edit deal").ClickAsync();
        await Edit(pane, "Amount").FillAsync("48000");
        await Edit(pane, "Close date").FillAsync("2027-01-31");
        await Edit(pane, "Next step").FillAsync("Send pricing");
        await Edit(pane, "Next step due").FillAsync("2026-12-11");
        await pane.ScreenshotAsync("taskpane-edit");
        await pane.Page.Locator("#edit-save").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Deal saved");
        await Expect(pane.Page.Locator("#deal-edit")).ToHaveCountAsync(0);
        await Expect(pane.TestId("amount")).ToHaveTextAsync("48,000 USD");
        await Expect(pane.TestId("close-date")).ToHaveTextAsync("Jan 31, 2027");
        await Expect(pane.TestId("next-step")).ToHaveTextAsync("Send pricing (Dec 11, 2026)");

        await pane.Page.GetByLabel("Budget amount").FillAsync("48000");
        await pane.Page.GetByLabel("Budget status").SelectOptionAsync("canBuy");
        await pane.Page.GetByLabel("Decision maker").FillAsync("Wang Fang");
        await pane.Page.GetByLabel("Need").SelectOptionAsync("mustHave");
        await pane.Page.GetByLabel("Timeline").SelectOptionAsync("thisQuarter");
        await pane.Button("Save qualification").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Qualification saved");

        foreach (var stage in new[] { "Qualify", "Nurture", "Proposal", "Negotiation", "Contract", "Closed Won" })
        {
            await pane.Button("Advance stage").ClickAsync();
            await Expect(pane.TestId("stage-name")).ToHaveTextAsync(stage);
            await Expect(pane.Status).ToHaveTextAsync($"Stage advanced to {stage}");
        }

        await Expect(pane.Page.Locator("li[aria-current=step]")).ToHaveAttributeAsync("data-phase", "closed");
        await Expect(pane.TestId("probability")).ToHaveTextAsync("100%");
        await Expect(pane.TestId("closed-note")).ToHaveTextAsync("This deal is closed.");
        await Expect(pane.Button("Advance stage")).ToBeDisabledAsync();
        await Expect(pane.Button("Reopen")).ToBeVisibleAsync();
        await Expect(pane.Button("Edit deal")).ToHaveCountAsync(0);
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal((Stage.Won, 48_000m, new DateOnly(2027, 1, 31)), (deal.Stage, deal.Amount, deal.CloseDate));
        Assert.Empty(pane.Dialogs);
    }

    [Fact]
    public async Task AnInvalidValueIsShownUnderItsFieldAndTheFormKeepsWhatWasTyped()
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await pane.Button("Edit deal").ClickAsync();

        await Edit(pane, "Name").FillAsync("Contoso – 80 seats");
        await Edit(pane, "Amount").FillAsync("48000");
        await Edit(pane, "Probability (%)").FillAsync("150");
        await pane.Page.Locator("#edit-save").ClickAsync();

        var error = pane.TestId("edit-probability-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("0 to 100");
        await Expect(Edit(pane, "Probability (%)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Edit(pane, "Probability (%)")).ToBeFocusedAsync();
        await Expect(Edit(pane, "Name")).ToHaveValueAsync("Contoso – 80 seats");
        await Expect(Edit(pane, "Amount")).ToHaveValueAsync("48000");
        await Expect(pane.TestId("edit-name-error")).ToBeHiddenAsync();
        await Expect(pane.Status).ToContainTextAsync("0 to 100");
        await using (var db = host.Db.Database.Open(DemoDataSeeder.TenantId))
        {
            var deal = await db.Opportunities.SingleAsync();
            Assert.Equal(("Pricing for 50 seats", null, seeded.Version), (deal.Name, deal.Amount, deal.Version));
        }

        await Edit(pane, "Probability (%)").FillAsync("60");
        await pane.Page.Locator("#edit-save").ClickAsync();

        await Expect(pane.Page.Locator("#deal-title")).ToHaveTextAsync("Contoso – 80 seats");
        await Expect(pane.TestId("probability")).ToHaveTextAsync("60%");
        await using var after = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Equal((48_000m, 60), ((await after.Opportunities.SingleAsync()).Amount, (await after.Opportunities.SingleAsync()).Probability));
    }

    [Fact]
    public async Task AnEditAgainstAnOlderVersionShowsTheConflictAndRefreshesTheDeal()
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await Expect(pane.TestId("deal")).ToBeVisibleAsync();
        using (var colleague = host.Client())
        {
            var renamed = await colleague.PatchAsJsonAsync($"/api/opportunities/{seeded.Id}", new { expectedVersion = seeded.Version, name = "Renamed by a colleague" });
            renamed.EnsureSuccessStatusCode();
        }

        await pane.Button("Edit deal").ClickAsync();
        await Edit(pane, "Amount").FillAsync("1000");
        await pane.Page.Locator("#edit-save").ClickAsync();

        await Expect(pane.Alert).ToContainTextAsync("Someone else changed this deal; it has been refreshed.");
        await Expect(pane.Page.Locator("#deal-title")).ToHaveTextAsync("Renamed by a colleague");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Null((await db.Opportunities.SingleAsync()).Amount);
    }

    [Fact]
    public async Task ARepWithATeamHandsTheDealToATeammateAndARepAloneIsNotOfferedAnOwner()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using (var alone = await Pane.OpenAsync(browser, host, Buyer))
        {
            await alone.Button("Edit deal").ClickAsync();
            await Expect(Edit(alone, "Name")).ToBeVisibleAsync();
            await Expect(alone.Page.Locator("#edit-owner")).ToBeHiddenAsync();
        }
        (await host.RepClient(DemoDataSeeder.TenantId, "wang-fang").GetAsync("/api/pipeline")).EnsureSuccessStatusCode();
        await using (var db = host.Db.Database.Open(DemoDataSeeder.TenantId))
        {
            foreach (var user in await db.Users.ToListAsync()) user.PlaceInTeam("east", null);
            await db.SaveChangesAsync();
        }
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);

        await pane.Button("Edit deal").ClickAsync();
        await Edit(pane, "Owner").SelectOptionAsync(new SelectOptionValue { Label = "Rep wang-fang" });
        await pane.Page.Locator("#edit-save").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Deal saved");
        await using var after = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Equal("wang-fang", (await after.Opportunities.SingleAsync()).OwnerId);
    }

    [Fact]
    public async Task ADealClosedAsLostWithAReasonAndACompetitorIsReopenedWithAReason()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);

        await pane.Button("Close lost").ClickAsync();
        await pane.Page.GetByLabel("Loss reason").SelectOptionAsync("competitor");
        await pane.Page.GetByLabel("Competitor (optional)").FillAsync("Fabrikam");
        await pane.Page.Locator("#lost-save").ClickAsync();

        await Expect(pane.TestId("stage-name")).ToHaveTextAsync("Closed Lost");
        await Expect(pane.Status).ToHaveTextAsync("Deal closed as lost");
        await using (var db = host.Db.Database.Open(DemoDataSeeder.TenantId))
        {
            var lost = await db.Opportunities.SingleAsync();
            Assert.Equal((Stage.Lost, "competitor", "Fabrikam"), (lost.Stage, lost.LossReason, lost.Competitor));
        }

        await pane.Button("Reopen").ClickAsync();
        await pane.Page.Locator("#reopen-save").ClickAsync();
        await Expect(pane.TestId("reopen-reason-error")).ToContainTextAsync("say why");
        await pane.Page.GetByLabel("Why reopen it?").FillAsync("They came back after the pilot");
        await pane.Page.Locator("#reopen-save").ClickAsync();

        await Expect(pane.TestId("stage-name")).ToHaveTextAsync("New");
        await Expect(pane.Status).ToHaveTextAsync("Deal reopened in New");
        await Expect(pane.Button("Edit deal")).ToBeVisibleAsync();
        await using var after = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var reopened = await after.Opportunities.SingleAsync();
        Assert.Equal((Stage.New, null), (reopened.Stage, reopened.LossReason));
        Assert.Contains(await after.OpportunityChanges.Where(c => c.OpportunityId == reopened.Id).Select(c => c.Reason).ToListAsync(),
            r => r == "They came back after the pilot");
    }

    [Fact]
    public async Task MovingPastQualifyWithoutBantNeedsAnOverrideReasonAndThenMoves()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);

        await pane.Button("Move to stage").ClickAsync();
        await pane.Page.GetByLabel("Stage", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("nurture");
        await pane.Page.Locator("#move-save").ClickAsync();
        await Expect(pane.TestId("move-reason-error")).ToContainTextAsync("give a reason to override");

        await pane.Page.GetByLabel("Reason (to override the qualification bar)").FillAsync("Referred by the CFO");
        await pane.Page.Locator("#move-save").ClickAsync();

        await Expect(pane.TestId("stage-name")).ToHaveTextAsync("Nurture");
        await Expect(pane.Status).ToHaveTextAsync("Deal moved to Nurture");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Equal(("Referred by the CFO", Stage.Nurture), ((await db.Opportunities.SingleAsync()).QualificationOverrideReason, (await db.Opportunities.SingleAsync()).Stage));
    }
}

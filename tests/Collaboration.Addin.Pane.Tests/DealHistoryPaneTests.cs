using Collaboration.Application.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The deal's history and follow-up plan in the pane, and the edit flow in Chinese.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DealHistoryPaneTests(BrowserFixture browser)
{
    private static readonly MailItem Buyer = MailItem.Of("li.wei@contoso-buyer.com", "Li Wei", "Pricing for 50 seats");

    private static ILocator Edit(Pane pane, string label) =>
        pane.Page.Locator("#deal-edit").GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    private static async Task SaveEditAsync(Pane pane, string label, string value, string saved)
    {
        await pane.Page.Locator("#show-edit").ClickAsync();
        await Edit(pane, label).FillAsync(value);
        await pane.Page.Locator("#edit-save").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync(saved);
    }

    [Fact]
    public async Task TheHistoryListsTheChangesNewestFirstWithWhoMadeThem()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await SaveEditAsync(pane, "Amount", "48000", "Deal saved");
        await SaveEditAsync(pane, "Next step", "Send pricing <b>now</b>", "Deal saved");
        await pane.Button("Advance stage").ClickAsync();
        await Expect(pane.TestId("stage-name")).ToHaveTextAsync("Qualify");

        await pane.Button("History").ClickAsync();

        var entries = pane.TestId("timeline").Locator("li");
        // The move and the stage probability it brings are one change, recorded in that order.
        await Expect(entries.First).ToContainTextAsync("Probability: 5% → 10%");
        await Expect(entries.Nth(1)).ToContainTextAsync("Stage: New → Qualify");
        await Expect(entries.Nth(2)).ToContainTextAsync("Next step: — → Send pricing <b>now</b>");
        await Expect(entries.Nth(3)).ToContainTextAsync("Amount: — → 48000");
        await Expect(entries.First).ToContainTextAsync("Alex Wilber");
        await Expect(entries.Last).ToContainTextAsync("Email: ");
        await Expect(pane.Button("History")).ToHaveAttributeAsync("aria-expanded", "true");
        await pane.ScreenshotAsync("taskpane-history");
        Assert.Equal(0, await pane.Page.Locator("#deal-history b").CountAsync());
        var times = await entries.Locator("time").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('datetime'))");
        Assert.Equal(times.OrderByDescending(t => DateTimeOffset.Parse(t, System.Globalization.CultureInfo.InvariantCulture)), times);
    }

    [Fact]
    public async Task InChineseTheEditFormAndTheHistorySpeakChinese()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer, "zh-CN");

        await pane.Button("编辑商机").ClickAsync();
        foreach (var label in new[] { "名称", "金额", "币种", "预计成交日期", "赢率 (%)", "下一步", "下一步截止日期", "主要联系人邮箱" })
        {
            await Expect(Edit(pane, label)).ToBeVisibleAsync();
        }
        await Edit(pane, "金额").FillAsync("48000");
        await Edit(pane, "赢率 (%)").FillAsync("101");
        await pane.Page.Locator("#edit-save").ClickAsync();
        await Expect(pane.TestId("edit-probability-error")).ToContainTextAsync("概率应为 0 到 100 的整数");
        await pane.ScreenshotAsync("taskpane-zh-edit");

        await Edit(pane, "赢率 (%)").FillAsync("60");
        await pane.Page.Locator("#edit-save").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("商机已保存");
        await Expect(pane.TestId("amount")).ToHaveTextAsync("48,000 USD");

        await pane.Button("历史记录").ClickAsync();
        var entries = pane.TestId("timeline").Locator("li");
        await Expect(entries.First).ToContainTextAsync("赢率");
        await Expect(pane.TestId("timeline")).ToContainTextAsync("金额: — → 48000");
        await Expect(pane.TestId("timeline")).ToContainTextAsync("邮件");
    }

    [Fact]
    public async Task AFollowUpPlanIsStartedAStepMarkedDoneAndThePlanStopped()
    {
        await using var host = await AddinHost.StartAsync();
        var seeded = await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);

        await pane.Button("Follow-up plan").ClickAsync();
        await Expect(pane.Page.GetByLabel("Plan", new PageGetByLabelOptions { Exact = true })).ToHaveValueAsync("standard");
        await pane.Button("Start plan").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Follow-up plan started");
        await Expect(pane.TestId("plan-state")).ToHaveTextAsync("standard · Running");
        var steps = pane.TestId("plan-steps").Locator("li");
        await Expect(steps).ToHaveCountAsync(3);
        await Expect(steps.First).ToContainTextAsync("Send the brochure");
        await steps.Nth(1).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Step marked done");
        await Expect(steps.Nth(0)).ToHaveAttributeAsync("data-done", "true");
        await Expect(steps.Nth(1)).ToHaveAttributeAsync("data-done", "true");
        await Expect(steps.Nth(2)).ToHaveAttributeAsync("data-done", "false");
        await using (var db = host.Db.Database.Open(DemoDataSeeder.TenantId))
        {
            Assert.Equal(2, (await db.FollowUpEnrolments.SingleAsync(e => e.OpportunityId == seeded.Id)).StepsDone);
        }

        await pane.Button("Stop plan").ClickAsync();

        await Expect(pane.Status).ToHaveTextAsync("Follow-up plan stopped");
        await Expect(pane.TestId("plan-state")).ToHaveTextAsync("standard · Stopped");
        await Expect(pane.Button("Start plan")).ToBeVisibleAsync();
        await using var after = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.False((await after.FollowUpEnrolments.SingleAsync()).IsRunning);
    }
}

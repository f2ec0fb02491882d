using Collaboration.Application.DemoData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The contract and its payment and delivery milestones on the deal in the pane.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContractPaneTests(BrowserFixture browser)
{
    private static readonly MailItem Buyer = MailItem.Of("li.wei@contoso-buyer.com", "Li Wei");

    private static ILocator Field(Pane pane, string label) => pane.Page.Locator("#deal-contract").GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    [Fact]
    public async Task ARepRecordsTheContractAddsMilestonesSeesTheOverdueOneAndMarksItPaid()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await pane.Button("Contract").ClickAsync();
        await Expect(pane.TestId("no-contract")).ToBeVisibleAsync();
        await Expect(pane.TestId("no-milestones")).ToBeVisibleAsync();

        await Field(pane, "Signed on").FillAsync("2026-11-30");
        await Field(pane, "Document link (https)").FillAsync("http://insecure.example/contract.pdf");
        await Field(pane, "Value (empty: the deal's amount)").FillAsync("9000");
        await pane.Button("Record contract").ClickAsync();
        await Expect(pane.TestId("contract-link-error")).ToContainTextAsync("https");
        await Field(pane, "Document link (https)").FillAsync("https://docs.example/contract.pdf");
        await pane.Button("Record contract").ClickAsync();
        await Expect(pane.TestId("contract")).ToContainTextAsync("9,000.00 USD");
        await Expect(pane.TestId("contract").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://docs.example/contract.pdf");

        await Field(pane, "Amount").FillAsync("-5");
        await Field(pane, "Due on").FillAsync("2026-01-15");
        await pane.Button("Add milestone").ClickAsync();
        await Expect(pane.TestId("milestone-amount-error")).ToBeVisibleAsync();
        await Field(pane, "Amount").FillAsync("4500");
        await pane.Button("Add milestone").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Milestone added");
        await Field(pane, "Kind").SelectOptionAsync("delivery");
        await Field(pane, "Description").FillAsync("Go-live");
        await Field(pane, "Due on").FillAsync("2099-06-30");
        await pane.Button("Add milestone").ClickAsync();

        var milestones = pane.TestId("milestone");
        await Expect(milestones).ToHaveCountAsync(2);
        await Expect(milestones.Nth(0)).ToHaveAttributeAsync("data-overdue", "true");
        await Expect(milestones.Nth(0).GetByTestId("overdue")).ToHaveTextAsync("Overdue");
        await Expect(milestones.Nth(1)).ToHaveAttributeAsync("data-overdue", "false");
        await pane.Button("Mark paid").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Marked paid");
        await Expect(milestones.Nth(0)).ToContainTextAsync("Paid");
        await Expect(milestones.Nth(0)).ToHaveAttributeAsync("data-overdue", "false");

        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Equal(1, await db.Milestones.CountAsync(m => m.PaidOn != null));
        Assert.Equal(9000m, (await db.Opportunities.SingleAsync()).Contract!.Value);
    }

    [Fact]
    public async Task InChineseTheMilestonesSpeakChinese()
    {
        await using var host = await AddinHost.StartAsync();
        await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        await using var pane = await Pane.OpenAsync(browser, host, Buyer, "zh-CN");
        await pane.Button("合同").ClickAsync();
        await Field(pane, "类型").SelectOptionAsync("delivery");
        await Field(pane, "到期日").FillAsync("2026-01-15");
        await pane.Button("添加里程碑").ClickAsync();

        await Expect(pane.TestId("milestone")).ToContainTextAsync("交付");
        await Expect(pane.TestId("overdue")).ToHaveTextAsync("已逾期");
        await pane.Button("标记为已交付").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("已标记为已交付");
    }
}

/// <summary>Quote steps and the contract on the pane's timeline, in the pane's language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuoteTimelinePaneTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "History", "Quote 1 approved", "Quote 1 sent to the customer", "Quote 1 accepted by the customer", "Contract signed Nov 30, 2026 · 9,000.00 USD")]
    [InlineData("zh-CN", "历史记录", "报价 1 已批准", "报价 1 已发送给客户", "客户已接受报价 1", "合同于 2026年11月30日 签订 · 9,000.00 USD")]
    public async Task TheTimelineWordsQuoteStepsAndTheContractInThePanesLanguage(string language, string history, string approved, string sent, string accepted, string contract)
    {
        await using var host = await AddinHost.StartAsync();
        var dealId = await QuotePaneTests.SetUpAsync(host);
        using (var rep = host.Client())
        {
            (await rep.PostJsonAsync($"/api/opportunities/{dealId}/quotes", new { lines = new[] { new { productCode = "PRO", quantity = 2 } } })).EnsureSuccessStatusCode();
            foreach (var step in new[] { "submit", "sent" }) (await rep.PostAsync($"/api/opportunities/{dealId}/quotes/1/{step}", null)).EnsureSuccessStatusCode();
            (await rep.PostJsonAsync($"/api/opportunities/{dealId}/quotes/1/answer", new { accepted = true })).EnsureSuccessStatusCode();
            (await rep.PostJsonAsync($"/api/opportunities/{dealId}/contract", new { signedOn = "2026-11-30", value = 9000 })).EnsureSuccessStatusCode();
        }
        await using var pane = await Pane.OpenAsync(browser, host, MailItem.Of("li.wei@contoso-buyer.com", "Li Wei"), language);

        await pane.Button(history).ClickAsync();

        var entries = pane.TestId("timeline").Locator(".entry-summary");
        await Expect(entries.Nth(0)).ToHaveTextAsync(contract);
        await Expect(entries.Nth(1)).ToHaveTextAsync(accepted);
        await Expect(entries.Nth(2)).ToHaveTextAsync(sent);
        await Expect(entries.Nth(3)).ToHaveTextAsync(approved);
    }
}

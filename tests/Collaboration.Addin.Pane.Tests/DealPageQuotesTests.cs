using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The deal page (/deals/{id}, where Teams' "Open quote" lands) lists the deal's quotes and hands out their documents.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DealPageQuotesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en-US", "", "Quote 2 (current)", "Approved", "Quote 1", "Draft")]
    [InlineData("zh-CN", "?lang=zh", "报价 2 (当前)", "已批准", "报价 1", "草稿")]
    public async Task TheDealPageListsEveryQuoteWithStatusAndTotalAndItsDocumentDownloads(string locale, string query, string second, string approved, string first, string draft)
    {
        await using var host = await AddinHost.StartAsync();
        var dealId = await QuotePaneTests.SetUpAsync(host);
        using (var rep = host.Client())
        {
            (await rep.PostJsonAsync($"/api/opportunities/{dealId}/quotes", new { lines = new[] { new { productCode = "PRO", quantity = 2 } } })).EnsureSuccessStatusCode();
            (await rep.PostJsonAsync($"/api/opportunities/{dealId}/quotes", new { currency = "JPY", lines = new[] { new { description = "Setup", quantity = 1, unitPrice = 12345 } } })).EnsureSuccessStatusCode();
            (await rep.PostAsync($"/api/opportunities/{dealId}/quotes/2/submit", null)).EnsureSuccessStatusCode();
        }
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, d) => dialogs.Add(d.Message);

        await page.GotoAsync(new Uri(host.BaseAddress, $"/deals/{dealId}{query}").ToString());

        var rows = page.Locator("#quotes tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync([second, approved, "13,580 JPY", locale == "en-US" ? "Download .docx" : "下载 .docx"]);
        await Expect(rows.Nth(1).Locator("td").Nth(0)).ToHaveTextAsync(first);
        await Expect(rows.Nth(1).Locator("td").Nth(1)).ToHaveTextAsync(draft);
        await Expect(rows.Nth(1).Locator("td").Nth(2)).ToHaveTextAsync("220.00 USD");
        await Expect(page.Locator("#deal-name")).ToHaveTextAsync("Pricing for 50 seats");

        var download = await page.RunAndWaitForDownloadAsync(() => rows.Nth(1).GetByRole(AriaRole.Button).ClickAsync());
        Assert.Equal("quote-1.docx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(saved);
        QuotePaneTests.AssertValidDocx(await File.ReadAllBytesAsync(saved));
        File.Delete(saved);
        Assert.Empty(dialogs);
    }
}

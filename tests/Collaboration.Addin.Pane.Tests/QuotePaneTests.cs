using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Application.DemoData;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The deal's quote in the pane, from an empty draft to the customer's answer, with its document and a reply email.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuotePaneTests(BrowserFixture browser)
{
    internal const string Hostile = "<img src=x onerror=alert(1)>";
    private const string Manager = "manager-of-alex";
    private static readonly MailItem Buyer = MailItem.Of("li.wei@contoso-buyer.com", "Li Wei");

    /// <summary>The demo tenant's products (one named like an attack), a 10% tax, approval above 10% off, and the pane's rep under a manager.</summary>
    internal static async Task<Guid> SetUpAsync(AddinHost host)
    {
        var deal = await TaskPaneTests.SeedDealAsync(host, "li.wei@contoso-buyer.com", "Li Wei");
        var admin = host.RepClient(DemoDataSeeder.TenantId, "admin-1", admin: true);
        var products = JsonSerializer.Serialize(new object[]
        {
            new { code = "PRO", name = "Pro licence", unit = "seat", prices = new[] { new { currency = "USD", unitPrice = 100m } }, active = true },
            new { code = "X1", name = Hostile, unit = (string?)null, prices = new[] { new { currency = "USD", unitPrice = 1m } }, active = true },
            new { code = "OLD", name = "Retired", unit = (string?)null, prices = new[] { new { currency = "USD", unitPrice = 1m } }, active = false },
        });
        (await admin.PutAsync("/api/admin/products", new StringContent(products, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/quote-settings", new { discountApprovalThreshold = 10, taxRatePercent = 10, companyName = "Northwind Traders" })).EnsureSuccessStatusCode();
        (await host.RepClient(DemoDataSeeder.TenantId, Manager).GetAsync("/api/pipeline")).EnsureSuccessStatusCode();
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        (await db.Users.SingleAsync(u => u.ObjectId == DemoDataSeeder.DemoRepObjectId)).PlaceInTeam("east", Manager);
        (await db.Users.SingleAsync(u => u.ObjectId == Manager)).PlaceInTeam("east", null);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    private static ILocator Field(Pane pane, string label) => pane.Page.Locator("#deal-quote").GetByLabel(label, new LocatorGetByLabelOptions { Exact = true });

    private static async Task<JsonElement> RepliesAsync(Pane pane) =>
        JsonDocument.Parse(await pane.Page.EvaluateAsync<string>("JSON.stringify(window.__office.replies)")).RootElement;

    internal static void AssertValidDocx(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description));
    }

    [Fact]
    public async Task ARepQuotesFromThePaneSubmitsADiscountForApprovalSendsItAndRepliesWithTheDocumentAttached()
    {
        await using var host = await AddinHost.StartAsync();
        var dealId = await SetUpAsync(host);
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await pane.Button("Quote").ClickAsync();
        await Expect(pane.TestId("quote-none")).ToHaveTextAsync("This deal has no quote yet.");
        await pane.Button("Create quote").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("Draft");
        await Expect(pane.TestId("quote-heading")).ToContainTextAsync("Quote 1");

        await Expect(Field(pane, "Product").Locator("option")).ToHaveCountAsync(3);
        await Field(pane, "Product").SelectOptionAsync("PRO");
        await Field(pane, "Quantity").FillAsync("10");
        await pane.Button("Add line").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Line added");
        await Expect(pane.TestId("quote-total")).ToHaveTextAsync("1,100.00 USD");
        await Field(pane, "Description").FillAsync("Setup");
        await Field(pane, "Quantity").FillAsync("1");
        await Field(pane, "Unit price (USD)").FillAsync("500");
        await pane.Button("Add line").ClickAsync();
        await Expect(pane.TestId("quote-line")).ToHaveCountAsync(2);
        await Field(pane, "Discount for every line (%)").FillAsync("15");
        await pane.Button("Set discount").ClickAsync();
        await Expect(pane.TestId("quote-discount")).ToHaveTextAsync("225.00 USD");
        await Expect(pane.TestId("quote-tax")).ToHaveTextAsync("127.50 USD");
        await Expect(pane.TestId("quote-total")).ToHaveTextAsync("1,402.50 USD");
        await Expect(pane.TestId("amount")).ToHaveTextAsync("1,402.5 USD");

        await pane.Button("Submit").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("Awaiting approval");
        await Expect(pane.TestId("quote-note")).ToContainTextAsync("the manager decides");
        await pane.Button("Mark sent").ClickAsync();
        await Expect(pane.Alert).ToContainTextAsync("cannot be sent before its discount is approved");
        var manager = host.RepClient(DemoDataSeeder.TenantId, Manager);
        var current = await (await manager.GetAsync($"/api/opportunities/{dealId}/quotes/1")).ReadJsonAsync();
        (await manager.PostJsonAsync($"/api/opportunities/{dealId}/quotes/1/decision", new { version = current.GetProperty("version").GetInt32(), approve = true })).EnsureSuccessStatusCode();
        await pane.Button("Quote").ClickAsync();
        await pane.Button("Quote").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("Approved");
        await pane.ScreenshotAsync("taskpane-quote");
        await pane.Button("Mark sent").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("Sent");

        var download = await pane.Page.RunAndWaitForDownloadAsync(() => pane.Button("Download .docx").ClickAsync());
        Assert.Equal("quote-1.docx", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(saved);
        AssertValidDocx(await File.ReadAllBytesAsync(saved));
        File.Delete(saved);

        await pane.Button("Reply with quote").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("Reply opened with the quote attached");
        var reply = (await RepliesAsync(pane))[0];
        var attachment = reply.GetProperty("attachments")[0];
        Assert.Equal(("file", "quote-1.docx"), (attachment.GetProperty("type").GetString(), attachment.GetProperty("name").GetString()));
        Assert.Contains("1,402.50 USD", reply.GetProperty("htmlBody").GetString());
        using (var outlook = new HttpClient())
        {
            var fetched = await outlook.GetAsync(attachment.GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
            AssertValidDocx(await fetched.Content.ReadAsByteArrayAsync());
        }

        await pane.Button("Customer accepted").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("Accepted");
        Assert.Empty(pane.Dialogs);
    }

    [Fact]
    public async Task InChineseAQuoteWithAHostileNameRendersAsTextAndTheReplyFallsBackToAnEscapedSummary()
    {
        await using var host = await AddinHost.StartAsync();
        var dealId = await SetUpAsync(host);
        using (var rep = host.Client())
        {
            var deal = await (await rep.GetAsync($"/api/opportunities/{dealId}")).ReadJsonAsync();
            (await rep.PatchAsJsonAsync($"/api/opportunities/{dealId}", new { expectedVersion = deal.GetProperty("version").GetInt32(), name = Hostile })).EnsureSuccessStatusCode();
        }
        await using var pane = await Pane.OpenAsync(browser, host, Buyer, "zh-CN", page =>
            page.RouteAsync("**/document-link", route => route.FulfillAsync(new RouteFulfillOptions { Status = 503 })));
        await Expect(pane.Page.Locator("#deal-title")).ToHaveTextAsync(Hostile);
        await pane.Button("报价").ClickAsync();
        await pane.Button("创建报价").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("草稿");
        await Expect(Field(pane, "产品").Locator("option", new LocatorLocatorOptions { HasText = Hostile })).ToHaveCountAsync(1);
        await Field(pane, "产品").SelectOptionAsync("X1");
        await Field(pane, "数量").FillAsync("3");
        await pane.Button("添加明细").ClickAsync();
        await Expect(pane.TestId("quote-line")).ToContainTextAsync(Hostile);
        await Expect(pane.TestId("quote-total")).ToHaveTextAsync("3.30 USD");

        await pane.Button("提交").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("已批准");
        await pane.Button("标记为已发送").ClickAsync();
        await Expect(pane.TestId("quote-status")).ToHaveTextAsync("已发送");
        await pane.Button("回复并附上报价").ClickAsync();
        await Expect(pane.Status).ToHaveTextAsync("已打开回复，并附上报价摘要");

        var reply = (await RepliesAsync(pane))[0];
        Assert.False(reply.TryGetProperty("attachments", out _));
        var html = reply.GetProperty("htmlBody").GetString()!;
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("总计", html);
        Assert.Equal(0, await pane.Page.Locator("#content img").CountAsync());
        Assert.Empty(pane.Dialogs);
    }

    [Fact]
    public async Task ARefusedLineIsShownUnderItsFieldAndAnEditOfAQuoteAColleagueChangedRefreshesIt()
    {
        await using var host = await AddinHost.StartAsync();
        var dealId = await SetUpAsync(host);
        await using var pane = await Pane.OpenAsync(browser, host, Buyer);
        await pane.Button("Quote").ClickAsync();
        await pane.Button("Create quote").ClickAsync();
        await Field(pane, "Product").SelectOptionAsync("PRO");
        await Field(pane, "Quantity").FillAsync("0");
        await pane.Button("Add line").ClickAsync();

        await Expect(pane.TestId("quote-quantity-error")).ToContainTextAsync("quantity");
        await Expect(Field(pane, "Quantity")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Field(pane, "Product")).ToHaveValueAsync("PRO");

        using (var colleague = host.Client())
        {
            var quote = await (await colleague.GetAsync($"/api/opportunities/{dealId}/quotes/1")).ReadJsonAsync();
            (await colleague.PostJsonAsync($"/api/opportunities/{dealId}/quotes/1/lines",
                new { expectedVersion = quote.GetProperty("version").GetInt32(), description = "Added by a colleague", quantity = 1, unitPrice = 10 })).EnsureSuccessStatusCode();
        }
        await Field(pane, "Quantity").FillAsync("2");
        await pane.Button("Add line").ClickAsync();

        await Expect(pane.Alert).ToContainTextAsync("it has been refreshed");
        await Expect(pane.TestId("quote-line")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Added by a colleague")]);
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        Assert.Single((await db.Quotes.SingleAsync()).Lines);
    }

    [Fact]
    public async Task TheQuoteAtThreeHundredTwentyPixelsNeedsNoSidewaysScroll()
    {
        await using var host = await AddinHost.StartAsync();
        await SetUpAsync(host);
        await using var pane = await Pane.OpenAsync(browser, host, Buyer, width: 320);
        await pane.Button("Quote").ClickAsync();
        await pane.Button("Create quote").ClickAsync();
        await Field(pane, "Description").FillAsync("Onsite training for every regional team, including travel and a printed handbook");
        await Field(pane, "Unit price (USD)").FillAsync("123456789");
        await pane.Button("Add line").ClickAsync();
        await Expect(pane.TestId("quote-line")).ToHaveCountAsync(1);

        Assert.True(await pane.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
    }
}

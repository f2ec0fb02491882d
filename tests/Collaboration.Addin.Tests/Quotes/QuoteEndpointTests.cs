using System.Net;
using System.Text.Json;
using Collaboration.Addin.Tests.Administration;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Quotes;

/// <summary>Products, quotes, discount approval, contract and milestones over real HTTP on the add-in backend.</summary>
public class QuoteEndpointTests
{
    internal const string Products = """
        [{"code":"pro","name":"Pro licence","unit":"seat","prices":[{"currency":"USD","unitPrice":100},{"currency":"JPY","unitPrice":15000}],"active":true},
         {"code":"OLD","name":"Retired","unit":null,"prices":[{"currency":"USD","unitPrice":1}],"active":false}]
        """;

    internal static async Task<string> SetUpAsync(AddinHost host, string dealName = "Contoso rollout")
    {
        await AdminAuthorizationMatrixTests.PlaceAsync(host);
        var admin = host.AdminClient(objectId: "admin-a");
        Assert.Equal(HttpStatusCode.OK, (await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/products", Products)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/quote-settings",
            """{"discountApprovalThreshold":10,"taxRatePercent":10,"taxRatesByCurrency":{"JPY":8},"companyName":"Northwind Traders","termsEn":"Valid 30 days.","termsZh":"报价有效期30天。"}""")).StatusCode);
        var created = await host.RepClient().PostJsonAsync("/api/opportunities", new { name = dealName, amount = 1m, currency = "usd", closeDate = "2027-01-31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ARepQuotesProductsAtListPriceWithTheTenantsTaxAndTheTotalBecomesTheDealAmount()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var rep = host.RepClient();

        var response = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes",
            """{"currency":"usd","lines":[{"productCode":"pro","quantity":10,"discountPercent":5},{"description":"Setup","quantity":1,"unitPrice":500}]}""");
        var quote = await response.ReadJsonAsync();
        var dealView = await (await rep.GetAsync($"/api/opportunities/{deal}")).ReadJsonAsync();
        var timeline = await rep.GetStringAsync($"/api/opportunities/{deal}/timeline");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, quote.GetProperty("number").GetInt32());
        Assert.Equal("Pro licence", quote.GetProperty("lines")[0].GetProperty("description").GetString());
        Assert.Equal(100m, quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        // 1000 + 500 gross, 50 off, 10% tax on 1450.
        Assert.Equal((1500m, 50m, 145m, 1595m), (quote.GetProperty("subtotal").GetDecimal(), quote.GetProperty("discount").GetDecimal(),
            quote.GetProperty("tax").GetDecimal(), quote.GetProperty("total").GetDecimal()));
        Assert.Equal("draft", quote.GetProperty("status").GetString());
        Assert.Equal(1595m, dealView.GetProperty("amount").GetDecimal());
        Assert.Contains("1595", timeline);
    }

    [Fact]
    public async Task AYenQuoteHasNoDecimalsAndUsesTheYenTaxRate()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var quote = await (await AdminAuthorizationMatrixTests.SendAsync(host.RepClient(), "POST", $"/api/opportunities/{deal}/quotes",
            """{"currency":"JPY","lines":[{"productCode":"PRO","quantity":3,"discountPercent":3.3}]}""")).ReadJsonAsync();

        // 45000 gross, 1485 off, 8% of 43515 = 3481.2 → 3481.
        Assert.Equal((45000m, 1485m, 3481m, 46996m), (quote.GetProperty("subtotal").GetDecimal(), quote.GetProperty("discount").GetDecimal(),
            quote.GetProperty("tax").GetDecimal(), quote.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task AnUnknownOrInactiveProductAndAnEndlessQuoteAreRefused()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var rep = host.RepClient(acceptLanguage: "zh-CN");
        var inactive = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes", """{"lines":[{"productCode":"OLD","quantity":1}]}""");
        var lines = string.Join(",", Enumerable.Repeat("""{"description":"x","quantity":1,"unitPrice":1}""", 201));
        var endless = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes", $$"""{"lines":[{{lines}}]}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inactive.StatusCode);
        var problem = await inactive.ReadJsonAsync();
        Assert.Equal("convert.unknown_product", problem.GetProperty("code").GetString());
        Assert.Contains("OLD", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, endless.StatusCode);
    }

    [Fact]
    public async Task ADiscountAboveTheThresholdCannotBeSentUntilTheManagerApprovesTheVersionTheySaw()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var rep = host.RepClient();
        var manager = host.RepClient(objectId: "manager-a");
        await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes", """{"lines":[{"productCode":"PRO","quantity":10,"discountPercent":15}]}""");

        var submitted = await (await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes/1/submit", null)).ReadJsonAsync();
        var early = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes/1/sent", null);
        var byRep = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes/1/decision",
            $$"""{"version":{{submitted.GetProperty("version").GetInt32()}},"approve":true}""");
        var stale = await AdminAuthorizationMatrixTests.SendAsync(manager, "POST", $"/api/opportunities/{deal}/quotes/1/decision", """{"version":1,"approve":true}""");
        var approved = await AdminAuthorizationMatrixTests.SendAsync(manager, "POST", $"/api/opportunities/{deal}/quotes/1/decision",
            $$"""{"version":{{submitted.GetProperty("version").GetInt32()}},"approve":true,"comment":"OK for Q4"}""");
        var sent = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes/1/sent", null);

        Assert.Equal("awaitingApproval", submitted.GetProperty("status").GetString());
        Assert.Equal("manager-a", submitted.GetProperty("approverId").GetString());
        Assert.Equal("convert.quote_not_approved", (await early.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("convert.not_approver", (await byRep.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("convert.quote_changed", (await stale.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("sent", (await sent.ReadJsonAsync()).GetProperty("status").GetString());
        var timeline = await rep.GetStringAsync($"/api/opportunities/{deal}/timeline");
        Assert.Contains("OK for Q4", timeline);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Type == "QuoteApprovalRequested"));
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Type == "QuoteDecided"));
    }

    [Fact]
    public async Task TheContractNeedsAnHttpsLinkAndMilestonesFollowTheWin()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var rep = host.RepClient();
        var bad = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/contract", """{"signedOn":"2027-01-15","documentLink":"javascript:alert(1)"}""");
        var contract = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/contract",
            """{"signedOn":"2027-01-15","documentLink":"https://contoso.sharepoint.com/c.pdf","value":9000}""");
        var payment = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/milestones",
            """{"kind":"payment","description":"50% on signature","amount":4500,"dueOn":"2020-01-31"}""");
        var delivery = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/milestones", """{"kind":"delivery","dueOn":"2099-03-01"}""");
        var paid = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/milestones/{(await payment.ReadJsonAsync()).GetProperty("id").GetString()}/done", null);
        var list = await (await rep.GetAsync($"/api/opportunities/{deal}/milestones")).ReadJsonAsync();
        var stranger = await host.RepClient(objectId: "someone-else").GetAsync($"/api/opportunities/{deal}/milestones");

        Assert.Equal("convert.invalid_document_link", (await bad.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(9000m, (await contract.ReadJsonAsync()).GetProperty("value").GetDecimal());
        Assert.True((await AdminAuthorizationMatrixTests.SendAsync(rep, "GET", $"/api/opportunities/{deal}/milestones", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, delivery.StatusCode);
        Assert.NotNull((await paid.ReadJsonAsync()).GetProperty("paidOn").GetString());
        Assert.Equal(["payment", "delivery"], list.EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        Assert.All(list.EnumerateArray(), m => Assert.False(m.GetProperty("overdue").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/milestones", """{"kind":"payment","amount":4500,"dueOn":"2021-06-30"}""");
        var overdue = await (await rep.GetAsync("/api/reports/convert/overdue-payments")).ReadJsonAsync();
        Assert.Equal("2021-06-30", Assert.Single(overdue.EnumerateArray()).GetProperty("dueOn").GetString());
        Assert.Empty((await (await host.RepClient(objectId: "someone-else").GetAsync("/api/reports/convert/overdue-payments")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task TheTenantCanMakeASignedContractAConditionOfWinningWithoutLosingItOnAPipelineSave()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await SetUpAsync(host);
        var admin = host.AdminClient(objectId: "admin-a");
        var rep = host.RepClient();
        await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/quote-settings",
            """{"discountApprovalThreshold":10,"taxRatePercent":0,"quoteAcceptedExitsProposal":true,"contractRequiredForWon":true}""");
        var pipeline = await admin.GetStringAsync("/api/admin/pipeline");
        var resaved = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/pipeline", pipeline);
        var settings = await (await admin.GetAsync("/api/admin/quote-settings")).ReadJsonAsync();

        var refused = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/stage",
            """{"stage":"won","expectedVersion":1,"reason":"strategic"}""");
        await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/contract", """{"signedOn":"2026-11-20"}""");
        var version = (await (await rep.GetAsync($"/api/opportunities/{deal}")).ReadJsonAsync()).GetProperty("version").GetInt32();
        var won = await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/stage",
            $$"""{"stage":"won","expectedVersion":{{version}},"reason":"strategic"}""");

        Assert.Contains("quoteAccepted", pipeline);
        Assert.Equal(HttpStatusCode.OK, resaved.StatusCode);
        Assert.True(settings.GetProperty("contractRequiredForWon").GetBoolean());
        Assert.True(settings.GetProperty("quoteAcceptedExitsProposal").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("convert.contract_signed", await refused.Content.ReadAsStringAsync());
        Assert.True(won.IsSuccessStatusCode, await won.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProductsImportFromCsvNamingEveryBadLineAndATooLargeFileIsRefused()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();
        var good = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/products/import", "code,name,unit,USD,price CNY,active\nPRO,Pro licence,seat,100,700,yes\nSUP,Support,year,20.5,,no\n");
        var bad = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/products/import", "code,name,USD\nOK,Fine,1\nX Y,Bad code,1\nZ,No price,ten\n");
        var huge = await AdminAuthorizationMatrixTests.SendAsync(admin, "POST", "/api/admin/products/import", "code,name\n" + new string('a', 1024 * 1024 + 10));
        var products = await (await admin.GetAsync("/api/admin/products")).ReadJsonAsync();

        Assert.Equal(2, (await good.ReadJsonAsync()).GetProperty("products").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["line 3", "line 4"], errors);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(["PRO", "SUP"], products.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(700m, products[0].GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("currency").GetString() == "CNY").GetProperty("unitPrice").GetDecimal());
        Assert.False(products[1].GetProperty("active").GetBoolean());
    }
}

using System.Net;
using Collaboration.Addin.Tests.Administration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Addin.Tests.Quotes;

/// <summary>What the pane and dashboard add around quotes, over real HTTP: list, line and discount edits, products, contract, document links.</summary>
public class QuotePaneEndpointTests
{
    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, string? body = null) =>
        AdminAuthorizationMatrixTests.SendAsync(client, method, url, body);

    [Fact]
    public async Task ARepEditsADraftLineByLineAndAnEditAgainstAnOlderVersionIsAConflict()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await QuoteEndpointTests.SetUpAsync(host);
        var rep = host.RepClient();
        var created = await (await Send(rep, "POST", $"/api/opportunities/{deal}/quotes", """{"lines":[]}""")).ReadJsonAsync();
        var version = created.GetProperty("version").GetInt32();

        var product = await Send(rep, "POST", $"/api/opportunities/{deal}/quotes/1/lines", $$"""{"expectedVersion":{{version}},"productCode":"pro","quantity":10}""");
        var afterProduct = await product.ReadJsonAsync();
        var free = await (await Send(rep, "POST", $"/api/opportunities/{deal}/quotes/1/lines",
            $$"""{"expectedVersion":{{afterProduct.GetProperty("version").GetInt32()}},"description":"Setup","quantity":1,"unitPrice":500}""")).ReadJsonAsync();
        var stale = await Send(rep, "PUT", $"/api/opportunities/{deal}/quotes/1/discount", $$"""{"expectedVersion":{{version}},"discountPercent":5}""");
        var discounted = await (await Send(rep, "PUT", $"/api/opportunities/{deal}/quotes/1/discount",
            $$"""{"expectedVersion":{{free.GetProperty("version").GetInt32()}},"discountPercent":5}""")).ReadJsonAsync();
        var outOfRange = await Send(rep, "DELETE", $"/api/opportunities/{deal}/quotes/1/lines/7?expectedVersion={discounted.GetProperty("version").GetInt32()}");
        var removed = await (await Send(rep, "DELETE", $"/api/opportunities/{deal}/quotes/1/lines/0?expectedVersion={discounted.GetProperty("version").GetInt32()}")).ReadJsonAsync();
        var dealView = await (await rep.GetAsync($"/api/opportunities/{deal}")).ReadJsonAsync();
        var list = await (await rep.GetAsync($"/api/opportunities/{deal}/quotes")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, product.StatusCode);
        Assert.Equal("Pro licence", afterProduct.GetProperty("lines")[0].GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(1500m * 0.95m * 1.1m, discounted.GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.NotFound, outOfRange.StatusCode);
        Assert.Equal("Setup", removed.GetProperty("lines")[0].GetProperty("description").GetString());
        Assert.Equal(1, removed.GetProperty("lines").GetArrayLength());
        // 500 less 5%, plus 10% tax: the deal's amount follows the current quote.
        Assert.Equal(522.5m, dealView.GetProperty("amount").GetDecimal());
        Assert.Equal(1, list.GetArrayLength());
    }

    [Fact]
    public async Task ARepSeesOnlyActiveProductsAndTheDealsContractOnceRecorded()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await QuoteEndpointTests.SetUpAsync(host);
        var rep = host.RepClient();
        var before = await rep.GetAsync($"/api/opportunities/{deal}/contract");
        await Send(rep, "POST", $"/api/opportunities/{deal}/contract", """{"signedOn":"2026-11-30","documentLink":"https://docs.example/contract.pdf","value":9000}""");
        var contract = await (await rep.GetAsync($"/api/opportunities/{deal}/contract")).ReadJsonAsync();
        var products = await (await rep.GetAsync("/api/products")).ReadJsonAsync();
        var stranger = await host.RepClient(tenantId: AddinHost.TenantB).GetAsync($"/api/opportunities/{deal}/contract");

        Assert.Equal(HttpStatusCode.NoContent, before.StatusCode);
        Assert.Equal((9000m, "2026-11-30"), (contract.GetProperty("value").GetDecimal(), contract.GetProperty("signedOn").GetString()));
        Assert.Equal(["PRO"], products.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }

    [Fact]
    public async Task ADocumentLinkOpensTheQuoteWithoutSignInButNotOnceAlteredOrExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AddinHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var deal = await QuoteEndpointTests.SetUpAsync(host);
        var rep = host.RepClient(acceptLanguage: "zh-CN");
        await Send(rep, "POST", $"/api/opportunities/{deal}/quotes", """{"lines":[{"productCode":"PRO","quantity":2}]}""");
        var link = await (await Send(rep, "POST", $"/api/opportunities/{deal}/quotes/1/document-link")).ReadJsonAsync();
        var url = new Uri(link.GetProperty("url").GetString()!);
        var token = url.AbsolutePath.Split('/').Last();
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

        var opened = await anonymous.GetAsync(url.PathAndQuery);
        var bytes = await opened.Content.ReadAsByteArrayAsync();
        var altered = await anonymous.GetAsync($"/api/quote-documents/{token[..^2]}{(token[^2] == 'A' ? 'B' : 'A')}{token[^1]}");
        var endless = await anonymous.GetAsync($"/api/quote-documents/{new string('A', 5000)}");
        var otherTenant = await Send(host.RepClient(tenantId: AddinHost.TenantB), "POST", $"/api/opportunities/{deal}/quotes/1/document-link");
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await anonymous.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", opened.Content.Headers.ContentType?.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Contains("报价", document.MainDocumentPart!.Document!.InnerText);
        }
        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, endless.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.True(DateTimeOffset.Parse(link.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= clock.GetUtcNow());
    }
}

using System.Net;
using Collaboration.Addin.Tests.Administration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Collaboration.Addin.Tests.Quotes;

/// <summary>The quote's Word document: valid under the Open XML SDK's validator, in the caller's language, user text as text.</summary>
public class QuoteDocumentTests
{
    private const string Logo = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Theory]
    [InlineData("en-US", "Subtotal", "Valid 30 days.")]
    [InlineData("zh-CN", "小计", "报价有效期30天。")]
    public async Task TheDocumentHasNoValidationErrorsShowsTheTemplateAndKeepsHostileTextAsText(string locale, string subtotal, string terms)
    {
        await using var host = await AddinHost.StartAsync();
        const string hostile = "Contoso <w:fldSimple w:instr=\"INCLUDETEXT c:\\\\secret\"/> & \u0001 {{ evil }}";
        var deal = await QuoteEndpointTests.SetUpAsync(host, hostile);
        var admin = host.AdminClient(objectId: "admin-a");
        await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/quote-settings",
            $$"""{"discountApprovalThreshold":10,"taxRatePercent":10,"companyName":"Northwind Traders","termsEn":"Valid 30 days.","termsZh":"报价有效期30天。","logoPngBase64":"{{Logo}}"}""");
        var rep = host.RepClient(acceptLanguage: locale);
        await AdminAuthorizationMatrixTests.SendAsync(rep, "POST", $"/api/opportunities/{deal}/quotes",
            """{"lines":[{"productCode":"PRO","quantity":2},{"description":"<script>alert(1)</script> 实施服务","quantity":1,"unitPrice":99.99}]}""");

        var response = await rep.GetAsync($"/api/opportunities/{deal}/quotes/1/document");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Northwind Traders", text);
        Assert.Contains(subtotal, text);
        Assert.Contains(terms, text);
        Assert.Contains("Contoso <w:fldSimple w:instr=\"INCLUDETEXT c:\\\\secret\"/> &  {{ evil }}", text);
        Assert.Contains("<script>alert(1)</script> 实施服务", text);
        Assert.Empty(document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.SimpleField>());
        Assert.Single(document.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task AQuoteOfADealTheCallerCannotSeeHasNoDocument()
    {
        await using var host = await AddinHost.StartAsync();
        var deal = await QuoteEndpointTests.SetUpAsync(host);
        await AdminAuthorizationMatrixTests.SendAsync(host.RepClient(), "POST", $"/api/opportunities/{deal}/quotes", """{"lines":[{"productCode":"PRO","quantity":2}]}""");

        var response = await host.RepClient(objectId: "outsider").GetAsync($"/api/opportunities/{deal}/quotes/1/document");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

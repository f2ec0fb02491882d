using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Bot.Quotes;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing;
using Collaboration.Testing.Node;

namespace Collaboration.Bot.Tests.Quotes;

/// <summary>
/// The quote's .docx from Teams: Word document on the quote card gives the rep who pressed it a link the add-in host on
/// the same database serves without a token (a browser opened from Teams has none) for ten minutes, and only that quote.
/// </summary>
public sealed class QuoteDocumentDownloadTests
{
    private const string AddinBase = "https://crm.example/app";

    private static readonly TestUser Megan = QuoteConversationTests.Megan;
    private static readonly TestUser Li = QuoteConversationTests.Li;

    private static IEnumerable<string> OpenUrls(JsonObject card) => CardReader.Walk(card)
        .Where(o => o["type"]?.GetValue<string>() == "Action.OpenUrl").Select(o => o["url"]!.GetValue<string>());

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task WordDocumentGivesTheRepALinkTheAddinServesWithoutSignIn(DatabaseKind kind)
    {
        await using var host = await BotConversationHost.StartAsync(kind, new Dictionary<string, string?> { ["Addin:BaseUrl"] = AddinBase });
        await QuoteConversationTests.AddProductsAsync(host);
        await host.SayAsync(Megan, "new deal Contoso $50k close 2026-12-15");
        var empty = Assert.Single(await host.SayAsync(Megan, "quote Contoso"));
        Assert.False(CardReader.HasAction(empty, QuoteVerbs.Document)); // nothing to put in a document yet
        var card = Assert.Single(await host.SayAsync(Megan, "Contoso add 10 Pro licence"));

        var answer = await host.ClickAsync(Megan, CardReader.Action(card, QuoteVerbs.Document));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("The download link works for 10 minutes", CardReader.Text(answer.Card));
        Assert.Contains("10 × 120.00 USD", CardReader.Text(answer.Card)); // still the quote card, with its lines
        await CardValidator.EnsureValidAsync(answer.Card);
        var download = new Uri(Assert.Single(OpenUrls(answer.Card), u => u.Contains("/api/quote-documents/", StringComparison.Ordinal)));
        Assert.StartsWith(AddinBase + "/api/quote-documents/", download.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Connector.Requests, r => r.Method == "PUT"); // the chat's copy keeps its button; only the rep sees the link

        await using var addin = AddinHost.Restart(host.Db);
        using var anonymous = addin.Client();
        var path = download.AbsolutePath["/app".Length..];
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        var tampered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];
        using var refused = await anonymous.GetAsync(new Uri(tampered, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task AChineseRepGetsTheButtonAndNoteInChinese()
    {
        await using var host = await BotConversationHost.StartAsync(settings: new Dictionary<string, string?> { ["Addin:BaseUrl"] = AddinBase });
        await QuoteConversationTests.AddProductsAsync(host);
        await host.SayAsync(Li, "新商机 Fabrikam 5万 成交 2026-12-15");
        await host.SayAsync(Li, "报价 Fabrikam");
        var card = Assert.Single(await host.SayAsync(Li, "Fabrikam 添加 2 PRO-LIC"));
        Assert.Equal("Word 文档", CardReader.Action(card, QuoteVerbs.Document)["title"]!.GetValue<string>());

        var answer = await host.ClickAsync(Li, CardReader.Action(card, QuoteVerbs.Document));
        Assert.Contains("下载链接 10 分钟内有效", CardReader.Text(answer.Card));
        Assert.Contains(CardReader.Walk(answer.Card), o => o["title"]?.GetValue<string>() == "下载 .docx");
    }

    [Fact]
    public async Task WithoutTheAddinsAddressThereIsNoWordDocumentButton()
    {
        await using var host = await BotConversationHost.StartAsync();
        await QuoteConversationTests.AddProductsAsync(host);
        await host.SayAsync(Megan, "new deal Contoso $50k close 2026-12-15");
        await host.SayAsync(Megan, "quote Contoso");
        var card = Assert.Single(await host.SayAsync(Megan, "Contoso add 10 Pro licence"));
        Assert.False(CardReader.HasAction(card, QuoteVerbs.Document));
        Assert.Empty(OpenUrls(card));
    }
}

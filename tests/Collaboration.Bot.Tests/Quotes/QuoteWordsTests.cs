using Collaboration.Bot.Commands;

namespace Collaboration.Bot.Tests.Quotes;

public sealed class QuoteWordsTests
{
    [Theory]
    [InlineData("quote Contoso", "Contoso")]
    [InlineData("Quote for Contoso Ltd", "Contoso Ltd")]
    [InlineData("show quote Contoso", "Contoso")]
    [InlineData("报价 华为", "华为")]
    [InlineData("报价华为", "华为")]
    [InlineData("查看报价 华为", "华为")]
    public void QuoteShowsTheDealsQuote(string text, string deal) =>
        Assert.Equal(deal, Assert.IsType<ShowQuoteCommand>(CommandParser.Parse(text)).DealName);

    [Theory]
    [InlineData("send quote Contoso", "Contoso")]
    [InlineData("Submit the quote for Contoso", "Contoso")]
    [InlineData("发送报价 华为", "华为")]
    [InlineData("提交报价华为", "华为")]
    public void SendQuoteSubmitsOrSends(string text, string deal) =>
        Assert.Equal(deal, Assert.IsType<SendQuoteCommand>(CommandParser.Parse(text)).DealName);

    [Theory]
    [InlineData("Contoso add 10 Pro licence", "Contoso", 10, "Pro licence", null)]
    [InlineData("Contoso add 10 PRO-LIC", "Contoso", 10, "PRO-LIC", null)]
    [InlineData("Contoso add 3 Setup day at 1200", "Contoso", 3, "Setup day", 1200.0)]
    [InlineData("Contoso Ltd add 2.5 x Consulting hour @ 1.2k", "Contoso Ltd", 2.5, "Consulting hour", 1200.0)]
    [InlineData("华为 添加 10 Pro licence", "华为", 10, "Pro licence", null)]
    [InlineData("华为添加3个实施服务 单价 1200", "华为", 3, "实施服务", 1200.0)]
    [InlineData("华为 添加 2 培训 价格 ¥5千", "华为", 2, "培训", 5000.0)]
    public void AddReadsQuantityItemAndPrice(string text, string deal, double quantity, string item, double? price)
    {
        var add = Assert.IsType<AddQuoteLineCommand>(CommandParser.Parse(text));
        Assert.Equal((deal, (decimal)quantity, item, (decimal?)price), (add.DealName, add.Quantity, add.Item, add.UnitPrice));
    }

    [Theory]
    [InlineData("Contoso discount 15%", "Contoso", 15)]
    [InlineData("Contoso discount of 7.5 percent", "Contoso", 7.5)]
    [InlineData("Contoso discount 150%", "Contoso", 150)]
    [InlineData("华为 折扣 15%", "华为", 15)]
    [InlineData("华为折扣15％", "华为", 15)]
    public void DiscountReadsThePercentage(string text, string deal, double percent)
    {
        var discount = Assert.IsType<QuoteDiscountCommand>(CommandParser.Parse(text));
        Assert.Equal((deal, (decimal)percent), (discount.DealName, discount.Percent));
    }

    [Theory]
    [InlineData("log call contoso: they want to add 10 seats at 100", typeof(LogInteractionCommand))]
    [InlineData("new deal Contoso add 10 seats", typeof(NewDealCommand))]
    [InlineData("contoso add contact wang@contoso.example", typeof(UnknownCommand))]
    [InlineData("show quote", typeof(ShowDealCommand))]
    public void OtherCommandsMentioningQuoteWordsStayWhatTheyWere(string text, Type expected)
    {
        var command = CommandParser.Parse(text);
        Assert.True(command.GetType() == expected || expected == typeof(UnknownCommand) && command is not AddQuoteLineCommand, $"{text} → {command}");
    }

    [Fact]
    public void AHundredThousandCharacterLineIsReadQuicklyAndWhole()
    {
        var item = new string('x', 100_000);
        var started = DateTime.UtcNow;
        var add = Assert.IsType<AddQuoteLineCommand>(CommandParser.Parse($"Contoso add 1 {item} at 5"));
        Assert.Equal((item.Length, (decimal?)5m), (add.Item.Length, add.UnitPrice));
        Assert.Null(QuoteWords.Parse("quote " + new string(' ', 50_000) + "x"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
    }
}

using Collaboration.Domain.Common;
using Collaboration.Domain.Texts;

namespace Collaboration.Domain.Tests.Texts;

public class TextCatalogTests
{
    private static readonly IReadOnlyDictionary<string, string> English = TextCatalog.All(TextCatalog.English);
    private static readonly IReadOnlyDictionary<string, string> Chinese = TextCatalog.All(TextCatalog.Chinese);

    [Fact]
    public void BothLanguagesHaveTheSameKeys()
    {
        Assert.Empty(English.Keys.Except(Chinese.Keys).Order());
        Assert.Empty(Chinese.Keys.Except(English.Keys).Order());
    }

    [Fact]
    public void EveryTextNamesTheSamePlaceholdersInBothLanguages()
    {
        var different = English.Keys.Where(Chinese.ContainsKey)
            .Where(k => !TextCatalog.PlaceholdersOf(English[k]).Order().SequenceEqual(TextCatalog.PlaceholdersOf(Chinese[k]).Order()))
            .ToList();
        Assert.Empty(different);
    }

    [Fact]
    public void EverySectionTheSurfacesReadIsThere()
    {
        foreach (var section in new[] { "errors", "bot", "manifest", "pane", "dashboard", "commands" })
        {
            Assert.NotEmpty(TextCatalog.KeysOf(section));
        }
    }

    [Theory]
    [InlineData("en-US", "This deal is closed (Won) and read-only. Reopen it first.")]
    [InlineData("zh-CN", "此商机已关闭（Won），只读。请先重新打开。")]
    [InlineData("zh-TW", "此商机已关闭（Won），只读。请先重新打开。")]
    [InlineData("fr-FR", "This deal is closed (Won) and read-only. Reopen it first.")]
    [InlineData(null, "This deal is closed (Won) and read-only. Reopen it first.")]
    public void ALocaleReadsChineseOnlyWhenItIsChineseAndEnglishOtherwise(string? locale, string expected) =>
        Assert.Equal(expected, TextCatalog.Format("errors.deal_closed", locale, ("stage", "Won")));

    [Fact]
    public void AValueThatLooksLikeAPlaceholderIsShownAsWrittenAndNotFilledAgain()
    {
        var text = TextCatalog.Format("errors.conflict", "en", ("expected", "{current}"), ("current", "7"));
        Assert.Contains("you saw version {current}, it is now 7", text);
    }

    [Fact]
    public void APlaceholderWithoutAValueAndAnUnknownKeyStayAsWritten()
    {
        Assert.Equal("Moved to {stage}.", TextCatalog.Format("bot.done.moved", "en"));
        Assert.Equal("bot.no_such_text", TextCatalog.Get("bot.no_such_text", "zh-Hans"));
    }

    [Fact]
    public void ACodeWithoutATextShowsTheCodeAndTermsReadInTheLocale()
    {
        Assert.Equal("no_such_code", new DomainError("no_such_code").Describe("zh-CN"));
        var error = DomainError.Of("won_requires", ("missing", "amount,close_date"));
        Assert.Equal("To close as won, fill in: amount, close date.", error.Describe("en"));
        Assert.Equal("赢单前请补充：金额、预计成交日期。", error.Describe("zh-Hans"));
    }

    [Fact]
    public void TheCommandListHoldsEveryCommandOfTheCatalogOnceAndListsAtMostTwelve()
    {
        var catalogCommands = TextCatalog.KeysOf("commands").Select(k => k[..k.LastIndexOf('.')]).Distinct().Order();
        Assert.Equal(catalogCommands, CommandCatalog.Keys.Order());
        Assert.InRange(CommandCatalog.Listed.Count, 1, CommandCatalog.MaxListed);
        Assert.All(CommandCatalog.Commands, c => Assert.NotEqual(c.Title, c.TitleZh));
    }
}

using Collaboration.Bot.Commands;

namespace Collaboration.Bot.Tests;

public sealed class ReportCommandParserTests
{
    [Theory]
    [InlineData("pipeline", ReportKind.Pipeline, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("Pipeline this month", ReportKind.Pipeline, ReportPeriod.ThisMonth, ReportScope.Team)]
    [InlineData("team pipeline last quarter", ReportKind.Pipeline, ReportPeriod.LastQuarter, ReportScope.Team)]
    [InlineData("sales funnel", ReportKind.Pipeline, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("销售漏斗", ReportKind.Pipeline, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("本月销售漏斗", ReportKind.Pipeline, ReportPeriod.ThisMonth, ReportScope.Team)]
    [InlineData("forecast this quarter", ReportKind.Forecast, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("my forecast this year", ReportKind.Forecast, ReportPeriod.ThisYear, ReportScope.Mine)]
    [InlineData("forecast for my team this month.", ReportKind.Forecast, ReportPeriod.ThisMonth, ReportScope.Team)]
    [InlineData("本季度预测", ReportKind.Forecast, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("我的今年预测", ReportKind.Forecast, ReportPeriod.ThisYear, ReportScope.Mine)]
    [InlineData("win rate my team", ReportKind.WinRate, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("my win rate this year", ReportKind.WinRate, ReportPeriod.ThisYear, ReportScope.Mine)]
    [InlineData("Win rate", ReportKind.WinRate, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("我团队的赢率", ReportKind.WinRate, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("我的赢率 上季度", ReportKind.WinRate, ReportPeriod.LastQuarter, ReportScope.Mine)]
    [InlineData("why did we lose", ReportKind.LossReasons, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("Why did we lose this year?", ReportKind.LossReasons, ReportPeriod.ThisYear, ReportScope.Team)]
    [InlineData("why did I lose last month", ReportKind.LossReasons, ReportPeriod.LastMonth, ReportScope.Mine)]
    [InlineData("loss reasons", ReportKind.LossReasons, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("为什么输单", ReportKind.LossReasons, ReportPeriod.ThisQuarter, ReportScope.Team)]
    [InlineData("本月为什么输单？", ReportKind.LossReasons, ReportPeriod.ThisMonth, ReportScope.Team)]
    [InlineData("输单原因", ReportKind.LossReasons, ReportPeriod.ThisQuarter, ReportScope.Team)]
    public void ReportRequestsParseWithTheirPeriodAndScope(string text, ReportKind kind, ReportPeriod period, ReportScope scope) =>
        Assert.Equal(new ReportCommand(kind, period, scope), CommandParser.Parse(text));

    [Theory]
    [InlineData("won Pipeline Corp", typeof(WonCommand))]
    [InlineData("win Contoso", typeof(WonCommand))]
    [InlineData("lost contoso price", typeof(LostCommand))]
    [InlineData("输单 contoso 价格", typeof(LostCommand))]
    [InlineData("my pipeline", typeof(MyDealsCommand))]
    [InlineData("new deal forecast tool 10k", typeof(NewDealCommand))]
    [InlineData("show forecast corp", typeof(ShowDealCommand))]
    public void DealCommandsThatMentionReportWordsStayDealCommands(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("reviews competitor Fabrikam", null, "Fabrikam")]
    [InlineData("Reviews against \"Fabrikam Inc\"", null, "Fabrikam Inc")]
    [InlineData("reviews pricing", "pricing", null)]
    [InlineData("reviews", null, null)]
    [InlineData("复盘 Fabrikam", "Fabrikam", null)]
    [InlineData("复盘 竞争对手 Fabrikam", null, "Fabrikam")]
    [InlineData("复盘竞争对手：金蝶", null, "金蝶")]
    [InlineData("复盘", null, null)]
    public void ReviewSearchesParseWordsOrACompetitor(string text, string? words, string? competitor) =>
        Assert.Equal(new ReviewSearchCommand(words, competitor), CommandParser.Parse(text));

    [Theory]
    [InlineData(ReportPeriod.ThisQuarter, "2026-10-01", "2026-12-31")]
    [InlineData(ReportPeriod.LastQuarter, "2026-07-01", "2026-09-30")]
    [InlineData(ReportPeriod.ThisMonth, "2026-11-01", "2026-11-30")]
    [InlineData(ReportPeriod.LastMonth, "2026-10-01", "2026-10-31")]
    [InlineData(ReportPeriod.ThisYear, "2026-01-01", "2026-12-31")]
    public void PeriodsResolveToWholeCalendarRanges(ReportPeriod period, string from, string to) =>
        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)),
            ReportWords.Range(period, new DateOnly(2026, 11, 26)));

    [Fact]
    public void LastQuarterInJanuaryIsThePreviousYearsFourth() =>
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), ReportWords.Range(ReportPeriod.LastQuarter, new DateOnly(2027, 1, 15)));
}

using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Quotas;
using Collaboration.Domain.Texts;

namespace Collaboration.Bot.Tests;

public sealed class OrganisationCommandParserTests
{
    [Theory]
    [InlineData("my team", typeof(MyTeamCommand))]
    [InlineData("My Team", typeof(MyTeamCommand))]
    [InlineData("who is on my team?", typeof(MyTeamCommand))]
    [InlineData("我的团队", typeof(MyTeamCommand))]
    [InlineData("我们团队", typeof(MyTeamCommand))]
    [InlineData("who is my manager", typeof(MyManagerCommand))]
    [InlineData("Who's my manager?", typeof(MyManagerCommand))]
    [InlineData("我的经理是谁", typeof(MyManagerCommand))]
    [InlineData("我的经理是谁？", typeof(MyManagerCommand))]
    [InlineData("谁是我的上级", typeof(MyManagerCommand))]
    [InlineData("settings", typeof(SettingsCommand))]
    [InlineData("Settings.", typeof(SettingsCommand))]
    [InlineData("设置", typeof(SettingsCommand))]
    [InlineData("打开设置", typeof(SettingsCommand))]
    [InlineData("quota", typeof(QuotaCommand))]
    [InlineData("配额", typeof(QuotaCommand))]
    [InlineData("我的配额", typeof(QuotaCommand))]
    public void OrganisationWordsInBothLanguagesAreRead(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text));

    [Theory]
    [InlineData("quota 2027-Q1", 2027, 1, 3)]
    [InlineData("quota 2027-q2", 2027, 4, 3)]
    [InlineData("my quota 2027-01", 2027, 1, 1)]
    [InlineData("配额 2027年第一季度", 2027, 1, 3)]
    [InlineData("配额2027年第3季度", 2027, 7, 3)]
    [InlineData("配额 2027年Q4", 2027, 10, 3)]
    [InlineData("配额 2027年1月", 2027, 1, 1)]
    [InlineData("2027年第二季度配额", 2027, 4, 3)]
    [InlineData("2027年12月的配额", 2027, 12, 1)]
    public void AQuotaPeriodIsReadAsAMonthOrQuarter(string text, int year, int firstMonth, int months)
    {
        var command = Assert.IsType<QuotaCommand>(CommandParser.Parse(text));
        var period = Assert.NotNull(command.Period);
        Assert.Equal((year, firstMonth, months), (period.Year, period.FirstMonth, period.Months));
    }

    [Theory]
    [InlineData("quota this quarter", ReportPeriod.ThisQuarter)]
    [InlineData("this quarter's quota", ReportPeriod.ThisQuarter)]
    [InlineData("quota last month", ReportPeriod.LastMonth)]
    [InlineData("my team quota this year", ReportPeriod.ThisYear)]
    [InlineData("本季度配额", ReportPeriod.ThisQuarter)]
    [InlineData("配额 上季度", ReportPeriod.LastQuarter)]
    [InlineData("我团队的本月配额", ReportPeriod.ThisMonth)]
    public void ARelativeQuotaPeriodIsKeptForTheHandlerToResolve(string text, ReportPeriod expected) =>
        Assert.Equal(expected, Assert.IsType<QuotaCommand>(CommandParser.Parse(text)).Relative);

    [Theory]
    [InlineData("quota 2027-Q5")]
    [InlineData("quota 2027-13")]
    [InlineData("配额 2027年第五季度")]
    [InlineData("quota next decade")]
    public void AnUnreadablePeriodAfterQuotaIsKeptToBeNamed(string text)
    {
        var command = Assert.IsType<QuotaCommand>(CommandParser.Parse(text));
        Assert.Null(command.Period);
        Assert.Null(command.Relative);
        Assert.False(string.IsNullOrEmpty(command.PeriodText));
    }

    [Theory]
    [InlineData("show settings", typeof(ShowDealCommand))]
    [InlineData("log call contoso: quota talk", typeof(LogInteractionCommand))]
    [InlineData("subscribe my team", typeof(SubscribeCommand))]
    [InlineData("win rate my team", typeof(ReportCommand))]
    [InlineData("我团队的赢率", typeof(ReportCommand))]
    [InlineData("new deal Quota tool 10k", typeof(NewDealCommand))]
    public void OtherCommandsThatShareTheseWordsAreUnchanged(string text, Type expected) =>
        Assert.IsType(expected, CommandParser.Parse(text));

    [Fact]
    public void LongOrHostileInputIsNotReadAsAnOrganisationCommandAndReturnsQuickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.IsNotType<QuotaCommand>(CommandParser.Parse(new string('a', 5_000) + " quota"));
        Assert.IsNotType<QuotaCommand>(CommandParser.Parse(string.Concat(Enumerable.Repeat("my ", 20_000)) + "quota"));
        Assert.IsNotType<MyTeamCommand>(CommandParser.Parse("my team " + new string('x', 100_000)));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void TheNewCommandsAreUnlistedAndTaughtByAListedEntryInBothLanguages()
    {
        foreach (var (title, zh) in new[] { ("my team", "我的团队"), ("who is my manager", "我的经理是谁"), ("settings", "设置"), ("quota", "配额") })
        {
            var command = Assert.Single(CommandCatalog.Commands, c => c.Title == title);
            Assert.Equal(zh, command.TitleZh);
            Assert.False(command.Listed);
            Assert.Contains(CommandCatalog.Listed, c => c.Description.Contains($"'{title}", StringComparison.Ordinal));
            Assert.Contains(CommandCatalog.Listed, c => c.DescriptionZh.Contains($"“{zh}", StringComparison.Ordinal));
        }
        Assert.True(CommandCatalog.Listed.Count <= CommandCatalog.MaxListed);
    }

    [Theory]
    [InlineData("en-US", "'my team'", "'who is my manager'", "'settings'", "'quota 2027-Q1'")]
    [InlineData("zh-CN", "“我的团队”", "“我的经理是谁”", "“设置”", "“配额 2027年第一季度”")]
    public void TheHelpCardNamesTheNewCommands(string locale, params string[] phrases)
    {
        var help = CardReader.Text(DealCards.Help(new CardContext(locale, DateTimeOffset.UnixEpoch)));
        foreach (var phrase in phrases) Assert.Contains(phrase, help);
    }

    [Fact]
    public void QuotaPeriodsParsedHereAreTheDomainsOwn() =>
        Assert.Equal(QuotaPeriod.Quarter(2027, 1), CommandParser.Parse("quota 2027-Q1") is QuotaCommand { Period: { } p } ? p : default);
}

using Collaboration.Bot.Commands;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Texts;

namespace Collaboration.Bot.Tests;

public sealed class NotificationCommandParserTests
{
    [Theory]
    [InlineData("subscribe won deals", SubscriptionFilter.WonDeals)]
    [InlineData("Subscribe to won deals", SubscriptionFilter.WonDeals)]
    [InlineData("订阅 赢单", SubscriptionFilter.WonDeals)]
    [InlineData("订阅赢单", SubscriptionFilter.WonDeals)]
    [InlineData("subscribe all stage changes", SubscriptionFilter.AllStageChanges)]
    [InlineData("订阅 所有阶段变化", SubscriptionFilter.AllStageChanges)]
    [InlineData("subscribe my team", SubscriptionFilter.MyTeam)]
    [InlineData("订阅 我的团队", SubscriptionFilter.MyTeam)]
    public void SubscribeReadsTheFilter(string text, SubscriptionFilter filter) =>
        Assert.Equal(new SubscribeCommand(filter), CommandParser.Parse(text));

    [Fact]
    public void SubscribeToSomethingUnknownIsNotGuessed() =>
        Assert.IsType<UnknownCommand>(CommandParser.Parse("subscribe lunch menu"));

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("unsubscribe all")]
    [InlineData("取消订阅")]
    [InlineData("退订")]
    public void Unsubscribe(string text) => Assert.IsType<UnsubscribeCommand>(CommandParser.Parse(text));

    [Theory]
    [InlineData("mute contoso", "contoso", true)]
    [InlineData("mute \"Contoso 50 seats\"", "Contoso 50 seats", true)]
    [InlineData("静音 contoso", "contoso", true)]
    [InlineData("静音华为项目", "华为项目", true)]
    [InlineData("unmute contoso", "contoso", false)]
    [InlineData("取消静音 contoso", "contoso", false)]
    public void MuteAndUnmuteNameADeal(string text, string deal, bool mute) =>
        Assert.Equal(new MuteDealCommand(deal, mute), CommandParser.Parse(text));

    [Theory]
    [InlineData("quiet hours 20:00-08:00", 20, 0, 8, 0)]
    [InlineData("quiet hours 22:30 to 7", 22, 30, 7, 0)]
    [InlineData("Quiet Hours: 21:00–06:30", 21, 0, 6, 30)]
    [InlineData("免打扰 20:00-08:00", 20, 0, 8, 0)]
    [InlineData("免打扰 20:00 到 08:00", 20, 0, 8, 0)]
    [InlineData("免打扰：23:00~7:00", 23, 0, 7, 0)]
    public void QuietHoursReadBothEnds(string text, int fh, int fm, int uh, int um) =>
        Assert.Equal(new QuietHoursCommand(new TimeOnly(fh, fm), new TimeOnly(uh, um)), CommandParser.Parse(text));

    [Theory]
    [InlineData("quiet hours off")]
    [InlineData("免打扰 关闭")]
    public void QuietHoursOff(string text) => Assert.Equal(new QuietHoursCommand(null, null), CommandParser.Parse(text));

    [Theory]
    [InlineData("quiet hours 25:00-08:00")]
    [InlineData("quiet hours 20:61-08:00")]
    public void ImpossibleTimesAreNotAccepted(string text) => Assert.IsType<UnknownCommand>(CommandParser.Parse(text));

    [Theory]
    [InlineData("reminders")]
    [InlineData("reminders today")]
    [InlineData("what's due")]
    [InlineData("提醒")]
    [InlineData("待办")]
    public void Reminders(string text) => Assert.IsType<RemindersCommand>(CommandParser.Parse(text));

    [Theory]
    [InlineData("parked")]
    [InlineData("parked notifications")]
    [InlineData("失败通知")]
    public void Parked(string text) => Assert.IsType<ParkedCommand>(CommandParser.Parse(text));

    [Theory]
    [InlineData("show contoso")]
    [InlineData("my deals")]
    [InlineData("move contoso to proposal")]
    public void ExistingCommandsAreUnchanged(string text) =>
        Assert.IsNotType<UnknownCommand>(CommandParser.Parse(text));

    [Fact]
    public void EveryNewCommandIsUnlistedAndTaughtByAListedEntry()
    {
        foreach (var title in new[] { "subscribe", "unsubscribe", "mute", "unmute", "quiet hours", "reminders", "parked" })
        {
            var command = Assert.Single(CommandCatalog.Commands, c => c.Title == title);
            Assert.False(command.Listed);
            Assert.Contains(CommandCatalog.Listed, c => c.Description.Contains($"'{title} ", StringComparison.Ordinal));
        }
        Assert.True(CommandCatalog.Listed.Count <= CommandCatalog.MaxListed);
    }
}

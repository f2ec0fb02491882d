using System.Text.Json;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Texts;
using CsCheck;

namespace Collaboration.Bot.Tests;

/// <summary>The chat commands that change one deal's details, as a rep types them in English and Chinese.</summary>
public sealed class DealEditCommandParserTests
{
    /// <summary>A Wednesday.</summary>
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static readonly MentionedPerson Priya = new("29:1priya", "6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", "Priya Raman", "<at>Priya Raman</at>");

    private static readonly MentionedPerson WangFang = new("29:1wang", null, "王芳", "<at>王芳</at>");

    private static BotCommand Parse(string text, params MentionedPerson[] mentions) =>
        CommandParser.Parse(text, new CommandContext(PipelineSettings.Default, Today, mentions));

    [Theory]
    [InlineData("Contoso amount 48000", 48_000, null)]
    [InlineData("Contoso amount 48k EUR", 48_000, "EUR")]
    [InlineData("Contoso amount: €48,000", 48_000, "EUR")]
    [InlineData("Contoso amount to $1.2m", 1_200_000, "USD")]
    [InlineData("Contoso value 48000 GBP", 48_000, "GBP")]
    [InlineData("Contoso 金额 4.8万", 48_000, null)]
    [InlineData("Contoso 金额 ¥48000", 48_000, "CNY")]
    [InlineData("Contoso 金额：48,000元", 48_000, "CNY")]
    [InlineData("Contoso金额改为 1.5亿 人民币", 150_000_000, "CNY")]
    [InlineData("Contoso 金额 RMB 4.8万", 48_000, "CNY")]
    public void AmountIsReadWithItsCurrencyInBothLanguages(string text, double amount, string? currency)
    {
        var command = Assert.IsType<SetAmountCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal((decimal)amount, command.Amount);
        Assert.Equal(currency, command.Currency);
    }

    [Fact]
    public void AnAmountThatIsNoNumberIsKeptToBeNamedInTheAnswer()
    {
        var command = Assert.IsType<SetAmountCommand>(Parse("Contoso amount about fifty"));
        Assert.Null(command.Amount);
        Assert.Equal("about fifty", command.AmountText);
    }

    [Fact]
    public void ADealNameHoldingAFieldWordIsReadUpToTheWordWhoseValueReads()
    {
        var command = Assert.IsType<SetAmountCommand>(Parse("Best Value Foods amount 5k"));
        Assert.Equal("Best Value Foods", command.DealName);
        Assert.Equal(5_000m, command.Amount);

        var chinese = Assert.IsType<SetAmountCommand>(Parse("高价值客户 金额 5万"));
        Assert.Equal("高价值客户", chinese.DealName);
        Assert.Equal(50_000m, chinese.Amount);
    }

    [Theory]
    [InlineData("Contoso close date 2027-01-31", "2027-01-31")]
    [InlineData("Contoso closes 2027/1/31", "2027-01-31")]
    [InlineData("Contoso closes next friday", "2026-12-04")]
    [InlineData("Contoso closes on friday", "2026-12-04")]
    [InlineData("Contoso close date end of month", "2026-12-31")]
    [InlineData("Contoso closes next quarter", "2027-03-31")]
    [InlineData("Contoso closing tomorrow", "2026-12-03")]
    [InlineData("Contoso 预计成交 下周五", "2026-12-11")]
    [InlineData("Contoso 预计成交日期 2027年1月31日", "2027-01-31")]
    [InlineData("Contoso 预计成交 月底", "2026-12-31")]
    [InlineData("Contoso 成交日期：下季度", "2027-03-31")]
    [InlineData("Contoso 预计成交时间 明天", "2026-12-03")]
    [InlineData("Contoso 预计成交 星期五", "2026-12-04")]
    public void CloseDateIsReadFromAbsoluteAndRelativeWords(string text, string expected)
    {
        var command = Assert.IsType<SetCloseDateCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), command.CloseDate);
    }

    [Fact]
    public void RelativeCloseDatesNeedTheRepsTodayButAbsoluteOnesDoNot()
    {
        var withoutToday = new CommandContext(PipelineSettings.Default, null, []);

        var relative = Assert.IsType<SetCloseDateCommand>(CommandParser.Parse("Contoso closes next friday", withoutToday));
        Assert.Null(relative.CloseDate);
        Assert.Equal("next friday", relative.DateText);

        var absolute = Assert.IsType<SetCloseDateCommand>(CommandParser.Parse("Contoso close date 2027-01-31", withoutToday));
        Assert.Equal(new DateOnly(2027, 1, 31), absolute.CloseDate);
    }

    [Theory]
    [InlineData("Contoso probability 60", 60)]
    [InlineData("Contoso probability 60%", 60)]
    [InlineData("Contoso win probability: 0", 0)]
    [InlineData("Contoso 赢率 60", 60)]
    [InlineData("Contoso 赢率 100%", 100)]
    [InlineData("Contoso 成交概率 百分之35", 35)]
    public void ProbabilityIsAWholePercentage(string text, int percent)
    {
        var command = Assert.IsType<SetProbabilityCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(percent, command.Percent);
        Assert.False(command.StageDefault);
    }

    [Theory]
    [InlineData("Contoso probability auto")]
    [InlineData("Contoso probability default")]
    [InlineData("Contoso 赢率 自动")]
    [InlineData("Contoso 赢率 默认")]
    public void ProbabilityGoesBackToTheStageDefault(string text)
    {
        var command = Assert.IsType<SetProbabilityCommand>(Parse(text));
        Assert.True(command.StageDefault);
        Assert.Null(command.Percent);
    }

    [Theory]
    [InlineData("Contoso probability 160")]
    [InlineData("Contoso probability high")]
    [InlineData("Contoso 赢率 很高")]
    public void AProbabilityOutsideZeroToHundredIsUnreadable(string text)
    {
        var command = Assert.IsType<SetProbabilityCommand>(Parse(text));
        Assert.False(command.IsReadable);
    }

    [Fact]
    public void WinRateReportsAreStillReports()
    {
        Assert.IsType<ReportCommand>(Parse("win rate my team"));
        Assert.IsType<ReportCommand>(Parse("我团队的赢率"));
    }

    [Theory]
    [InlineData("Contoso next step send pricing by friday", "send pricing", "2026-12-04")]
    [InlineData("Contoso next step: call Priya tomorrow", "call Priya tomorrow", null)]
    [InlineData("Contoso next step demo to the CFO on 2026-12-15", "demo to the CFO", "2026-12-15")]
    [InlineData("Contoso next step confirm the amount before end of month", "confirm the amount", "2026-12-31")]
    [InlineData("Contoso next step send pricing", "send pricing", null)]
    [InlineData("Contoso 下一步 周五前发报价", "发报价", "2026-12-04")]
    [InlineData("Contoso 下一步：下周五之前 确认金额", "确认金额", "2026-12-11")]
    [InlineData("Contoso 下一步 发报价，月底前", "发报价", "2026-12-31")]
    [InlineData("Contoso 下一步 明天拜访客户", "拜访客户", "2026-12-03")]
    [InlineData("Contoso 下一步 安排演示", "安排演示", null)]
    public void NextStepReadsTheStepAndItsDueDate(string text, string step, string? due)
    {
        var command = Assert.IsType<SetNextStepCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(step, command.Text);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), command.Due);
    }

    [Theory]
    [InlineData("Contoso contact priya@lumenfield.com")]
    [InlineData("Contoso contact Priya@Lumenfield.com")]
    [InlineData("Contoso primary contact: <a href=\"mailto:priya@lumenfield.com\">priya@lumenfield.com</a>")]
    [InlineData("Contoso 联系人 priya@lumenfield.com")]
    [InlineData("Contoso 主要联系人：priya@lumenfield.com")]
    public void PrimaryContactIsReadAsANormalizedEmail(string text)
    {
        var command = Assert.IsType<SetPrimaryContactCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal("priya@lumenfield.com", command.Email);
    }

    [Fact]
    public void AContactNamedWithoutAnEmailKeepsTheName()
    {
        var command = Assert.IsType<SetPrimaryContactCommand>(Parse("Contoso contact Priya Raman"));
        Assert.Null(command.Email);
        Assert.Equal("Priya Raman", command.ContactText);
    }

    [Theory]
    [InlineData("assign Contoso to <at>Priya Raman</at>")]
    [InlineData("reassign Contoso to <at>Priya  Raman</at>")]
    [InlineData("assign Contoso to @Priya Raman")]
    public void AssignTakesTheMentionedPersonsObjectId(string text)
    {
        var command = Assert.IsType<AssignDealCommand>(Parse(text, WangFang, Priya));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(Priya, command.Assignee);
        Assert.Equal("6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", command.Assignee!.AadObjectId);
    }

    [Theory]
    [InlineData("把 Contoso 分配给 <at>王芳</at>")]
    [InlineData("把Contoso分配给<at>王芳</at>")]
    [InlineData("将 Contoso 转交给 @王芳")]
    [InlineData("分配 Contoso 给 <at>王芳</at>")]
    public void AssignInChineseTakesTheMentionedPerson(string text)
    {
        var command = Assert.IsType<AssignDealCommand>(Parse(text, WangFang));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(WangFang, command.Assignee);
    }

    [Fact]
    public void ADealNameWithToIsAssignedToTheLastTo()
    {
        var command = Assert.IsType<AssignDealCommand>(Parse("assign Path to Cloud to <at>Priya Raman</at>", Priya));
        Assert.Equal("Path to Cloud", command.DealName);
        Assert.Equal(Priya, command.Assignee);
    }

    [Fact]
    public void AssigningToSomeoneNotMentionedNamesNobody()
    {
        var command = Assert.IsType<AssignDealCommand>(Parse("assign Contoso to Priya", Priya, WangFang));
        Assert.Null(command.Assignee);
        Assert.Equal("Priya", command.AssigneeText);
    }

    [Theory]
    [InlineData("rename Contoso to Contoso – 80 seats", "Contoso", "Contoso – 80 seats")]
    [InlineData("rename Contoso as Contoso EMEA rollout to 2027", "Contoso", "Contoso EMEA rollout to 2027")]
    [InlineData("把 Contoso 改名为 Contoso – 80席", "Contoso", "Contoso – 80席")]
    [InlineData("Contoso 重命名为 康托索 80席", "Contoso", "康托索 80席")]
    [InlineData("重命名 Contoso 为 康托索", "Contoso", "康托索")]
    public void RenameReadsTheOldAndNewName(string text, string deal, string newName)
    {
        var command = Assert.IsType<RenameDealCommand>(Parse(text));
        Assert.Equal(deal, command.DealName);
        Assert.Equal(newName, command.NewName);
    }

    [Theory]
    [InlineData("reopen Contoso", "Contoso", null)]
    [InlineData("Reopen Contoso: budget approved after all", "Contoso", "budget approved after all")]
    [InlineData("reopen Contoso because the CFO called back", "Contoso", "the CFO called back")]
    [InlineData("重新打开 Contoso", "Contoso", null)]
    [InlineData("重新打开 Contoso：客户重新有预算", "Contoso", "客户重新有预算")]
    [InlineData("重开 Contoso 因为客户回来了", "Contoso", "客户回来了")]
    public void ReopenReadsTheDealAndAnOptionalReason(string text, string deal, string? reason)
    {
        var command = Assert.IsType<ReopenDealCommand>(Parse(text));
        Assert.Equal(deal, command.DealName);
        Assert.Equal(reason, command.Reason);
    }

    [Theory]
    [InlineData("Contoso start plan standard", "standard")]
    [InlineData("Contoso start follow-up plan standard", "standard")]
    [InlineData("Contoso start plan", null)]
    [InlineData("Contoso 启动跟进计划 标准", "standard")]
    [InlineData("Contoso 开始计划", null)]
    public void StartPlanNamesThePlanOrLeavesTheDefault(string text, string? plan)
    {
        var command = Assert.IsType<StartFollowUpPlanCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(plan, command.Plan);
    }

    [Theory]
    [InlineData("Contoso stop plan")]
    [InlineData("Contoso stop the follow-up plan")]
    [InlineData("Contoso 停止跟进计划")]
    [InlineData("Contoso 停止计划")]
    public void StopPlanStopsTheDealsPlan(string text)
    {
        var command = Assert.IsType<StopFollowUpPlanCommand>(Parse(text));
        Assert.Equal("Contoso", command.DealName);
    }

    private static readonly Gen<string> GenDealName =
        Gen.OneOf("Contoso", "Fabrikam", "Lumenfield", "Northwind", "Path to Cloud", "80 seats", "华为云", "康托索", "Alpha-2", "O'Brien & Co")
            .Array[1, 3].Select(words => string.Join(' ', words));

    [Fact]
    public void AnyDealNameAndAmountReadBack()
    {
        Gen.Select(GenDealName, Gen.Long[0, 10_000_000_000L], Gen.OneOf(("amount", ""), ("amount", " EUR"), ("金额", "元"), ("金额", " USD"))).Sample((name, cents, form) =>
        {
            var value = cents / 100m;
            var text = $"{name} {form.Item1} {value.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)}{form.Item2}";
            var command = Assert.IsType<SetAmountCommand>(Parse(text));
            Assert.Equal(name, command.DealName);
            Assert.Equal(value, command.Amount);
        }, iter: 2000);
    }

    [Fact]
    public void AnyDealNameAndCloseDateReadBack()
    {
        Gen.Select(GenDealName, Gen.Date[new DateTime(2000, 1, 1), new DateTime(2100, 12, 31)], Gen.OneOf("close date", "closes", "预计成交")).Sample((name, day, keyword) =>
        {
            var date = DateOnly.FromDateTime(day);
            var command = Assert.IsType<SetCloseDateCommand>(Parse($"{name} {keyword} {date:yyyy-MM-dd}"));
            Assert.Equal(name, command.DealName);
            Assert.Equal(date, command.CloseDate);
        }, iter: 2000);
    }

    [Fact]
    public void EveryCatalogExampleReadsTheSameWithTheContextUnlessItEditsADeal()
    {
        string[] edits = ["amount", "closes", "probability", "next step", "contact", "assign", "rename", "reopen", "start plan"];
        foreach (var command in CommandCatalog.Commands)
        {
            foreach (var example in new[] { command.Example, command.ExampleZh })
            {
                if (edits.Contains(command.Title)) Assert.IsAssignableFrom<DealCommand>(Parse(example));
                else Assert.Equal(CommandParser.Parse(example), Parse(example));
            }
        }
    }

    [Theory]
    [InlineData("how do I change the amount")]
    [InlineData("what is the close date")]
    [InlineData("Contoso contact")]
    public void AFieldWordWithoutAValueChangesNothing(string text) => Assert.IsType<UnknownCommand>(Parse(text));

    [Fact]
    public void TheMessagesMentionsOtherThanTheBotAreTheCandidates()
    {
        var activity = new Activity
        {
            Text = "<at>CRM</at> assign Contoso to <at>Priya Raman</at> and <at>Wang</at>",
            Recipient = new ChannelAccount { Id = "28:bot", Name = "CRM" },
            Entities =
            [
                Entity("""{"type":"mention","text":"<at>CRM</at>","mentioned":{"id":"28:bot","name":"CRM"}}"""),
                Entity("""{"type":"mention","text":"<at>Priya Raman</at>","mentioned":{"id":"29:1priya","name":"Priya Raman","aadObjectId":"6F1C2A5E-0D7B-4C1E-9A53-2F1F0C3B8D11"}}"""),
                Entity("""{"type":"mention","text":"<at>Wang</at>","mentioned":{"id":"8:orgid:0b6f2f83-5a0e-4a7e-9c4e-4b2c1f5d9e77","name":"Wang"}}"""),
                Entity("""{"type":"clientInfo","timezone":"Asia/Shanghai"}"""),
            ],
        };

        var mentions = CommandContext.MentionsIn(activity);

        Assert.Equal(
            [
                new MentionedPerson("29:1priya", "6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", "Priya Raman", "<at>Priya Raman</at>"),
                new MentionedPerson("8:orgid:0b6f2f83-5a0e-4a7e-9c4e-4b2c1f5d9e77", "0b6f2f83-5a0e-4a7e-9c4e-4b2c1f5d9e77", "Wang", "<at>Wang</at>"),
            ],
            mentions);
        var command = Assert.IsType<AssignDealCommand>(CommandParser.Parse(activity.GetTextWithoutBotMention(), new CommandContext(PipelineSettings.Default, Today, mentions)));
        Assert.Equal("Contoso", command.DealName);
        Assert.Equal(mentions[0], command.Assignee);
    }

    [Fact]
    public void AMentionWithOnlyABotFrameworkIdLeavesTheObjectIdToBeLookedUp()
    {
        var activity = new Activity
        {
            Recipient = new ChannelAccount { Id = "28:bot", Name = "CRM" },
            Entities = [Entity("""{"type":"mention","text":"<at>Priya</at>","mentioned":{"id":"29:1priya","name":"Priya"}}""")],
        };

        var person = Assert.Single(CommandContext.MentionsIn(activity));
        Assert.Equal("29:1priya", person.UserId);
        Assert.Null(person.AadObjectId);
    }

    [Fact]
    public void TheContextsTodayIsTheRepsOwnDate()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 22, 30, 0, TimeSpan.Zero));
        var fromShanghai = new Activity { Entities = [Entity("""{"type":"clientInfo","timezone":"Asia/Shanghai"}""")] };
        var fromLosAngeles = new Activity { LocalTimezone = "America/Los_Angeles" };

        Assert.Equal(new DateOnly(2026, 12, 3), CommandContext.For(fromShanghai, PipelineSettings.Default, clock).Today);
        Assert.Equal(new DateOnly(2026, 12, 2), CommandContext.For(fromLosAngeles, PipelineSettings.Default, clock).Today);
        Assert.Equal(new DateOnly(2026, 12, 3), CommandContext.For(new Activity(), PipelineSettings.Default, clock, knownTimeZone: "Asia/Shanghai").Today);
    }

    private static JsonElement Entity(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

using Collaboration.Bot.Commands;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Texts;

namespace Collaboration.Bot.Tests;

public sealed class CommandParserTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("  help  ")]
    [InlineData("?")]
    [InlineData("帮助")]
    [InlineData("")]
    [InlineData("   ")]
    public void HelpWordsAskForHelp(string text) => Assert.IsType<HelpCommand>(CommandParser.Parse(text));

    [Theory]
    [InlineData("my deals")]
    [InlineData("My Deals")]
    [InlineData("deals")]
    [InlineData("我的商机")]
    [InlineData("商机列表")]
    public void MyDealsListsTheRepsDeals(string text) => Assert.IsType<MyDealsCommand>(CommandParser.Parse(text));

    [Fact]
    public void NewDealReadsNameAmountAndCloseDate()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("new deal Contoso 50 seats 120000 close 2026-12-31"));
        Assert.Equal("Contoso 50 seats", command.Name);
        Assert.Equal(120_000m, command.Amount);
        Assert.Equal(new DateOnly(2026, 12, 31), command.CloseDate);
        Assert.Null(command.ReferredBy);
    }

    [Fact]
    public void NewDealInChineseReadsWanAndTheCloseDate()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("新商机 Contoso 50席 12万 成交 2026-12-31"));
        Assert.Equal("Contoso 50席", command.Name);
        Assert.Equal(120_000m, command.Amount);
        Assert.Equal(new DateOnly(2026, 12, 31), command.CloseDate);
    }

    [Fact]
    public void NewDealWithAChineseDateAndFullWidthColon()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("新商机：华为云 1.5亿 截止 2027年3月1日"));
        Assert.Equal("华为云", command.Name);
        Assert.Equal(150_000_000m, command.Amount);
        Assert.Equal(new DateOnly(2027, 3, 1), command.CloseDate);
    }

    [Fact]
    public void NewDealReferredBySomeone()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("new deal Fabrikam rollout $80k referred by Wang Fang"));
        Assert.Equal("Fabrikam rollout", command.Name);
        Assert.Equal(80_000m, command.Amount);
        Assert.Equal("USD", command.Currency);
        Assert.Equal("Wang Fang", command.ReferredBy);
    }

    [Fact]
    public void NewDealReferredBySomeoneInChinese()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("新商机 华东项目 30万 推荐人 王芳"));
        Assert.Equal("华东项目", command.Name);
        Assert.Equal(300_000m, command.Amount);
        Assert.Equal("王芳", command.ReferredBy);
    }

    [Fact]
    public void NewDealWithOnlyANameHasNoAmount()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("new deal Northwind"));
        Assert.Equal("Northwind", command.Name);
        Assert.Null(command.Amount);
        Assert.Null(command.CloseDate);
    }

    [Fact]
    public void ALoneNumberIsANameNotAnAmount()
    {
        var command = Assert.IsType<NewDealCommand>(CommandParser.Parse("new deal 3M"));
        Assert.Equal("3M", command.Name);
        Assert.Null(command.Amount);
    }

    [Fact]
    public void NewDealWithoutANameIsNotUnderstood() => Assert.IsType<UnknownCommand>(CommandParser.Parse("new deal"));

    [Theory]
    [InlineData("show contoso", "contoso")]
    [InlineData("Show Contoso Ltd", "Contoso Ltd")]
    [InlineData("查看 contoso", "contoso")]
    [InlineData("查看contoso", "contoso")]
    [InlineData("open \"big deal\"", "big deal")]
    public void ShowNamesTheDeal(string text, string deal) =>
        Assert.Equal(deal, Assert.IsType<ShowDealCommand>(CommandParser.Parse(text)).DealName);

    [Theory]
    [InlineData("move contoso to proposal", "contoso", Stage.Proposal)]
    [InlineData("Move Contoso to Proposal", "Contoso", Stage.Proposal)]
    [InlineData("move contoso to negotiation", "contoso", Stage.Negotiation)]
    [InlineData("move go to market to contract", "go to market", Stage.Contract)]
    [InlineData("move contoso to closed won", "contoso", Stage.Won)]
    [InlineData("推进 contoso 到 方案", "contoso", Stage.Proposal)]
    [InlineData("推进contoso到谈判", "contoso", Stage.Negotiation)]
    [InlineData("推进 contoso 到 资格审核", "contoso", Stage.Qualify)]
    [InlineData("推进 contoso 到 培育", "contoso", Stage.Nurture)]
    [InlineData("推进 contoso 到 合同", "contoso", Stage.Contract)]
    public void MoveReadsTheStageInEitherLanguage(string text, string deal, Stage stage)
    {
        var command = Assert.IsType<MoveDealCommand>(CommandParser.Parse(text));
        Assert.Equal(deal, command.DealName);
        Assert.Equal(stage, command.Target);
    }

    [Fact]
    public void MoveReadsTheTenantsOwnStageNames()
    {
        var pipeline = PipelineSettings.Default with
        {
            Stages = PipelineSettings.Default.Stages.Select(s => s.Stage == Stage.Proposal ? s with { Name = "Quote sent", NameZh = "已报价" } : s).ToList(),
        };
        Assert.Equal(Stage.Proposal, Assert.IsType<MoveDealCommand>(CommandParser.Parse("move contoso to quote sent", pipeline)).Target);
        Assert.Equal(Stage.Proposal, Assert.IsType<MoveDealCommand>(CommandParser.Parse("推进 contoso 到 已报价", pipeline)).Target);
    }

    [Fact]
    public void MoveToAnUnknownStageKeepsTheWords()
    {
        var command = Assert.IsType<MoveDealCommand>(CommandParser.Parse("move contoso to heaven"));
        Assert.Null(command.Target);
        Assert.Equal("heaven", command.StageText);
    }

    [Theory]
    [InlineData("advance contoso", "contoso")]
    [InlineData("推进 contoso", "contoso")]
    [InlineData("下一阶段 contoso", "contoso")]
    public void AdvanceNamesTheDeal(string text, string deal) =>
        Assert.Equal(deal, Assert.IsType<AdvanceDealCommand>(CommandParser.Parse(text)).DealName);

    [Fact]
    public void BudgetWithKAndConfirmed()
    {
        var command = Assert.IsType<QualifyDealCommand>(CommandParser.Parse("contoso budget 120k confirmed"));
        Assert.Equal("contoso", command.DealName);
        Assert.Equal(120_000m, command.Update.BudgetAmount);
        Assert.Equal(BudgetStatus.WillBuy, command.Update.BudgetStatus);
    }

    [Fact]
    public void BudgetInChinese()
    {
        var command = Assert.IsType<QualifyDealCommand>(CommandParser.Parse("contoso 预算 12万 已确认"));
        Assert.Equal("contoso", command.DealName);
        Assert.Equal(120_000m, command.Update.BudgetAmount);
        Assert.Equal(BudgetStatus.WillBuy, command.Update.BudgetStatus);
    }

    [Fact]
    public void BudgetGluedToItsStatusInChinese()
    {
        var command = Assert.IsType<QualifyDealCommand>(CommandParser.Parse("华东项目预算12万已确认"));
        Assert.Equal("华东项目", command.DealName);
        Assert.Equal(120_000m, command.Update.BudgetAmount);
        Assert.Equal(BudgetStatus.WillBuy, command.Update.BudgetStatus);
    }

    [Theory]
    [InlineData("contoso budget may buy", BudgetStatus.MayBuy)]
    [InlineData("contoso budget can buy", BudgetStatus.CanBuy)]
    [InlineData("contoso budget none", BudgetStatus.NoCommittedBudget)]
    [InlineData("contoso 预算 待定", BudgetStatus.MayBuy)]
    [InlineData("contoso 预算 没有", BudgetStatus.NoCommittedBudget)]
    public void BudgetStatusWords(string text, BudgetStatus status) =>
        Assert.Equal(status, Assert.IsType<QualifyDealCommand>(CommandParser.Parse(text)).Update.BudgetStatus);

    [Theory]
    [InlineData("contoso decision maker Wang Fang", "contoso", "Wang Fang")]
    [InlineData("contoso decision-maker: Wang Fang", "contoso", "Wang Fang")]
    [InlineData("contoso 决策人 王芳", "contoso", "王芳")]
    [InlineData("contoso决策人王芳", "contoso", "王芳")]
    public void DecisionMaker(string text, string deal, string name)
    {
        var command = Assert.IsType<QualifyDealCommand>(CommandParser.Parse(text));
        Assert.Equal(deal, command.DealName);
        Assert.Equal(name, command.Update.DecisionMakerName);
        Assert.True(command.Update.DecisionMakerKnown);
    }

    [Theory]
    [InlineData("contoso need must have", NeedLevel.MustHave)]
    [InlineData("contoso need should have", NeedLevel.ShouldHave)]
    [InlineData("contoso need nice to have", NeedLevel.GoodToHave)]
    [InlineData("contoso need no need", NeedLevel.NoNeed)]
    [InlineData("contoso 需求 必须", NeedLevel.MustHave)]
    [InlineData("contoso 需求 锦上添花", NeedLevel.GoodToHave)]
    public void NeedLevels(string text, NeedLevel need) =>
        Assert.Equal(need, Assert.IsType<QualifyDealCommand>(CommandParser.Parse(text)).Update.Need);

    [Theory]
    [InlineData("contoso timeline this quarter", Timeframe.ThisQuarter)]
    [InlineData("contoso timeline next quarter", Timeframe.NextQuarter)]
    [InlineData("contoso timeline immediate", Timeframe.Immediate)]
    [InlineData("contoso timeline next year", Timeframe.NextYear)]
    [InlineData("contoso 时间 本季度", Timeframe.ThisQuarter)]
    [InlineData("contoso 时间表 下季度", Timeframe.NextQuarter)]
    [InlineData("contoso 时间 明年", Timeframe.NextYear)]
    public void Timelines(string text, Timeframe timeframe) =>
        Assert.Equal(timeframe, Assert.IsType<QualifyDealCommand>(CommandParser.Parse(text)).Update.Timeframe);

    [Fact]
    public void TimelineAsADate()
    {
        var command = Assert.IsType<QualifyDealCommand>(CommandParser.Parse("contoso timeline 2027-02-01"));
        Assert.Equal(new DateOnly(2027, 2, 1), command.Update.TargetDate);
    }

    [Fact]
    public void AQualificationWordWithoutAValueAsksForThePrompt() =>
        Assert.True(Assert.IsType<QualifyDealCommand>(CommandParser.Parse("contoso budget")).IsEmpty);

    [Theory]
    [InlineData("log call contoso: discussed pricing", InteractionKind.Call, "contoso", "discussed pricing")]
    [InlineData("log meeting Contoso Ltd: demo went well", InteractionKind.Meeting, "Contoso Ltd", "demo went well")]
    [InlineData("log contoso: sent brochure", InteractionKind.Note, "contoso", "sent brochure")]
    [InlineData("记录 电话 contoso：讨论价格", InteractionKind.Call, "contoso", "讨论价格")]
    [InlineData("记录会议 华东项目: 演示顺利", InteractionKind.Meeting, "华东项目", "演示顺利")]
    public void LogReadsKindDealAndText(string text, InteractionKind kind, string deal, string summary)
    {
        var command = Assert.IsType<LogInteractionCommand>(CommandParser.Parse(text));
        Assert.Equal(kind, command.Kind);
        Assert.Equal(deal, command.DealName);
        Assert.Equal(summary, command.Text);
    }

    [Theory]
    [InlineData("won contoso", "contoso")]
    [InlineData("Won Contoso Ltd", "Contoso Ltd")]
    [InlineData("赢单 contoso", "contoso")]
    [InlineData("赢单contoso", "contoso")]
    public void WonNamesTheDeal(string text, string deal) =>
        Assert.Equal(deal, Assert.IsType<WonCommand>(CommandParser.Parse(text)).DealName);

    [Fact]
    public void WonWithAFinalAmount()
    {
        var command = Assert.IsType<WonCommand>(CommandParser.Parse("won contoso 115k"));
        Assert.Equal("contoso", command.DealName);
        Assert.Equal(115_000m, command.Amount);
    }

    [Fact]
    public void WonderfulIsNotAWonCommand() => Assert.IsType<UnknownCommand>(CommandParser.Parse("wonderful day"));

    [Theory]
    [InlineData("lost contoso price", "contoso", "price", null)]
    [InlineData("lost contoso no budget", "contoso", "no budget", null)]
    [InlineData("lost contoso to Fabrikam", "contoso", "competitor", "Fabrikam")]
    [InlineData("输单 contoso 价格", "contoso", "price", null)]
    [InlineData("输单 华东项目 失去联系", "华东项目", "lost contact", null)]
    [InlineData("lost contoso", "contoso", null, null)]
    public void LostReadsReasonAndCompetitor(string text, string deal, string? reason, string? competitor)
    {
        var command = Assert.IsType<LostCommand>(CommandParser.Parse(text));
        Assert.Equal(deal, command.DealName);
        Assert.Equal(reason, command.Reason);
        Assert.Equal(competitor, command.Competitor);
    }

    [Theory]
    [InlineData("what's the weather")]
    [InlineData("hello")]
    [InlineData("你好")]
    public void AnythingElseIsUnknown(string text) => Assert.IsType<UnknownCommand>(CommandParser.Parse(text));

    [Fact]
    public void EveryCatalogExampleParsesToACommand()
    {
        foreach (var command in CommandCatalog.Commands)
        {
            Assert.IsNotType<UnknownCommand>(CommandParser.Parse(command.Example, CommandContext.Of(null)));
            Assert.IsNotType<UnknownCommand>(CommandParser.Parse(command.ExampleZh, CommandContext.Of(null)));
            Assert.InRange(command.Title.Length, 1, 32);
            Assert.InRange(command.Description.Length, 1, 128);
        }
    }
}

public sealed class AmountParserTests
{
    [Theory]
    [InlineData("120000", 120000, null)]
    [InlineData("120,000", 120000, null)]
    [InlineData("120k", 120000, null)]
    [InlineData("120K", 120000, null)]
    [InlineData("1.2m", 1200000, null)]
    [InlineData("1.2M", 1200000, null)]
    [InlineData("2bn", 2000000000, null)]
    [InlineData("12万", 120000, null)]
    [InlineData("1.5亿", 150000000, null)]
    [InlineData("3千", 3000, null)]
    [InlineData("$50k", 50000, "USD")]
    [InlineData("US$1,250.50", 1250.5, "USD")]
    [InlineData("€30k", 30000, "EUR")]
    [InlineData("£12", 12, "GBP")]
    [InlineData("¥30万", 300000, "CNY")]
    [InlineData("￥8000", 8000, "CNY")]
    [InlineData("80000元", 80000, "CNY")]
    [InlineData("5000 USD", 5000, "USD")]
    [InlineData("RMB 20万", 200000, "CNY")]
    public void ReadsAmounts(string text, double value, string? currency)
    {
        Assert.True(AmountParser.TryParse(text, out var amount));
        Assert.Equal((decimal)value, amount.Value);
        Assert.Equal(currency, amount.Currency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("seats")]
    [InlineData("50seats")]
    [InlineData("-5")]
    [InlineData("12..5")]
    public void RefusesWhatIsNotAnAmount(string text) => Assert.False(AmountParser.TryParse(text, out _));

    [Theory]
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("2026/1/5", 2026, 1, 5)]
    [InlineData("2026.03.01", 2026, 3, 1)]
    [InlineData("2026年12月31日", 2026, 12, 31)]
    public void ReadsDates(string text, int y, int m, int d)
    {
        Assert.True(DateParser.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("12/31/2026")]
    public void RefusesImpossibleOrAmbiguousDates(string text) => Assert.False(DateParser.TryParse(text, out _));
}

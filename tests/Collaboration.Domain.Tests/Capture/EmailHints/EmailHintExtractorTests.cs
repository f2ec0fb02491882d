using System.Text;
using Collaboration.Domain.Capture.EmailHints;
using Xunit;
// The record shares its name with its namespace; inside this test namespace the bare name means the namespace.

namespace Collaboration.Domain.Tests.Capture.EmailHints;

public sealed class EmailHintExtractorTests
{
    private static readonly DateOnly ReceivedOn = new(2025, 5, 12);

    [Theory]
    [InlineData("We have a budget of $120,000 for this.", 120_000, "USD")]
    [InlineData("Our budget is around 120k USD.", 120_000, "USD")]
    [InlineData("We can spend €45,000 on the rollout.", 45_000, "EUR")]
    [InlineData("We could spend £8.5k this year.", 8_500, "GBP")]
    [InlineData("The board approved USD 2.4 million.", 2_400_000, "USD")]
    [InlineData("Budget: RMB 500,000.", 500_000, "CNY")]
    [InlineData("The budget is 1.2M.", 1_200_000, "USD")]
    [InlineData("We've budgeted $1.2M.", 1_200_000, "USD")]
    [InlineData("预算大概 50 万人民币。", 500_000, "CNY")]
    [InlineData("报价 ¥80,000 可以接受。", 80_000, "CNY")]
    [InlineData("项目投入1.5亿。", 150_000_000, "CNY")]
    [InlineData("预算三十万。", 300_000, "CNY")]
    [InlineData("项目预算为人民币叁拾万元。", 300_000, "CNY")]
    public void ReadsBudgetAmountsInEveryNotation(string body, double amount, string currency)
    {
        var budget = EmailHintExtractor.Extract("", body, ReceivedOn).Budget;

        Assert.NotNull(budget);
        Assert.Equal((decimal)amount, budget.Amount);
        Assert.Equal(currency, budget.Currency);
    }

    [Fact]
    public void ChineseWanIsTenThousand()
    {
        var budget = EmailHintExtractor.Extract("采购", "我们的预算12万元。", ReceivedOn).Budget;

        Assert.Equal(new BudgetHint(120_000m, "CNY", "我们的预算12万元。"), budget);
    }

    [Fact]
    public void AmountsCarryNoTrailingZeros()
    {
        var budget = EmailHintExtractor.Extract("", "Our budget is $2.3m.", ReceivedOn).Budget;

        Assert.Equal("2300000", budget?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void BareAmountInChineseTextDefaultsToRenminbi()
    {
        var budget = EmailHintExtractor.Extract("", "预算200万。", ReceivedOn).Budget;

        Assert.Equal((2_000_000m, "CNY"), (budget?.Amount, budget?.Currency));
    }

    [Fact]
    public void PhoneNumberIsNotABudget()
    {
        const string body = "Budget questions? Call me.\n\nBest regards,\nJo Smith\nTel: +1 415 555 0134\nMobile: 138 1234 5678";

        Assert.Null(EmailHintExtractor.Extract("Hello", body, ReceivedOn).Budget);
    }

    [Theory]
    [InlineData("Our budget covers 50 seats.")]
    [InlineData("The budget grew 15% on order number 48213.")]
    [InlineData("Budget review for PO 4500012345 is done.")]
    [InlineData("We approved the budget in 2024.")]
    [InlineData("Our revenue is $3B.")]
    [InlineData("Our sales grew to $40 million last year.")]
    [InlineData("预算涉及 300 个账号。")]
    public void CountsIdsYearsAndRevenueAreNotBudgets(string body)
    {
        Assert.Null(EmailHintExtractor.Extract("", body, ReceivedOn).Budget);
    }

    [Fact]
    public void BudgetWordNearbyBeatsAnUnrelatedPrice()
    {
        const string body = "The list price is $45 per user. Separately, our budget is $60,000 for the year.";

        Assert.Equal(60_000m, EmailHintExtractor.Extract("", body, ReceivedOn).Budget?.Amount);
    }

    [Fact]
    public void QuotedHistoryIsIgnored()
    {
        const string body = """
            Thanks, we will get back to you.

            On Mon, May 5, 2025 at 9:00 AM Anna <anna@example.com> wrote:
            > Our budget is $500,000 and I'm the CEO. We must buy by end of Q3.
            """;

        Assert.True(EmailHintExtractor.Extract("Re: Proposal", body, ReceivedOn).IsEmpty);
    }

    [Fact]
    public void NewTextWinsOverOlderBudgetInQuotedHistory()
    {
        const string body = """
            Update: the budget is now $90,000.

            -----Original Message-----
            From: Anna
            Sent: Monday, May 5, 2025
            Subject: Budget

            Is the budget still $40,000?
            """;

        Assert.Equal(90_000m, EmailHintExtractor.Extract("RE: Budget", body, ReceivedOn).Budget?.Amount);
    }

    [Fact]
    public void ChineseReplyHeaderBlockIsIgnored()
    {
        const string body = "好的，收到。\n\n发件人: 安娜\n发送时间: 2025年5月1日\n主题: 预算\n\n预算50万，我来拍板。";

        Assert.True(EmailHintExtractor.Extract("回复: 预算", body, ReceivedOn).IsEmpty);
    }

    [Fact]
    public void ForwardedMessageFillsWhatTheNewTextLeavesOpen()
    {
        const string body = """
            Our budget is $10,000 on our side.

            Regards,
            Kim
            Sales Director

            ---------- Forwarded message ---------
            From: Customer <c@example.com>
            Subject: Plan

            Our budget is $99,000 and we need it live by end of Q3.

            Best,
            Lee
            CFO
            """;

        var hints = EmailHintExtractor.Extract("Fwd: Plan", body, ReceivedOn);

        Assert.Equal(10_000m, hints.Budget?.Amount);
        Assert.Equal(new DateOnly(2025, 9, 30), hints.Timeline?.TargetDate);
        Assert.Equal("CFO", hints.Authority?.Role);
    }

    [Theory]
    [InlineData("We need this by end of Q3.", "2025-09-30", TimeframeHint.NextQuarter)]
    [InlineData("We need this by end of Q1.", "2026-03-31", TimeframeHint.NextYear)]
    [InlineData("We want it before the end of the month.", "2025-05-31", TimeframeHint.ThisQuarter)]
    [InlineData("We'd like to start next month.", "2025-06-30", TimeframeHint.ThisQuarter)]
    [InlineData("We need it within 6 weeks.", "2025-06-23", TimeframeHint.ThisQuarter)]
    [InlineData("We need it within 8 weeks.", "2025-07-07", TimeframeHint.NextQuarter)]
    [InlineData("Go-live by March 15.", "2026-03-15", TimeframeHint.NextYear)]
    [InlineData("Deadline is 15 June.", "2025-06-15", TimeframeHint.ThisQuarter)]
    [InlineData("It must be live by 2027-03-31.", "2027-03-31", TimeframeHint.Unknown)]
    [InlineData("We plan to roll out this year.", "2025-12-31", TimeframeHint.ThisYear)]
    [InlineData("We plan to roll out next year.", "2026-12-31", TimeframeHint.NextYear)]
    [InlineData("We plan to roll out next quarter.", "2025-09-30", TimeframeHint.NextQuarter)]
    [InlineData("希望下个月底前上线。", "2025-06-30", TimeframeHint.ThisQuarter)]
    [InlineData("本季度完成选型。", "2025-06-30", TimeframeHint.ThisQuarter)]
    [InlineData("下季度实施。", "2025-09-30", TimeframeHint.NextQuarter)]
    [InlineData("年底前上线。", "2025-12-31", TimeframeHint.ThisYear)]
    [InlineData("三月底之前完成。", "2026-03-31", TimeframeHint.NextYear)]
    [InlineData("两周内启动。", "2025-05-26", TimeframeHint.Immediate)]
    [InlineData("希望在2025年8月1日前部署。", "2025-08-01", TimeframeHint.NextQuarter)]
    [InlineData("我们打算明年3月份上线。", "2026-03-31", TimeframeHint.NextYear)]
    public void ReadsTimelinesRelativeToTheReceivedDate(string body, string target, TimeframeHint timeframe)
    {
        var timeline = EmailHintExtractor.Extract("", body, ReceivedOn).Timeline;

        Assert.Equal((DateOnly.Parse(target, System.Globalization.CultureInfo.InvariantCulture), timeframe), (timeline?.TargetDate, timeline?.Timeframe));
    }

    [Theory]
    [InlineData("We need this ASAP.")]
    [InlineData("We urgently want to switch.")]
    [InlineData("请尽快安排实施。")]
    public void AsapIsImmediateWithoutADate(string body)
    {
        var timeline = EmailHintExtractor.Extract("", body, ReceivedOn).Timeline;

        Assert.Equal(new TimelineHint(null, TimeframeHint.Immediate, body), timeline);
    }

    [Theory]
    [InlineData("Please reply ASAP.")]
    [InlineData("请尽快回复。")]
    [InlineData("Can we schedule a call next month?")]
    public void ReplyRequestsAndMeetingsAreNotTimelines(string body)
    {
        Assert.Null(EmailHintExtractor.Extract("", body, ReceivedOn).Timeline);
    }

    [Theory]
    [InlineData("Hi,\nI'm the CTO here.\nThanks", "CTO", true)]
    [InlineData("As Head of Procurement I sign off on purchases.", "Head of Procurement", true)]
    [InlineData("I make the final decision.", "Unknown", true)]
    [InlineData("My manager will decide.", "Unknown", false)]
    [InlineData("Looks good.\n\nBest regards,\nAmy Lee\nChief Financial Officer\nContoso", "CFO", true)]
    [InlineData("Looks good.\n\nRegards,\nTim\nProcurement Manager", "Procurement Manager", false)]
    [InlineData("我是这个项目的负责人。", "这个项目的负责人", true)]
    [InlineData("我是采购经理，需要领导审批。", "采购经理", false)]
    [InlineData("好的。\n\n谢谢\n张伟\n董事长", "董事长", true)]
    [InlineData("这个事情我负责决策。", "Unknown", true)]
    [InlineData("我是公司的CEO。", "CEO", true)]
    public void ReadsAuthority(string body, string role, bool isDecisionMaker)
    {
        var authority = EmailHintExtractor.Extract("", body, ReceivedOn).Authority;

        Assert.Equal((role, isDecisionMaker), (authority?.Role, authority?.IsDecisionMaker));
    }

    [Theory]
    [InlineData("I spoke to our CEO about it yesterday and she liked it.")]
    [InlineData("We want reports such as CEO dashboards and pipeline views.")]
    [InlineData("I am the CEO's assistant and will pass this on to her.")]
    public void ThirdPartyTitleInTheBodyIsNotTheSendersRole(string body)
    {
        var hints = EmailHintExtractor.Extract("", body, ReceivedOn);

        Assert.Null(hints.Authority);
    }

    [Theory]
    [InlineData("We must replace our CRM.", NeedLevelHint.MustHave)]
    [InlineData("There is an urgent need for a new system.", NeedLevelHint.MustHave)]
    [InlineData("This is critical for us.", NeedLevelHint.MustHave)]
    [InlineData("We need a better CRM.", NeedLevelHint.ShouldHave)]
    [InlineData("Reporting would be nice to have.", NeedLevelHint.GoodToHave)]
    [InlineData("It is not critical.", NeedLevelHint.GoodToHave)]
    [InlineData("We're just exploring.", NeedLevelHint.NoNeed)]
    [InlineData("我们必须更换系统。", NeedLevelHint.MustHave)]
    [InlineData("急需一套CRM。", NeedLevelHint.MustHave)]
    [InlineData("这个功能不是必须的。", NeedLevelHint.GoodToHave)]
    [InlineData("先了解一下。", NeedLevelHint.NoNeed)]
    public void ReadsNeedLevel(string body, NeedLevelHint level)
    {
        Assert.Equal(level, EmailHintExtractor.Extract("", body, ReceivedOn).Need?.Level);
    }

    [Theory]
    [InlineData("The budget has been approved.", BudgetStatusHint.CanBuy)]
    [InlineData("We have no budget yet.", BudgetStatusHint.NoCommittedBudget)]
    [InlineData("The budget is not yet approved.", BudgetStatusHint.MayBuy)]
    [InlineData("We are ready to sign.", BudgetStatusHint.WillBuy)]
    [InlineData("预算已批。", BudgetStatusHint.CanBuy)]
    [InlineData("我们还没有预算。", BudgetStatusHint.NoCommittedBudget)]
    [InlineData("预算还没批下来。", BudgetStatusHint.MayBuy)]
    [InlineData("Hello there.", BudgetStatusHint.Unknown)]
    public void ReadsBudgetStatus(string body, BudgetStatusHint status)
    {
        Assert.Equal(status, EmailHintExtractor.Extract("", body, ReceivedOn).BudgetStatus);
    }

    [Fact]
    public void SubjectLineCounts()
    {
        var hints = EmailHintExtractor.Extract("RE: Budget approved: $50,000", "See you tomorrow.", ReceivedOn);

        Assert.Equal(50_000m, hints.Budget?.Amount);
        Assert.Equal(BudgetStatusHint.CanBuy, hints.BudgetStatus);
    }

    [Fact]
    public void FiveMegabyteBodyReturnsQuickly()
    {
        var body = new StringBuilder("Our budget is $75,000 and we need it by end of Q3.\n");
        var filler = "Lorem ipsum 12,345 dolor 2025-01-01 sit amet $3 +1 555 0100 budget approved 预算 万 ";
        while (body.Length < 5 * 1024 * 1024)
        {
            body.Append(filler);
        }

        var hints = EmailHintExtractor.Extract("Big", body.ToString(), ReceivedOn);

        Assert.Equal(75_000m, hints.Budget?.Amount);
        Assert.Equal(new DateOnly(2025, 9, 30), hints.Timeline?.TargetDate);
    }

    [Fact]
    public void HugeSingleLineOfDigitsDoesNotBlowUp()
    {
        var body = "budget " + new string('9', 5_000_000);

        Assert.Null(EmailHintExtractor.Extract("", body, ReceivedOn).Budget);
    }

    [Fact]
    public void NullAndEmptyInputsGiveEmptyHints()
    {
        Assert.True(EmailHintExtractor.Extract(null!, null!, ReceivedOn).IsEmpty);
        Assert.True(EmailHintExtractor.Extract("", "", ReceivedOn).IsEmpty);
        Assert.True(ExtractedHints.Empty.IsEmpty);
    }

    [Fact]
    public void ExtremeReceivedDatesNeverThrow()
    {
        const string body = "We need it next year, within 12 months, next month, next quarter, by December 31 and by end of Q4.";

        var atTheEnd = EmailHintExtractor.Extract("", body, DateOnly.MaxValue);
        var atTheStart = EmailHintExtractor.Extract("", body, DateOnly.MinValue);

        Assert.NotNull(atTheStart.Timeline);
        Assert.NotNull(atTheEnd);
    }

    [Fact]
    public void BinaryGarbageNeverThrows()
    {
        var random = new Random(20250512);
        for (var round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(0, 4_000)];
            for (var index = 0; index < chars.Length; index++)
            {
                chars[index] = (char)random.Next(0, 0x10000);
            }

            var text = new string(chars);
            var hints = EmailHintExtractor.Extract(text, text, ReceivedOn);

            Assert.NotNull(hints);
        }
    }
}

public class ExtractedHintsToQualificationTests
{
    [Fact]
    public void HintsPrefillTheQualificationWithTheSenderAsDecisionMaker()
    {
        var hints = EmailHintExtractor.Extract("Pricing", "We have a budget of $120,000 approved. I'm the CTO and we must replace our CRM by end of Q3.", new DateOnly(2026, 5, 10));
        var update = hints.ToQualification("Sarah Chen");
        Assert.NotNull(update);
        Assert.Equal(120_000m, update.BudgetAmount);
        Assert.Equal("USD", update.BudgetCurrency);
        Assert.Equal("Sarah Chen", update.DecisionMakerName);
        Assert.Equal(Collaboration.Domain.Qualification.NeedLevel.MustHave, update.Need);
        Assert.Equal(new DateOnly(2026, 9, 30), update.TargetDate);
    }

    [Fact]
    public void AnEmailWithoutHintsPrefillsNothing() =>
        Assert.Null(EmailHintExtractor.Extract("Hello", "Thanks for the call yesterday.", new DateOnly(2026, 5, 10)).ToQualification("X"));
}

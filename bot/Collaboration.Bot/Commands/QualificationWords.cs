using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;

/// <summary>BANT answers in either language, as the rep types them: "approved", "已确认", "must have", "下季度"…</summary>
internal static class QualificationWords
{
    internal static BudgetStatus? BudgetStatusOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "no budget", "not committed", "none", "no committed", "没有", "无预算", "未承诺", "无")) return BudgetStatus.NoCommittedBudget;
        if (Has(t, "may buy", "maybe", "possible", "pending", "tbd", "可能", "待定", "待批")) return BudgetStatus.MayBuy;
        if (Has(t, "can buy", "available", "allocated", "has budget", "可购买", "已分配", "有预算", "可以买")) return BudgetStatus.CanBuy;
        if (Has(t, "confirmed", "approved", "committed", "will buy", "signed off", "已确认", "确认", "已批准", "批准", "会买")) return BudgetStatus.WillBuy;
        return null;
    }

    internal static NeedLevel? NeedOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "no need", "none", "not needed", "不需要", "无需求", "没有需求")) return NeedLevel.NoNeed;
        if (Has(t, "must", "critical", "essential", "必须", "必需", "刚需", "关键")) return NeedLevel.MustHave;
        if (Has(t, "should", "important", "应该", "重要")) return NeedLevel.ShouldHave;
        if (Has(t, "good to have", "nice", "could", "optional", "最好有", "锦上添花", "可有可无", "可选")) return NeedLevel.GoodToHave;
        return null;
    }

    internal static Timeframe? TimeframeOf(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return null;
        if (Has(t, "next quarter", "下季度", "下个季度", "下一季度")) return Timeframe.NextQuarter;
        if (Has(t, "this quarter", "本季度", "这个季度", "这季度")) return Timeframe.ThisQuarter;
        if (Has(t, "next year", "明年")) return Timeframe.NextYear;
        if (Has(t, "this year", "今年", "本年")) return Timeframe.ThisYear;
        if (Has(t, "immediate", "now", "asap", "this month", "立即", "马上", "立刻", "本月", "尽快")) return Timeframe.Immediate;
        return null;
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}

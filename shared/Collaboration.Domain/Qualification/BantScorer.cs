namespace Collaboration.Domain.Qualification;

public enum BantItem
{
    Budget,
    Authority,
    Need,
    Timeline,
}

public enum Rating
{
    Cold,
    Warm,
    Hot,
}

/// <summary>How many of the 100 points each BANT item can give; a tenant setting.</summary>
public sealed record BantWeights(int Budget, int Authority, int Need, int Timeline)
{
    public static BantWeights Default { get; } = new(30, 25, 25, 20);

    public bool IsValid => Budget >= 0 && Authority >= 0 && Need >= 0 && Timeline >= 0 && Budget + Authority + Need + Timeline == 100;

    public int For(BantItem item) => item switch
    {
        BantItem.Budget => Budget,
        BantItem.Authority => Authority,
        BantItem.Need => Need,
        _ => Timeline,
    };
}

/// <summary>One line of the explanation: how much an item earned of what it could, and why.</summary>
public sealed record BantScorePart(BantItem Item, double Points, int MaxPoints, string Reason);

/// <summary>
/// A score from 0 to 100 that explains itself. <see cref="Gaps"/> lists the term keys of what is missing
/// (budget_amount, budget_status, decision_maker, need, timeline); the qualification prompts are built from it.
/// </summary>
public sealed record BantScore(int Total, Rating Rating, IReadOnlyList<BantScorePart> Parts, IReadOnlyList<string> Gaps);

public static class BantScorer
{
    public const int HotFrom = 70;
    public const int WarmFrom = 40;

    public static BantScore Score(Bant bant, BantWeights weights, DateOnly today)
    {
        var budget = BudgetFraction(bant);
        var authority = bant.HasDecisionMaker ? 1.0 : 0.0;
        var need = NeedFraction(bant.Need);
        var timeline = TimelineFraction(bant, today);

        var parts = new List<BantScorePart>
        {
            Part(BantItem.Budget, budget, weights, bant.BudgetAmount is null ? $"status {bant.BudgetStatus}" : $"amount known, status {bant.BudgetStatus}"),
            Part(BantItem.Authority, authority, weights, bant.HasDecisionMaker ? "decision maker known" : "decision maker unknown"),
            Part(BantItem.Need, need, weights, $"need {bant.Need}"),
            Part(BantItem.Timeline, timeline, weights, bant.TargetDate is { } d ? $"target {d:yyyy-MM-dd}" : $"timeframe {bant.Timeframe}"),
        };
        var total = (int)Math.Round(parts.Sum(p => p.Points), MidpointRounding.AwayFromZero);
        total = Math.Clamp(total, 0, 100);

        var gaps = new List<string>();
        if (bant.BudgetAmount is null) gaps.Add("budget_amount");
        if (bant.BudgetStatus == BudgetStatus.Unknown) gaps.Add("budget_status");
        if (!bant.HasDecisionMaker) gaps.Add("decision_maker");
        if (bant.Need == NeedLevel.Unknown) gaps.Add("need");
        if (bant.Timeframe == Timeframe.Unknown && bant.TargetDate is null) gaps.Add("timeline");

        var rating = total >= HotFrom ? Rating.Hot : total >= WarmFrom ? Rating.Warm : Rating.Cold;
        return new BantScore(total, rating, parts, gaps);
    }

    private static BantScorePart Part(BantItem item, double fraction, BantWeights weights, string reason) =>
        new(item, fraction * weights.For(item), weights.For(item), reason);

    private static double BudgetFraction(Bant bant)
    {
        var amount = bant.BudgetAmount is > 0 ? 0.4 : 0.0;
        var status = bant.BudgetStatus switch
        {
            BudgetStatus.WillBuy => 0.6,
            BudgetStatus.CanBuy => 0.45,
            BudgetStatus.MayBuy => 0.25,
            _ => 0.0,
        };
        return amount + status;
    }

    private static double NeedFraction(NeedLevel need) => need switch
    {
        NeedLevel.MustHave => 1.0,
        NeedLevel.ShouldHave => 0.7,
        NeedLevel.GoodToHave => 0.4,
        _ => 0.0,
    };

    private static double TimelineFraction(Bant bant, DateOnly today)
    {
        var fromTimeframe = TimeframeFraction(bant.Timeframe);
        var fromDate = bant.TargetDate is { } date ? TimeframeFraction(TimeframeOf(date, today)) : 0.0;
        return Math.Max(fromTimeframe, fromDate);
    }

    private static double TimeframeFraction(Timeframe timeframe) => timeframe switch
    {
        Timeframe.Immediate => 1.0,
        Timeframe.ThisQuarter => 0.85,
        Timeframe.NextQuarter => 0.65,
        Timeframe.ThisYear => 0.45,
        Timeframe.NextYear => 0.25,
        _ => 0.0,
    };

    /// <summary>A target date read as a timeframe; a date already past still says the buyer has a timeline.</summary>
    public static Timeframe TimeframeOf(DateOnly target, DateOnly today)
    {
        var days = target.DayNumber - today.DayNumber;
        if (days <= 30) return Timeframe.Immediate;
        var quarterOfToday = (today.Month - 1) / 3;
        var quarterIndex = (target.Year - today.Year) * 4 + (target.Month - 1) / 3 - quarterOfToday;
        return quarterIndex switch
        {
            <= 0 => Timeframe.ThisQuarter,
            1 => Timeframe.NextQuarter,
            _ when target.Year == today.Year => Timeframe.ThisYear,
            _ => Timeframe.NextYear,
        };
    }
}

using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests;

public class BantScorerTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void NothingKnownScoresZeroColdWithEveryGap()
    {
        var score = BantScorer.Score(Bant.Empty, BantWeights.Default, Today);
        Assert.Equal(0, score.Total);
        Assert.Equal(Rating.Cold, score.Rating);
        Assert.Equal(["budget_amount", "budget_status", "decision_maker", "need", "timeline"], score.Gaps);
    }

    [Fact]
    public void EverythingAtBestScoresHundredHotWithNoGaps()
    {
        var best = new Bant
        {
            BudgetAmount = 1m,
            BudgetStatus = BudgetStatus.WillBuy,
            DecisionMakerKnown = true,
            Need = NeedLevel.MustHave,
            Timeframe = Timeframe.Immediate,
        };
        var score = BantScorer.Score(best, BantWeights.Default, Today);
        Assert.Equal(100, score.Total);
        Assert.Equal(Rating.Hot, score.Rating);
        Assert.Empty(score.Gaps);
    }

    [Fact]
    public void TheScoreExplainsItselfPerItem()
    {
        var score = BantScorer.Score(new Bant { Need = NeedLevel.MustHave, DecisionMakerName = "Wang Fang" }, BantWeights.Default, Today);
        Assert.Equal(4, score.Parts.Count);
        Assert.Equal(25, score.Parts.Single(p => p.Item == BantItem.Need).Points);
        Assert.Equal(25, score.Parts.Single(p => p.Item == BantItem.Authority).Points);
        Assert.Equal(0, score.Parts.Single(p => p.Item == BantItem.Budget).Points);
        Assert.Equal(50, score.Total);
        Assert.Equal(Rating.Warm, score.Rating);
        Assert.Equal(score.Total, (int)Math.Round(score.Parts.Sum(p => p.Points)));
    }

    [Fact]
    public void TenantWeightsChangeTheScore()
    {
        var needOnly = new BantWeights(0, 0, 100, 0);
        var score = BantScorer.Score(new Bant { Need = NeedLevel.MustHave }, needOnly, Today);
        Assert.Equal(100, score.Total);
        Assert.False(new BantWeights(50, 50, 50, 0).IsValid);
    }

    [Fact]
    public void ATargetDateCountsAsATimeline()
    {
        var soon = BantScorer.Score(new Bant { TargetDate = Today.AddDays(10) }, BantWeights.Default, Today);
        var later = BantScorer.Score(new Bant { TargetDate = Today.AddDays(400) }, BantWeights.Default, Today);
        Assert.DoesNotContain("timeline", soon.Gaps);
        Assert.True(soon.Total > later.Total);
        Assert.Equal(Timeframe.Immediate, BantScorer.TimeframeOf(Today.AddDays(10), Today));
        Assert.Equal(Timeframe.NextQuarter, BantScorer.TimeframeOf(new DateOnly(2027, 2, 15), Today));
        Assert.Equal(Timeframe.NextYear, BantScorer.TimeframeOf(new DateOnly(2027, 9, 1), Today));
    }
}

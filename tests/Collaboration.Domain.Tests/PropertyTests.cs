using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using CsCheck;

namespace Collaboration.Domain.Tests;

public class PropertyTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Deals.Now.UtcDateTime);

    private static readonly Gen<Bant> GenBant =
        from amount in Gen.Decimal[0m, 1_000_000m].Nullable()
        from status in Gen.Enum<BudgetStatus>()
        from dm in Gen.Bool
        from need in Gen.Enum<NeedLevel>()
        from timeframe in Gen.Enum<Timeframe>()
        from days in Gen.Int[-30, 800].Nullable()
        select new Bant
        {
            BudgetAmount = amount,
            BudgetStatus = status,
            DecisionMakerKnown = dm,
            Need = need,
            Timeframe = timeframe,
            TargetDate = days is { } d ? Today.AddDays(d) : null,
        };

    private static readonly Gen<BantWeights> GenWeights =
        from a in Gen.Int[0, 100]
        from b in Gen.Int[0, 100 - a]
        from c in Gen.Int[0, 100 - a - b]
        select new BantWeights(a, b, c, 100 - a - b - c);

    [Fact]
    public void TheBantScoreIsMonotoneInEachFilledItem()
    {
        Gen.Select(GenBant, GenWeights).Sample((bant, weights) =>
        {
            var before = BantScorer.Score(bant, weights, Today).Total;
            Assert.InRange(before, 0, 100);
            foreach (var filled in Improvements(bant))
            {
                var after = BantScorer.Score(filled, weights, Today).Total;
                Assert.True(after >= before, $"{bant} -> {filled}: {before} -> {after}");
            }
        }, iter: 3000);
    }

    private static IEnumerable<Bant> Improvements(Bant bant)
    {
        if (bant.BudgetAmount is null) yield return bant with { BudgetAmount = 10_000m };
        foreach (var status in Enum.GetValues<BudgetStatus>().Where(s => s > bant.BudgetStatus)) yield return bant with { BudgetStatus = status };
        if (!bant.HasDecisionMaker) yield return bant with { DecisionMakerName = "Wang Fang" };
        foreach (var need in Enum.GetValues<NeedLevel>().Where(n => n > bant.Need)) yield return bant with { Need = need };
        foreach (var tf in Enum.GetValues<Timeframe>().Where(t => t > bant.Timeframe)) yield return bant with { Timeframe = tf };
        if (bant.TargetDate is null) yield return bant with { TargetDate = Today.AddDays(45) };
    }

    private abstract record Op;
    private sealed record Move(Stage Target, string? Override, string? LossReason) : Op;
    private sealed record Won(decimal? Amount, bool WithDate, string? Override) : Op;
    private sealed record Lost(string? Reason) : Op;
    private sealed record Reopen(Stage Target, string? Override) : Op;
    private sealed record Qualify(Bant Bant) : Op;
    private sealed record Probability(int? Value) : Op;
    private sealed record Amount(decimal? Value) : Op;

    private static readonly Gen<string?> GenReason = Gen.OneOf<string?>(null, "price", "Competitor", "made up", " ");

    private static readonly Gen<Op> GenOp = Gen.OneOf<Op>(
        Gen.Select(Gen.Enum<Stage>(), Gen.OneOf<string?>(null, "renewal", "  "), GenReason, (s, o, r) => new Move(s, o, r)),
        Gen.Select(Gen.Decimal[0m, 500_000m].Nullable(), Gen.Bool, Gen.OneOf<string?>(null, "renewal"), (a, d, o) => new Won(a, d, o)),
        GenReason.Select(r => (Op)new Lost(r)),
        Gen.Select(Gen.Enum<Stage>(), Gen.OneOf<string?>(null, "renewal"), (s, o) => (Op)new Reopen(s, o)),
        GenBant.Select(b => (Op)new Qualify(b)),
        Gen.Int[-5, 105].Nullable().Select(p => (Op)new Probability(p)),
        Gen.Decimal[-10m, 500_000m].Nullable().Select(a => (Op)new Amount(a)));

    [Fact]
    public void NoSequenceOfOperationsReachesAnInvalidState()
    {
        var pipeline = PipelineSettings.Default;
        GenOp.Array[1, 40].Sample(ops =>
        {
            var deal = Opportunity.Capture("t", "Deal", "rep", pipeline, Deals.By());
            var minute = 0;
            foreach (var op in ops)
            {
                var before = Snapshot(deal);
                var changesBefore = deal.PendingChanges.Count;
                var stageBefore = deal.Stage;
                var stageBeforeClose = deal.StageBeforeClose;
                var scoreBefore = deal.ScoreQualification(pipeline, Today).Total;
                var context = Deals.By(minutesLater: ++minute);
                try
                {
                    Apply(deal, op, pipeline, context);
                }
                catch (DomainException)
                {
                    Assert.Equal(before, Snapshot(deal));
                    Assert.Equal(changesBefore, deal.PendingChanges.Count);
                    continue;
                }
                var effectiveFrom = op is Reopen ? stageBeforeClose ?? Stage.New : stageBefore;
                if (deal.Stage.IsBeyondQualify() && !effectiveFrom.IsBeyondQualify())
                {
                    var overridden = op switch { Move m => m.Override, Won w => w.Override, Reopen r => r.Override, _ => null };
                    Assert.True(scoreBefore >= pipeline.QualificationThreshold || !string.IsNullOrWhiteSpace(overridden),
                        $"{stageBefore} -> {deal.Stage} with score {scoreBefore} and no override");
                }
                AssertValid(deal, pipeline);
            }
        }, iter: 2000);
    }

    private static void Apply(Opportunity deal, Op op, PipelineSettings pipeline, ChangeContext context)
    {
        switch (op)
        {
            case Move m: deal.MoveTo(m.Target, pipeline, context, m.Override, m.LossReason); break;
            case Won w: deal.CloseWon(w.Amount, w.WithDate ? new DateOnly(2027, 1, 1) : null, pipeline, context, w.Override); break;
            case Lost l: deal.CloseLost(l.Reason, null, pipeline, context); break;
            case Reopen r: deal.Reopen(r.Target, pipeline, context, r.Override); break;
            case Qualify q: deal.UpdateQualification(q.Bant.AsUpdate(), pipeline, context); break;
            case Probability p: deal.SetManualProbability(p.Value, pipeline, context); break;
            case Amount a: deal.ChangeAmount(a.Value, null, context); break;
        }
    }

    private static void AssertValid(Opportunity deal, PipelineSettings pipeline)
    {
        Assert.InRange(deal.Probability, 0, 100);
        Assert.True(deal.Amount is null or >= 0);
        var lastStage = deal.PendingChanges.Last(c => c.Field == ChangedField.Stage);
        Assert.Equal(deal.Stage.Key(), lastStage.NewValue);
        switch (deal.Stage)
        {
            case Stage.Won:
                Assert.NotNull(deal.Amount);
                Assert.NotNull(deal.CloseDate);
                Assert.NotNull(deal.ClosedAt);
                Assert.Equal(100, deal.Probability);
                break;
            case Stage.Lost:
                Assert.Contains(deal.LossReason, pipeline.LossReasons);
                Assert.NotNull(deal.ClosedAt);
                Assert.Equal(0, deal.Probability);
                break;
            default:
                Assert.Null(deal.ClosedAt);
                Assert.Null(deal.LossReason);
                Assert.Equal(deal.ManualProbability ?? pipeline.For(deal.Stage).Probability, deal.Probability);
                break;
        }
    }

    private static string Snapshot(Opportunity d) =>
        $"{d.Stage}|{d.Amount}|{d.CloseDate}|{d.Probability}|{d.ManualProbability}|{d.Bant}|{d.QualificationScore}|{d.LossReason}|{d.ClosedAt}|{d.OwnerId}|{d.PendingEvents.Count}";
}

using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests;

public class OpportunityStageTests
{
    [Fact]
    public void CapturedDealStartsInNewWithTheStageProbability()
    {
        var deal = Deals.New();
        Assert.Equal(Stage.New, deal.Stage);
        Assert.Equal(Phase.Capture, deal.Stage.PhaseOf());
        Assert.Equal(5, deal.Probability);
        Assert.Contains(deal.PendingChanges, c => c.Field == ChangedField.Stage && c.OldValue == null && c.NewValue == "new");
    }

    [Fact]
    public void LeavingQualifyWithALowScoreIsRefusedNamingWhatIsMissing()
    {
        var deal = Deals.New();
        deal.MoveTo(Stage.Qualify, Deals.Pipeline, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Nurture, Deals.Pipeline, Deals.By()));
        Assert.Equal("bant_below_threshold", error.Error.Code);
        Assert.Contains("budget amount", error.Error.Describe("en"));
        Assert.Contains("decision maker", error.Error.Describe("en"));
        Assert.Contains("决策人", error.Error.Describe("zh-CN"));
        Assert.Equal(Stage.Qualify, deal.Stage);
    }

    [Fact]
    public void SkippingQualifyIsHeldToTheSameBar()
    {
        var deal = Deals.New(amount: 1000m);
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By()));
        Assert.Equal("bant_below_threshold", error.Error.Code);
    }

    [Fact]
    public void LeavingQualifyWithAQualifiedScoreMoves()
    {
        var deal = Deals.InQualify();
        deal.MoveTo(Stage.Nurture, Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Nurture, deal.Stage);
        Assert.Equal(20, deal.Probability);
    }

    [Fact]
    public void AnOverrideWithAReasonLetsAnUnqualifiedDealLeaveQualify()
    {
        var deal = Deals.New();
        deal.MoveTo(Stage.Qualify, Deals.Pipeline, Deals.By());
        deal.MoveTo(Stage.Nurture, Deals.Pipeline, Deals.By(), overrideReason: "Existing customer, renewal");
        Assert.Equal(Stage.Nurture, deal.Stage);
        Assert.Equal("Existing customer, renewal", deal.QualificationOverrideReason);
        Assert.Contains(deal.PendingEvents.OfType<StageChanged>(), e => e.To == Stage.Nurture && e.OverrideReason == "Existing customer, renewal");
    }

    [Fact]
    public void AnOverrideWithABlankReasonIsRefused()
    {
        var deal = Deals.New();
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Nurture, Deals.Pipeline, Deals.By(), overrideReason: "  "));
        Assert.Equal("override_reason_required", error.Error.Code);
    }

    [Fact]
    public void ExitCriteriaOfTheCurrentStageBlockAForwardMove()
    {
        var deal = Deals.New(bant: Deals.Qualified);
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Negotiation, Deals.Pipeline, Deals.By()));
        Assert.Equal("exit_criteria_unmet", error.Error.Code);
        Assert.Contains("amount", error.Error.Describe());
    }

    [Fact]
    public void MovingBackDoesNotCheckExitCriteria()
    {
        var deal = Deals.InQualify();
        deal.MoveTo(Stage.Negotiation, Deals.Pipeline, Deals.By());
        deal.ChangeAmount(null, null, Deals.By());
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Proposal, deal.Stage);
    }

    [Fact]
    public void WonNeedsAmountAndCloseDate()
    {
        var deal = Deals.New(bant: Deals.Qualified);
        deal.MoveTo(Stage.Qualify, Deals.Pipeline, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.CloseWon(null, null, Deals.Pipeline, Deals.By()));
        Assert.Equal("won_requires", error.Error.Code);
        Assert.Contains("amount", error.Error.Describe());
        Assert.Contains("close date", error.Error.Describe());
        Assert.Contains("预计成交日期", error.Error.Describe("zh-Hans"));
    }

    [Fact]
    public void WonSettlesTheDealAndRaisesDealClosed()
    {
        var deal = Deals.InQualify();
        deal.CloseWon(150_000m, new DateOnly(2026, 12, 1), Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Won, deal.Stage);
        Assert.Equal(100, deal.Probability);
        Assert.Equal(150_000m, deal.Amount);
        Assert.NotNull(deal.ClosedAt);
        Assert.Contains(deal.PendingEvents.OfType<DealClosed>(), e => e.Won && e.Amount == 150_000m);
    }

    [Fact]
    public void LostNeedsAReasonFromTheTenantsList()
    {
        var deal = Deals.InQualify();
        Assert.Equal("lost_reason_required", Assert.Throws<DomainException>(() => deal.CloseLost(null, null, Deals.Pipeline, Deals.By())).Error.Code);
        var unknown = Assert.Throws<DomainException>(() => deal.CloseLost("bad vibes", null, Deals.Pipeline, Deals.By()));
        Assert.Equal("lost_reason_unknown", unknown.Error.Code);
        Assert.Contains("price", unknown.Error.Describe());
        deal.CloseLost("PRICE", "Fabrikam", Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Lost, deal.Stage);
        Assert.Equal("price", deal.LossReason);
        Assert.Equal("Fabrikam", deal.Competitor);
        Assert.Equal(0, deal.Probability);
    }

    [Fact]
    public void ClosedDealsAreReadOnlyUntilReopened()
    {
        var deal = Deals.InQualify();
        deal.CloseLost("timing", null, Deals.Pipeline, Deals.By());
        Assert.Equal("deal_closed", Assert.Throws<DomainException>(() => deal.ChangeAmount(1m, null, Deals.By())).Error.Code);
        Assert.Equal("deal_closed", Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By())).Error.Code);
        Assert.Equal("deal_closed", Assert.Throws<DomainException>(() => deal.UpdateQualification(new BantUpdate { Need = NeedLevel.NoNeed }, Deals.Pipeline, Deals.By())).Error.Code);
        Assert.Equal("deal_closed", Assert.Throws<DomainException>(() => deal.AssignOwner("rep-2", Deals.By())).Error.Code);

        deal.Reopen(Stage.Negotiation, Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Negotiation, deal.Stage);
        Assert.Null(deal.LossReason);
        Assert.Null(deal.ClosedAt);
        deal.ChangeAmount(1m, null, Deals.By());
        Assert.Equal(1m, deal.Amount);
    }

    [Fact]
    public void ReopeningIsRecordedAsAStageChange()
    {
        var deal = Deals.InQualify();
        deal.CloseLost("timing", null, Deals.Pipeline, Deals.By());
        deal.ClearPending();
        deal.Reopen(Stage.Nurture, Deals.Pipeline, Deals.By(minutesLater: 5));
        var change = Assert.Single(deal.PendingChanges, c => c.Field == ChangedField.Stage);
        Assert.Equal("lost", change.OldValue);
        Assert.Equal("nurture", change.NewValue);
    }

    [Fact]
    public void AnOpenDealCannotBeReopenedNorReopenedIntoAClosedStage()
    {
        var deal = Deals.InQualify();
        Assert.Equal("not_closed", Assert.Throws<DomainException>(() => deal.Reopen(Stage.New, Deals.Pipeline, Deals.By())).Error.Code);
        deal.CloseLost("timing", null, Deals.Pipeline, Deals.By());
        Assert.Equal("reopen_target_closed", Assert.Throws<DomainException>(() => deal.Reopen(Stage.Won, Deals.Pipeline, Deals.By())).Error.Code);
    }

    [Fact]
    public void AReviewIsRecordedOnlyOnClosedDeals()
    {
        var deal = Deals.InQualify();
        Assert.Equal("not_closed", Assert.Throws<DomainException>(() => deal.RecordReview(["price"], null, null, Deals.By())).Error.Code);
        deal.CloseLost("competitor", "Fabrikam", Deals.Pipeline, Deals.By());
        Assert.Equal("review_needs_content", Assert.Throws<DomainException>(() => deal.RecordReview([" "], null, null, Deals.By())).Error.Code);
        deal.RecordReview(["Fabrikam bundled support", "we were late"], null, "Send the proposal within a week", Deals.By());
        Assert.Equal(2, deal.Review!.Factors.Count);
        Assert.Equal("Fabrikam", deal.Review.Competitor);
    }

    [Fact]
    public void MovingToTheStageItIsInChangesNothing()
    {
        var deal = Deals.New();
        deal.ClearPending();
        deal.MoveTo(Stage.New, Deals.Pipeline, Deals.By());
        Assert.Empty(deal.PendingChanges);
        Assert.Empty(deal.PendingEvents);
    }

    [Fact]
    public void ATenantPipelineRenamesStagesAndChangesProbabilities()
    {
        var custom = Deals.Pipeline with
        {
            Stages = Deals.Pipeline.Stages.Select(s => s.Stage == Stage.Qualify ? s with { Name = "Discovery", Probability = 15 } : s).ToList(),
            QualificationThreshold = 0,
        };
        var deal = Opportunity.Capture("t", "Deal", "rep", custom, Deals.By());
        deal.MoveTo(Stage.Qualify, custom, Deals.By());
        Assert.Equal(15, deal.Probability);
        Assert.Equal("Discovery", custom.For(Stage.Qualify).DisplayName("en"));
        deal.MoveTo(Stage.Nurture, custom, Deals.By());
        Assert.Equal(Stage.Nurture, deal.Stage);
    }

    [Fact]
    public void ExitCriteriaComeFromTheTenantsPipeline()
    {
        var strict = Deals.Pipeline with
        {
            Stages = Deals.Pipeline.Stages.Select(s => s.Stage == Stage.New ? s with { ExitRequirements = [ExitRequirement.PrimaryContact] } : s).ToList(),
        };
        var deal = Opportunity.Capture("t", "Deal", "rep", strict, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Qualify, strict, Deals.By()));
        Assert.Contains("primary contact", error.Error.Describe());
    }
}

public class ReopeningTests
{
    [Fact]
    public void ADisqualifiedDealCannotBeReopenedStraightIntoConvert()
    {
        var deal = Deals.New();
        deal.CloseLost("no budget", null, Deals.Pipeline, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.Reopen(Stage.Contract, Deals.Pipeline, Deals.By()));
        Assert.Equal("bant_below_threshold", error.Error.Code);
        deal.Reopen(Stage.Qualify, Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Qualify, deal.Stage);
    }

    [Fact]
    public void AWonDealReopensWhereItWasWithoutTheBar()
    {
        var deal = Deals.New(100m, new DateOnly(2026, 12, 1));
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By(), overrideReason: "renewal");
        deal.CloseWon(null, null, Deals.Pipeline, Deals.By());
        deal.Reopen(Stage.Contract, Deals.Pipeline, Deals.By());
        Assert.Equal(Stage.Contract, deal.Stage);
    }
}

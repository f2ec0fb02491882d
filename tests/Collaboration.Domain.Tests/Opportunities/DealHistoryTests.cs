using Collaboration.Domain.Common;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests.Opportunities;

/// <summary>Every tracked field leaves a history row with its old and new value, who changed it, when and from where.</summary>
public class DealHistoryTests
{
    private static readonly Guid Priya = Guid.Parse("11111111-2222-3333-4444-555555555555");

    /// <summary>One change per tracked field, made on a deal that already has a value there, with the value it ends with.</summary>
    private static readonly Dictionary<ChangedField, (Action<Opportunity, ChangeContext> Change, string? Old, string New)> Changes = new()
    {
        [ChangedField.Stage] = ((d, c) => d.MoveTo(Stage.Proposal, Deals.Pipeline, c), "qualify", "proposal"),
        [ChangedField.Amount] = ((d, c) => d.ChangeAmount(48_000m, null, c), "120000", "48000"),
        [ChangedField.Currency] = ((d, c) => d.ChangeAmount(d.Amount, "eur", c), "USD", "EUR"),
        [ChangedField.Probability] = ((d, c) => d.SetManualProbability(35, Deals.Pipeline, c), "10", "35"),
        [ChangedField.CloseDate] = ((d, c) => d.ChangeCloseDate(new DateOnly(2027, 1, 31), c), "2026-12-31", "2027-01-31"),
        [ChangedField.Owner] = ((d, c) => d.AssignOwner("rep-2", c), "rep-1", "rep-2"),
        [ChangedField.Name] = ((d, c) => d.Rename("Contoso – 80 seats", c), "Contoso Ltd – 50 seats", "Contoso – 80 seats"),
        [ChangedField.NextStep] = ((d, c) => d.SetNextStep("Send pricing", null, c), null, "Send pricing"),
        [ChangedField.NextStepDue] = ((d, c) => d.SetNextStep(null, new DateOnly(2026, 12, 4), c), null, "2026-12-04"),
        [ChangedField.PrimaryContact] = ((d, c) => d.ChangePrimaryContact(Priya, c), null, Priya.ToString()),
        [ChangedField.BudgetAmount] = ((d, c) => d.UpdateQualification(new BantUpdate { BudgetAmount = 90_000m }, Deals.Pipeline, c), "120000", "90000"),
        [ChangedField.BudgetCurrency] = ((d, c) => d.UpdateQualification(new BantUpdate { BudgetCurrency = "cny" }, Deals.Pipeline, c), "USD", "CNY"),
        [ChangedField.BudgetStatus] = ((d, c) => d.UpdateQualification(new BantUpdate { BudgetStatus = BudgetStatus.WillBuy }, Deals.Pipeline, c), "CanBuy", "WillBuy"),
        [ChangedField.DecisionMaker] = ((d, c) => d.UpdateQualification(new BantUpdate { DecisionMakerName = "Li Lei" }, Deals.Pipeline, c), "Wang Fang", "Li Lei"),
        [ChangedField.Need] = ((d, c) => d.UpdateQualification(new BantUpdate { Need = NeedLevel.ShouldHave }, Deals.Pipeline, c), "MustHave", "ShouldHave"),
        [ChangedField.Timeframe] = ((d, c) => d.UpdateQualification(new BantUpdate { Timeframe = Timeframe.NextQuarter }, Deals.Pipeline, c), "ThisQuarter", "NextQuarter"),
        [ChangedField.TargetDate] = ((d, c) => d.UpdateQualification(new BantUpdate { TargetDate = new DateOnly(2027, 3, 1) }, Deals.Pipeline, c), null, "2027-03-01"),
        [ChangedField.Review] = ((d, c) =>
        {
            d.CloseLost("price", "Fabrikam", Deals.Pipeline, c);
            d.ClearPending();
            d.RecordReview(["Price 20% above Fabrikam"], null, null, c);
        }, null, "Price 20% above Fabrikam"),
        [ChangedField.Quote] = ((d, c) => d.RecordQuoteEvent(2, "approved", "fine", c), "2", "approved"),
        [ChangedField.Contract] = ((d, c) => d.RecordContract(new DateOnly(2026, 11, 20), null, 118_000m, null, c), null, "2026-11-20"),
    };

    public static TheoryData<ChangedField> Fields => new(Enum.GetValues<ChangedField>());

    [Fact]
    public void EveryTrackedFieldHasAChangeHere()
    {
        Assert.Equal(Enum.GetValues<ChangedField>().Order(), Changes.Keys.Order());
    }

    [Theory, MemberData(nameof(Fields))]
    public void EachChangeAppendsAHistoryRowWithOldNewWhoWhenAndSurface(ChangedField field)
    {
        var deal = Deals.InQualify();
        deal.ClearPending();
        var (change, old, expected) = Changes[field];
        var context = Deals.By("manager-1", ChangeSurface.Outlook, minutesLater: 42);

        change(deal, context);

        var row = Assert.Single(deal.PendingChanges, c => c.Field == field);
        Assert.Equal((old, expected), (row.OldValue, row.NewValue));
        Assert.Equal(("manager-1", ChangeSurface.Outlook, Deals.Now.AddMinutes(42)), (row.ChangedBy, row.Surface, row.ChangedAt));
    }

    [Theory, MemberData(nameof(Fields))]
    public void ChangingAFieldToTheValueItHasAppendsNothing(ChangedField field)
    {
        var deal = Deals.InQualify();
        var (change, _, _) = Changes[field];
        if (field is ChangedField.Review or ChangedField.Stage or ChangedField.Quote) return; // a review and a quote's step are acts, a stage move is idempotent below
        change(deal, Deals.By());
        deal.ClearPending();

        change(deal, Deals.By(minutesLater: 1));

        Assert.Empty(deal.PendingChanges);
    }

    [Fact]
    public void AClosedDealReopensIntoTheStageItClosedFromWithTheReasonOnItsHistory()
    {
        var deal = Deals.InQualify();
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By());
        deal.CloseLost("price", null, Deals.Pipeline, Deals.By());
        deal.ClearPending();

        deal.Reopen("Budget freed up in January", Deals.Pipeline, Deals.By("rep-1", ChangeSurface.Api, 5));

        Assert.Equal(Stage.Proposal, deal.Stage);
        Assert.False(deal.IsClosed);
        Assert.Null(deal.LossReason);
        var row = Assert.Single(deal.PendingChanges, c => c.Field == ChangedField.Stage);
        Assert.Equal(("lost", "proposal", "Budget freed up in January"), (row.OldValue, row.NewValue, row.Reason));
    }

    [Fact]
    public void ReopeningNeedsAReasonAndAClosedDeal()
    {
        var open = Deals.InQualify();
        var closed = Deals.InQualify();
        closed.CloseLost("price", null, Deals.Pipeline, Deals.By());

        var noReason = Assert.Throws<DomainException>(() => closed.Reopen("  ", Deals.Pipeline, Deals.By()));
        var notClosed = Assert.Throws<DomainException>(() => open.Reopen("because", Deals.Pipeline, Deals.By()));

        Assert.Equal("reopen_reason_required", noReason.Error.Code);
        Assert.Equal("重新打开商机需要填写原因。", noReason.Error.Describe("zh-CN"));
        Assert.Equal("not_closed", notClosed.Error.Code);
    }

    [Fact]
    public void AskingForAReviewNamesTheOutcomeAndTheCompetitor()
    {
        var deal = Deals.InQualify();
        deal.CloseLost("competitor", "Fabrikam", Deals.Pipeline, Deals.By());
        deal.ClearPending();

        deal.AskForReview(Deals.By());

        var asked = Assert.IsType<ReviewRequested>(Assert.Single(deal.PendingEvents));
        Assert.Equal(("rep-1", false, "Fabrikam"), (asked.OwnerId, asked.Won, asked.Competitor));
    }
}

public class FollowUpPlanStepTests
{
    private static FollowUpEnrolment Standard() =>
        new("tenant-a", Guid.NewGuid(), null, FollowUpPlan.Standard, new DateOnly(2026, 11, 26), "rep-1");

    [Fact]
    public void MarkingALaterStepDoneCompletesTheEarlierOnesAndIsIdempotent()
    {
        var enrolment = Standard();

        enrolment.CompleteStep(2);
        enrolment.CompleteStep(1);

        Assert.Equal(2, enrolment.StepsDone);
        Assert.True(enrolment.IsRunning);
        enrolment.CompleteStep(3);
        Assert.False(enrolment.IsRunning);
    }

    [Fact]
    public void AStepOutsideThePlanIsRefusedNamingTheRange()
    {
        var refused = Assert.Throws<DomainException>(() => Standard().CompleteStep(4));

        Assert.Equal("The plan has steps 1 to 3, not 4.", refused.Error.Describe("en"));
    }

    [Fact]
    public void AStoppedPlanRemindsAndSendsNothing()
    {
        var enrolment = Standard();

        enrolment.Stop(PlanStopReason.CustomerReplied, Deals.Now);
        enrolment.Stop(PlanStopReason.Stopped, Deals.Now.AddDays(1));

        Assert.Empty(enrolment.DueSteps(new DateOnly(2027, 1, 1)));
        Assert.Empty(enrolment.UnsentEmailSteps(new DateOnly(2027, 1, 1)));
        Assert.Equal(PlanStopReason.CustomerReplied, enrolment.StopReason);
        Assert.False(enrolment.IsRunning);
    }
}

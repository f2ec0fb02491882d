using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests;

public class OpportunityChangeTests
{
    [Fact]
    public void AManualProbabilitySurvivesStageChangesUntilCleared()
    {
        var deal = Deals.InQualify();
        deal.SetManualProbability(35, Deals.Pipeline, Deals.By());
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By());
        deal.MoveTo(Stage.Negotiation, Deals.Pipeline, Deals.By());
        Assert.Equal(35, deal.Probability);

        deal.SetManualProbability(null, Deals.Pipeline, Deals.By());
        Assert.Equal(60, deal.Probability);
        deal.MoveTo(Stage.Contract, Deals.Pipeline, Deals.By());
        Assert.Equal(80, deal.Probability);
    }

    [Fact]
    public void WeightedAmountIsAmountTimesProbability()
    {
        var deal = Deals.InQualify();
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, Deals.By());
        Assert.Equal(48_000m, deal.WeightedAmount);
        deal.SetManualProbability(33, Deals.Pipeline, Deals.By());
        Assert.Equal(39_600m, deal.WeightedAmount);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void AProbabilityOutsideZeroToHundredIsRefused(int probability)
    {
        var deal = Deals.New();
        var error = Assert.Throws<DomainException>(() => deal.SetManualProbability(probability, Deals.Pipeline, Deals.By()));
        Assert.Equal("invalid_probability", error.Error.Code);
    }

    [Fact]
    public void EveryTrackedChangeAppendsHistoryWithWhoWhenAndSurface()
    {
        var deal = Deals.InQualify();
        deal.ClearPending();
        var outlook = Deals.By("rep-2", ChangeSurface.Outlook, minutesLater: 10);
        deal.ChangeAmount(130_000m, null, outlook);
        deal.ChangeCloseDate(new DateOnly(2027, 1, 15), outlook);
        deal.SetManualProbability(42, Deals.Pipeline, outlook);
        deal.AssignOwner("rep-3", outlook);
        deal.MoveTo(Stage.Proposal, Deals.Pipeline, outlook);

        Assert.Collection(deal.PendingChanges,
            c => AssertChange(c, ChangedField.Amount, "120000", "130000"),
            c => AssertChange(c, ChangedField.CloseDate, "2026-12-31", "2027-01-15"),
            c => AssertChange(c, ChangedField.Probability, "10", "42"),
            c => AssertChange(c, ChangedField.Owner, "rep-1", "rep-3"),
            c => AssertChange(c, ChangedField.Stage, "qualify", "proposal"));
        Assert.All(deal.PendingChanges, c =>
        {
            Assert.Equal("rep-2", c.ChangedBy);
            Assert.Equal(ChangeSurface.Outlook, c.Surface);
            Assert.Equal(Deals.Now.AddMinutes(10), c.ChangedAt);
        });
    }

    [Fact]
    public void AnUnchangedValueAppendsNoHistory()
    {
        var deal = Deals.InQualify();
        deal.ClearPending();
        deal.ChangeAmount(120_000m, null, Deals.By());
        deal.ChangeCloseDate(new DateOnly(2026, 12, 31), Deals.By());
        deal.AssignOwner("rep-1", Deals.By());
        Assert.Empty(deal.PendingChanges);
    }

    [Fact]
    public void AssigningAnOwnerRaisesOwnerAssigned()
    {
        var deal = Deals.New();
        deal.ClearPending();
        deal.AssignOwner("rep-9", Deals.By());
        var assigned = Assert.IsType<OwnerAssigned>(Assert.Single(deal.PendingEvents));
        Assert.Equal("rep-9", assigned.OwnerId);
        Assert.Equal("rep-1", assigned.PreviousOwnerId);
    }

    [Fact]
    public void UpdatingQualificationRescoresAndRaisesQualificationChanged()
    {
        var deal = Deals.New();
        deal.ClearPending();
        deal.UpdateQualification(new BantUpdate { BudgetAmount = 50_000m, BudgetStatus = BudgetStatus.WillBuy, DecisionMakerName = "Li Wei" }, Deals.Pipeline, Deals.By());
        Assert.True(deal.QualificationScore > 0);
        var changed = Assert.IsType<QualificationChanged>(Assert.Single(deal.PendingEvents));
        Assert.Equal(0, changed.OldScore);
        Assert.Equal(deal.QualificationScore, changed.NewScore);
        Assert.DoesNotContain("decision_maker", changed.Gaps);
        Assert.Contains("need", changed.Gaps);
    }

    [Fact]
    public void AnUpdateThatChangesNothingRaisesNothing()
    {
        var deal = Deals.New(bant: Deals.Qualified);
        deal.ClearPending();
        deal.UpdateQualification(new BantUpdate { Need = NeedLevel.MustHave }, Deals.Pipeline, Deals.By());
        Assert.Empty(deal.PendingEvents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ADealNeedsAName(string name)
    {
        var error = Assert.Throws<DomainException>(() => Opportunity.Capture("t", name, "rep", Deals.Pipeline, Deals.By()));
        Assert.Equal("name_required", error.Error.Code);
        Assert.Equal("商机需要名称。", error.Error.Describe("zh-Hans"));
    }

    [Fact]
    public void NegativeAmountsAndBadCurrenciesAreRefused()
    {
        var deal = Deals.New();
        Assert.Equal("invalid_amount", Assert.Throws<DomainException>(() => deal.ChangeAmount(-5m, null, Deals.By())).Error.Code);
        Assert.Equal("invalid_currency", Assert.Throws<DomainException>(() => deal.ChangeAmount(5m, "dollars", Deals.By())).Error.Code);
        deal.ChangeAmount(5m, "cny", Deals.By());
        Assert.Equal("CNY", deal.Currency);
    }

    [Fact]
    public void MissingForNamesWhatTheNextMoveNeeds()
    {
        var deal = Deals.New();
        var missing = deal.MissingFor(Stage.Nurture, Deals.Pipeline, DateOnly.FromDateTime(Deals.Now.UtcDateTime));
        Assert.Contains("decision_maker", missing);
        Assert.Contains("budget_amount", missing);
        Assert.Empty(Deals.InQualify().MissingFor(Stage.Nurture, Deals.Pipeline, DateOnly.FromDateTime(Deals.Now.UtcDateTime)));
    }

    private static void AssertChange(OpportunityChange change, ChangedField field, string? oldValue, string? newValue)
    {
        Assert.Equal(field, change.Field);
        Assert.Equal(oldValue, change.OldValue);
        Assert.Equal(newValue, change.NewValue);
    }
}

using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Tests;

internal static class Deals
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly PipelineSettings Pipeline = PipelineSettings.Default;

    public static ChangeContext By(string actor = "rep-1", ChangeSurface surface = ChangeSurface.Teams, int minutesLater = 0) =>
        new(actor, surface, Now.AddMinutes(minutesLater));

    public static Opportunity New(decimal? amount = null, DateOnly? closeDate = null, Bant? bant = null) =>
        Opportunity.Capture("tenant-a", "Contoso Ltd – 50 seats", "rep-1", Pipeline, By(), amount: amount, closeDate: closeDate, bant: bant);

    public static readonly Bant Qualified = new()
    {
        BudgetAmount = 120_000m,
        BudgetCurrency = "USD",
        BudgetStatus = BudgetStatus.CanBuy,
        DecisionMakerKnown = true,
        DecisionMakerName = "Wang Fang",
        Need = NeedLevel.MustHave,
        Timeframe = Timeframe.ThisQuarter,
    };

    public static BantUpdate AsUpdate(this Bant bant) => new()
    {
        BudgetAmount = bant.BudgetAmount,
        BudgetCurrency = bant.BudgetCurrency,
        BudgetStatus = bant.BudgetStatus,
        DecisionMakerName = bant.DecisionMakerName,
        DecisionMakerKnown = bant.DecisionMakerKnown,
        Need = bant.Need,
        Timeframe = bant.Timeframe,
        TargetDate = bant.TargetDate,
    };

    /// <summary>A qualified deal sitting in Qualify, with amount and close date, ready to go anywhere.</summary>
    public static Opportunity InQualify()
    {
        var deal = New(120_000m, new DateOnly(2026, 12, 31), Qualified);
        deal.MoveTo(Stage.Qualify, Pipeline, By());
        return deal;
    }
}

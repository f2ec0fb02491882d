using Collaboration.Application.Capture;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing;

namespace Collaboration.Application.Tests;

/// <summary>The change use cases say which prompts are due, so the front ends only draw them.</summary>
public class DealOutcomeTests
{
    private static readonly BantUpdate Qualified = new()
    {
        BudgetAmount = 120_000m,
        BudgetCurrency = "USD",
        BudgetStatus = BudgetStatus.CanBuy,
        DecisionMakerName = "Wang Fang",
        Need = NeedLevel.MustHave,
        Timeframe = Timeframe.ThisQuarter,
    };

    [Fact]
    public async Task EnteringQualifyWithUnknownsAsksForThemOnceAndNotOnLaterChanges()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso") { Amount = 50_000m });

        var entered = await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Qualify);
        var stayed = await host.Deals.UpdateQualificationAsync(rep, deal.Id, null, new BantUpdate { Need = NeedLevel.MustHave });

        Assert.Contains("budget_status", entered.QualificationGaps);
        Assert.Contains("decision_maker", entered.QualificationGaps);
        Assert.Empty(stayed.QualificationGaps);
        Assert.Null(entered.ReviewFrom);
    }

    [Fact]
    public async Task EnteringQualifyFullyQualifiedAsksNothing()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso") { Qualification = Qualified, Amount = 120_000m, CloseDate = new DateOnly(2027, 1, 1) });

        var entered = await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Qualify);

        Assert.Equal(Stage.Qualify, entered.Deal.Stage);
        Assert.Empty(entered.QualificationGaps);
    }

    [Fact]
    public async Task ClosingADealAsksItsOwnerForAReviewEvenWhenTheirManagerClosedIt()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var boss = await host.RepAsync("boss", team: "east");
        await host.RepAsync("alice", team: "east", manager: "boss");
        var deal = await host.Deals.CaptureAsync(boss, new CaptureRequest("Fabrikam") { OwnerObjectId = "alice" });

        var lost = await host.Deals.CloseLostAsync(boss, deal.Id, null, "price", "Northwind");
        var reviewed = await host.Deals.RecordReviewAsync(boss, deal.Id, ["Price 20% above Northwind"], null, null);

        Assert.Equal("alice", lost.ReviewFrom);
        Assert.Null(reviewed.ReviewFrom);
    }
}

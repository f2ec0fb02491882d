using Collaboration.Application.Capture;
using Collaboration.Application.Reviews;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Reviews;

public class ReviewSearchTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static async Task<Guid> ClosedAsync(CrmTestHost host, Actor rep, string name, bool won, string? competitor = null)
    {
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest(name) { Amount = 10_000m, CloseDate = new DateOnly(2026, 12, 15) });
        if (won)
        {
            await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Negotiation, overrideReason: "strategic");
            await host.Deals.CloseWonAsync(rep, deal.Id, null, 10_000m, new DateOnly(2026, 12, 1));
        }
        else
        {
            await host.Deals.CloseLostAsync(rep, deal.Id, null, "price", competitor);
        }
        return deal.Id;
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ReviewsAreFoundByCompetitorOrWordsAmongVisibleDealsOnly(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var boss = await host.RepAsync("boss");
        var ann = await host.RepAsync("ann", team: "east", manager: "boss");
        var carl = await host.RepAsync("carl", team: "west", manager: "boss");
        var stranger = await host.RepAsync("ann", CrmTestHost.TenantB);

        var priceLoss = await ClosedAsync(host, ann, "Contoso renewal", won: false, competitor: "Fabrikam");
        await host.Deals.RecordReviewAsync(ann, priceLoss, ["Price 20% above Fabrikam"], null, "Bring finance in earlier");
        host.Clock.Advance(TimeSpan.FromHours(1));
        var win = await ClosedAsync(host, carl, "Tailspin rollout", won: true);
        await host.Deals.RecordReviewAsync(carl, win, ["Executive sponsor", "Fast pilot"], "Fabrikam", null);
        var unreviewed = await ClosedAsync(host, carl, "Fabrikam-free deal", won: false);
        var foreign = await ClosedAsync(host, stranger, "Their Fabrikam loss", won: false, competitor: "Fabrikam");
        await host.Deals.RecordReviewAsync(stranger, foreign, ["Fabrikam again"], null, null);
        var search = new ReviewSearch(host.Db.Database);

        var byCompetitor = await search.SearchAsync(boss, null, "fabrikam");
        Assert.Equal(["Tailspin rollout", "Contoso renewal"], byCompetitor.Select(h => h.DealName));
        var loss = byCompetitor[1];
        Assert.Equal((Stage.Lost, "Fabrikam", "Bring finance in earlier", "price"), (loss.Outcome, loss.Competitor, loss.Lessons, loss.LossReason));

        Assert.Equal(["Contoso renewal"], (await search.SearchAsync(boss, "finance earlier")).Select(h => h.DealName));
        Assert.Equal(["Tailspin rollout"], (await search.SearchAsync(boss, "PILOT")).Select(h => h.DealName));
        Assert.Empty(await search.SearchAsync(boss, "pilot", "Contoso"));
        Assert.Equal(["Contoso renewal"], (await search.SearchAsync(ann, null, "Fabrikam")).Select(h => h.DealName));
        Assert.Equal(["Their Fabrikam loss"], (await search.SearchAsync(stranger, "fabrikam")).Select(h => h.DealName));
        Assert.DoesNotContain(await search.SearchAsync(boss, null), h => h.DealId == unreviewed);
    }

    [Fact]
    public async Task AReviewOfAnOpenDealIsRefused()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var ann = await host.RepAsync("ann");
        var deal = await host.Deals.CaptureAsync(ann, new CaptureRequest("Open deal"));

        var refused = await Assert.ThrowsAsync<DomainException>(() => host.Deals.RecordReviewAsync(ann, deal.Id, ["x"], null, null));

        Assert.Equal("not_closed", refused.Error.Code);
    }
}

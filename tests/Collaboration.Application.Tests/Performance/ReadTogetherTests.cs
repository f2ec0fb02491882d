using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// Reads made together (a change's, a card's) see one moment of the database. What others commit meanwhile shows to
/// the first read after them, to a save made from them, and to the next unit of work at once.
/// </summary>
public class ReadTogetherTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ReadsTogetherSeeOneMomentAndWhatOthersCommittedShowsRightAfter(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-together");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Before"));
        var other = await host.Deals.CaptureAsync(rep, new CaptureRequest("Other deal"));
        await using var unit = host.Db.Database.Open(rep.TenantId);

        string during;
        using (unit.ReadTogether())
        {
            await NameAsync(unit, deal.Id);
            await host.Deals.UpdateDetailsAsync(rep, deal.Id, null, new OpportunityService.DealDetailsUpdate(Name: "Renamed"));
            during = await NameAsync(unit, deal.Id);
        }
        var after = await NameAsync(unit, deal.Id);

        // On SQLite the second read saw the first one's moment; PostgreSQL reads each statement afresh.
        Assert.Equal(kind == DatabaseKind.Sqlite ? "Before" : "Renamed", during);
        Assert.Equal("Renamed", after);

        // A save from reads together, after someone else committed: it is written, and so is theirs.
        using (unit.ReadTogether())
        {
            var tracked = await unit.Opportunities.SingleAsync(o => o.Id == other.Id);
            await host.Deals.UpdateDetailsAsync(rep, deal.Id, null, new OpportunityService.DealDetailsUpdate(NextStep: "Send the quote"));
            tracked.Rename("Other deal, renamed", rep.At(host.Clock.GetUtcNow()));
            await unit.SaveChangesAsync();
        }
        var detail = await host.Queries.DetailAsync(rep, deal.Id);
        Assert.Equal("Send the quote", detail.Deal.NextStep);
        Assert.Equal("Other deal, renamed", (await host.Queries.DetailAsync(rep, other.Id)).Deal.Name);
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task AUnitOfWorkThatEndsInsideItsReadsHandsTheNextOneTheLatestData(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-handover");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Before"));

        var left = host.Db.Database.Open(rep.TenantId);
        left.ReadTogether();
        Assert.Equal("Before", await NameAsync(left, deal.Id));
        await host.Deals.UpdateDetailsAsync(rep, deal.Id, null, new OpportunityService.DealDetailsUpdate(Name: "Renamed"));
        await left.DisposeAsync();

        // The next unit of work is handed the connection just given back (the most recent on the shelf).
        await using var next = host.Db.Database.Open(rep.TenantId);
        Assert.Equal("Renamed", await NameAsync(next, deal.Id));
        await host.Deals.MoveStageAsync(rep, deal.Id, null, Domain.Pipeline.Stage.Qualify);
        Assert.Equal(Domain.Pipeline.Stage.Qualify, (await next.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id)).Stage);
    }

    private static Task<string> NameAsync(Persistence.CrmDbContext unit, Guid id) =>
        unit.Opportunities.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleAsync();
}

using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence.Migrations;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Reports;

/// <summary>
/// The reports read the stage history through its stints. The stints written with each unit of work (deals saved at
/// once and step by step, reassigned, reopened, and a stage row from a clock that runs behind) must be exactly what
/// the migration's backfill computes from the history alone.
/// </summary>
public class StageStintTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task StintsWrittenWithEachChangeEqualTheBackfillFromHistory(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var now = host.Clock.GetUtcNow();
        await ReportWorld.SeedAsync(host.Db.Database, now, deals: 90);

        // A rep whose clock runs behind: the stage row lands before the deal's last one in the history's order.
        Guid late;
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            var deal = await db.Opportunities.FirstAsync(o => o.Stage == Stage.New || o.Stage == Stage.Qualify);
            deal.MoveTo(Stage.Nurture, PipelineSettings.Default, new ChangeContext(deal.OwnerId, ChangeSurface.Teams, deal.StageEnteredAt.AddMinutes(-5)), "strategic");
            await db.SaveChangesAsync();
            late = deal.Id;
        }

        var written = await StintsAsync(host);
        var history = await StageRowCountAsync(host);
        Assert.Equal(history, written.Count);
        Assert.Contains(written, s => s.Contains("|Lost|", StringComparison.Ordinal) && !s.EndsWith("|||", StringComparison.Ordinal));
        Assert.Contains(written, s => s.Contains("|prev:", StringComparison.Ordinal) && !s.Contains("|prev:none", StringComparison.Ordinal));
        var lateStints = written.Where(s => s.StartsWith(late.ToString(), StringComparison.Ordinal)).ToList();
        Assert.True(lateStints.Count >= 2);

        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            await db.StageStints.IgnoreQueryFilters().ExecuteDeleteAsync();
            Assert.Empty(await StintsAsync(host));
            await db.Database.ExecuteSqlRawAsync(StageStintBackfill.Sql(sqlite: kind == DatabaseKind.Sqlite));
        }
        var backfilled = await StintsAsync(host);
        Assert.Equal(written, backfilled);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AReassignedDealsWholePathMovesToItsNewOwner(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var ann = await host.RepAsync("ann");
        var bob = await host.RepAsync("bob");
        var created = Opportunity.Capture(CrmTestHost.TenantA, "Contoso renewal", "ann", PipelineSettings.Default,
            new ChangeContext("ann", ChangeSurface.Outlook, host.Clock.GetUtcNow()), CaptureSource.Email, amount: 5000m);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            db.Opportunities.Add(created);
            await db.SaveChangesAsync();
        }
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            var deal = await db.Opportunities.SingleAsync(o => o.Id == created.Id);
            deal.MoveTo(Stage.Qualify, PipelineSettings.Default, new ChangeContext("ann", ChangeSurface.Teams, host.Clock.GetUtcNow().AddHours(1)), "strategic");
            await db.SaveChangesAsync();
        }
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.Deals.AssignOwnerAsync(ann, created.Id, expectedVersion: null, bob.UserObjectId);

        await using var check = host.Db.Database.Open(CrmTestHost.TenantA);
        var stints = await check.StageStints.Where(s => s.OpportunityId == created.Id).OrderBy(s => s.Ordinal).ToListAsync();
        Assert.Equal([Stage.New, Stage.Qualify], stints.Select(s => s.Stage));
        Assert.All(stints, s => Assert.Equal("bob", s.OwnerId));
        Assert.Equal(stints[1].EnteredAt, stints[0].LeftAt);
        Assert.Equal(stints[1].EnteredAt, stints[0].AdvancedAt);
        Assert.Equal(StageStint.Never, stints[1].LeftAt);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealMovedBackAndForthManyTimesHasTheStintsTheBackfillComputes(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var ann = await host.RepAsync("ann");
        var created = Opportunity.Capture(CrmTestHost.TenantA, "Contoso renewal", "ann", PipelineSettings.Default,
            new ChangeContext("ann", ChangeSurface.Outlook, host.Clock.GetUtcNow()), CaptureSource.Email, amount: 5000m);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            db.Opportunities.Add(created);
            await db.SaveChangesAsync();
        }
        // Clicks back and forth (each appends to the path), a loss and a reopen (which rewrite the loss facts), a win.
        Stage[] moves = [Stage.Qualify, Stage.New, Stage.Qualify, Stage.New, Stage.Qualify, Stage.Proposal, Stage.Qualify, Stage.Proposal, Stage.Negotiation, Stage.Proposal];
        foreach (var (target, i) in moves.Select((m, i) => (m, i)))
        {
            // Two changes in one instant as well: the path keeps them in the order they were saved.
            if (i != 3) host.Clock.Advance(TimeSpan.FromMinutes(7));
            await host.Deals.MoveStageAsync(ann, created.Id, null, target, overrideReason: "strategic");
        }
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Deals.MoveStageAsync(ann, created.Id, null, Stage.Lost, lossReason: "price", competitor: "Fabrikam");
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.Deals.ReopenAsync(ann, created.Id, null, Stage.Qualify);
        foreach (var target in new[] { Stage.New, Stage.Qualify, Stage.Negotiation })
        {
            host.Clock.Advance(TimeSpan.FromMinutes(3));
            await host.Deals.MoveStageAsync(ann, created.Id, null, target, overrideReason: "strategic");
        }
        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.Deals.CloseWonAsync(ann, created.Id, null, null, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime), overrideReason: "strategic");

        var written = await StintsAsync(host);
        Assert.Equal(await StageRowCountAsync(host), written.Count);
        Assert.Contains(written, s => s.Contains("|Won|", StringComparison.Ordinal));
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            await db.StageStints.IgnoreQueryFilters().ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(StageStintBackfill.Sql(sqlite: kind == DatabaseKind.Sqlite));
        }
        Assert.Equal(written, await StintsAsync(host));
    }

    private static async Task<int> StageRowCountAsync(CrmTestHost host)
    {
        var count = 0;
        foreach (var tenant in new[] { CrmTestHost.TenantA, CrmTestHost.TenantB })
        {
            await using var db = host.Db.Database.Open(tenant);
            count += await db.OpportunityChanges.CountAsync(c => c.Field == ChangedField.Stage);
        }
        return count;
    }

    private static async Task<List<string>> StintsAsync(CrmTestHost host)
    {
        var all = new List<string>();
        foreach (var tenant in new[] { CrmTestHost.TenantA, CrmTestHost.TenantB })
        {
            await using var db = host.Db.Database.Open(tenant);
            var rows = await db.StageStints.AsNoTracking().ToListAsync();
            all.AddRange(rows
                .OrderBy(s => s.OpportunityId).ThenBy(s => s.Ordinal)
                .Select(s => $"{s.OpportunityId}|{s.Ordinal}|{s.TenantId}|{s.OwnerId}|{s.Source}|{s.Stage}|{s.EnteredAt}|{s.Month}|{s.LeftAt}|" +
                             $"prev:{(s.PreviousEntryAt == StageStint.NoneBefore ? "none" : s.PreviousEntryAt.ToString())}|{s.AdvancedAt}|{s.WonAt}|{s.StartedAt}|" +
                             $"{s.LossReason}|{s.Competitor}|{s.Currency}|{s.Amount:0.00}"));
        }
        return all;
    }
}

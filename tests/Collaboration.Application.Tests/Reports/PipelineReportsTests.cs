using Collaboration.Application.Capture;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Reports;

public class PipelineReportsTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    // The host's clock starts on 2026-11-26 and only moves forward; every scenario plays inside this window.
    private static readonly ReportFilter Window = new(new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 31));

    private static async Task<Opportunity> CaptureAsync(CrmTestHost host, Actor rep, string name, decimal amount = 100_000m, CaptureSource source = CaptureSource.Manual) =>
        await host.Deals.CaptureAsync(rep, new CaptureRequest(name) { Amount = amount, CloseDate = new DateOnly(2026, 12, 15), Source = source });

    private static async Task<(CrmTestHost Host, PipelineReports Reports)> StartAsync(DatabaseKind kind)
    {
        var host = await CrmTestHost.StartAsync(kind);
        return (host, new PipelineReports(host.Db.Database, host.Clock));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealReopenedAfterLostCountsOnceInWinRateByItsFinalClose(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        var comeback = await CaptureAsync(host, rep, "Comeback");
        var stillOpen = await CaptureAsync(host, rep, "Reopened and pending");
        foreach (var deal in new[] { comeback, stillOpen })
        {
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Proposal, overrideReason: "strategic");
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.Deals.CloseLostAsync(rep, deal.Id, null, "price", "Salesforce");
            host.Clock.Advance(TimeSpan.FromDays(1));
            await host.Deals.ReopenAsync(rep, deal.Id, null, Stage.Negotiation);
        }
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.Deals.CloseWonAsync(rep, comeback.Id, null, 90_000m, new DateOnly(2026, 11, 20));

        var winRate = await reports.WinRateAsync(rep, Window);
        var row = Assert.Single(winRate.Rows);
        Assert.Equal((1, 0, 1.0), (row.Won, row.Lost, row.WinRate));
        Assert.Empty((await reports.LossReasonsAsync(rep, Window)).Rows);

        var cycle = await reports.CycleAsync(rep, Window);
        Assert.Equal(8.0, cycle.Rows.Single(r => r.Measure == CycleReport.CaptureToWon).AverageDays, 6);
        var negotiation = cycle.Rows.Single(r => r.Measure == "negotiation");
        Assert.Equal((2, 1), (negotiation.Count, negotiation.Open));
        Assert.Equal((5.0 + 2.0) / 2, negotiation.AverageDays, 6);

        var conversion = (await reports.ConversionAsync(rep, Window)).Rows.ToDictionary(r => r.Stage);
        Assert.Equal((2, 2, 1), (conversion[Stage.Proposal].Entered, conversion[Stage.Proposal].Advanced, conversion[Stage.Proposal].Won));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealThatSkippedAStageAdvancedFromTheStageBeforeAndNeverEnteredTheSkippedOne(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        var deal = await CaptureAsync(host, rep, "Fast mover");
        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Qualify);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.Deals.MoveStageAsync(rep, deal.Id, null, Stage.Proposal, overrideReason: "strategic");
        host.Clock.Advance(TimeSpan.FromDays(15));

        var conversion = (await reports.ConversionAsync(rep, Window)).Rows.ToDictionary(r => r.Stage);
        Assert.Equal((1, 1, 0), (conversion[Stage.Qualify].Entered, conversion[Stage.Qualify].Advanced, conversion[Stage.Qualify].Won));
        Assert.False(conversion.ContainsKey(Stage.Nurture));
        Assert.Equal((1, 0), (conversion[Stage.Proposal].Entered, conversion[Stage.Proposal].Advanced));

        var cycle = (await reports.CycleAsync(rep, Window)).Rows.ToDictionary(r => r.Measure);
        Assert.Equal(2.0, cycle["new"].AverageDays, 6);
        Assert.Equal(3.0, cycle["qualify"].AverageDays, 6);
        Assert.Equal((1, 15.0), (cycle["proposal"].Open, cycle["proposal"].AverageDays));
        Assert.False(cycle.ContainsKey(CycleReport.CaptureToWon));

        var aging = Assert.Single((await reports.AgingAsync(rep, Window)).Rows);
        Assert.Equal((Stage.Proposal, "8-30", 1), (aging.Stage, aging.Bucket, aging.Deals));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AnotherTenantsDealsNeverCountEvenForTheSameObjectId(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var mine = await host.RepAsync("rep-1");
        var theirs = await host.RepAsync("rep-1", CrmTestHost.TenantB);
        var ours = await CaptureAsync(host, mine, "Ours", 10_000m);
        var foreign = await CaptureAsync(host, theirs, "Theirs", 999_000m);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Deals.CloseLostAsync(mine, ours.Id, null, "timing", null);
        await host.Deals.CloseLostAsync(theirs, foreign.Id, null, "price", "Zoho");
        await CaptureAsync(host, theirs, "Theirs, open", 500_000m);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantB))
        {
            db.Quotas.Add(new Quota(CrmTestHost.TenantB, "rep-1", Window.From, Window.To.AddMonths(1), 1_000_000m, "USD"));
            await db.SaveChangesAsync();
        }
        var filter = Window with { GroupBy = ReportDimensions.Owner };

        Assert.Equal([(0, 1)], (await reports.WinRateAsync(mine, filter)).Rows.Select(r => (r.Won, r.Lost)));
        Assert.Equal([("timing", 10_000m)], (await reports.LossReasonsAsync(mine, filter)).Rows.Select(r => (r.Reason, r.Amount)));
        Assert.Equal(1, (await reports.ConversionAsync(mine, filter)).Rows.Single(r => r.Stage == Stage.New).Entered);
        Assert.Empty((await reports.AgingAsync(mine, filter)).Rows);
        Assert.Empty((await reports.ForecastAsync(mine, filter)).Rows);
        Assert.Empty((await reports.CoverageAsync(mine, filter)).Rows);
        Assert.Equal(1, (await reports.CycleAsync(mine, filter)).Rows.Single(r => r.Measure == "new").Count);

        Assert.Equal(500_000m, Assert.Single((await reports.CoverageAsync(theirs, filter)).Rows).Open);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ARepSeesOwnAndTeamDealsAndAManagerTheirReports(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var boss = await host.RepAsync("boss");
        var ann = await host.RepAsync("ann", team: "east", manager: "boss");
        var bob = await host.RepAsync("bob", team: "east", manager: "boss");
        var carl = await host.RepAsync("carl", team: "west", manager: "boss");
        foreach (var rep in new[] { ann, bob, carl }) await CaptureAsync(host, rep, $"{rep.UserObjectId}'s deal");
        var filter = Window with { GroupBy = ReportDimensions.Owner | ReportDimensions.Team };

        async Task<string[]> OwnersSeenBy(Actor actor) =>
            (await reports.ForecastAsync(actor, filter)).Rows.Select(r => r.OwnerId!)
                .Concat((await reports.AgingAsync(actor, filter)).Rows.Select(r => r.OwnerId!))
                .Concat((await reports.ConversionAsync(actor, filter)).Rows.Select(r => r.OwnerId!))
                .Distinct().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["ann", "bob"], await OwnersSeenBy(ann));
        Assert.Equal(["carl"], await OwnersSeenBy(carl));
        Assert.Equal(["ann", "bob", "carl"], await OwnersSeenBy(boss));
        Assert.Equal(["ann"], (await reports.AgingAsync(boss, filter with { OwnerIds = ["ann"] })).Rows.Select(r => r.OwnerId!).Distinct());
        Assert.Equal(["west"], (await reports.AgingAsync(boss, filter with { Team = "west" })).Rows.Select(r => r.Team!).Distinct());
        Assert.Empty((await reports.AgingAsync(ann, filter with { OwnerIds = ["carl"] })).Rows);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ForecastWeighsOpenDealsByTheirStagesCategoryAndCountsWonDealsAsWon(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        var contract = await CaptureAsync(host, rep, "Contract stage", 50_000m);
        var won = await CaptureAsync(host, rep, "Won", 30_000m);
        var lost = await CaptureAsync(host, rep, "Lost", 70_000m);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await host.Deals.MoveStageAsync(rep, contract.Id, null, Stage.Contract, overrideReason: "strategic");
        await host.Deals.UpdateDetailsAsync(rep, contract.Id, null, new Opportunities.OpportunityService.DealDetailsUpdate(ManualProbability: 75));
        await host.Deals.CloseWonAsync(rep, won.Id, null, null, new DateOnly(2026, 11, 10), "strategic");
        await host.Deals.CloseLostAsync(rep, lost.Id, null, "no budget", null);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            db.Quotas.Add(new Quota(CrmTestHost.TenantA, "rep-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), 100_000m, "USD"));
            await db.SaveChangesAsync();
        }
        var filter = new ReportFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));

        var forecast = (await reports.ForecastAsync(rep, filter)).Rows;
        Assert.Equal(
            [("2026-11", ForecastCategory.Won, 30_000m, 30_000m), ("2026-12", ForecastCategory.Commit, 50_000m, 37_500m)],
            forecast.Select(r => (r.Month, r.Category, r.Amount, r.Weighted)));
        Assert.All(forecast, r => Assert.Equal("rep-1", r.OwnerId));

        var coverage = Assert.Single((await reports.CoverageAsync(rep, filter)).Rows);
        Assert.Equal((100_000m, 30_000m, 50_000m, 37_500m, 70_000m), (coverage.Quota!.Value, coverage.Won, coverage.Open, coverage.Weighted, coverage.Remaining!.Value));
        Assert.Equal(50.0 / 70.0, coverage.Coverage!.Value, 9);
        Assert.Equal(0.3, coverage.Attainment!.Value, 9);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ADealWhoseOwnerIsNoUserCountsForNoOneEvenForWhoeverSeesEveryUser(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        await CaptureAsync(host, rep, "Mine");
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            // An owner the directory does not (or no longer) know: imported, or removed from the tenant's users.
            db.Opportunities.Add(Opportunity.Capture(CrmTestHost.TenantA, "Someone else's", "former-rep", PipelineSettings.Default,
                new Actor(CrmTestHost.TenantA, "former-rep", ChangeSurface.Api).At(host.Clock.GetUtcNow()), amount: 5_000m));
            await db.SaveChangesAsync();
        }
        host.Clock.Advance(TimeSpan.FromDays(1));

        var filter = Window with { GroupBy = ReportDimensions.Owner | ReportDimensions.Month };
        var conversion = (await reports.ConversionAsync(rep, filter)).Rows;
        var cycle = (await reports.CycleAsync(rep, filter)).Rows;

        Assert.Equal(["rep-1"], conversion.Select(r => r.OwnerId).Distinct());
        Assert.Equal(1, conversion.Single(r => r.Stage == Stage.New).Entered);
        Assert.Equal(["rep-1"], cycle.Select(r => r.OwnerId).Distinct());
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AgingBucketsCountWholeDaysInTheStage(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        var asOf = host.Clock.GetUtcNow().AddDays(100);
        foreach (var daysAgo in new[] { 91.0, 90.9, 31.0, 30.5, 8.0, 7.99 })
        {
            host.Clock.SetUtcNow(asOf.AddDays(-daysAgo));
            await CaptureAsync(host, rep, $"{daysAgo} days");
        }
        host.Clock.SetUtcNow(asOf);

        var buckets = (await reports.AgingAsync(rep, Window)).Rows.ToDictionary(r => r.Bucket, r => r.Deals);
        Assert.Equal(new Dictionary<string, int> { ["0-7"] = 1, ["8-30"] = 2, ["31-90"] = 2, [">90"] = 1 }, buckets);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task TheCatalogRunsEveryReportByKeyAndRendersItAsCsv(DatabaseKind kind)
    {
        var (host, reports) = await StartAsync(kind);
        await using var _ = host;
        var rep = await host.RepAsync("rep-1");
        var deal = await CaptureAsync(host, rep, "=HYPERLINK(\"http://evil\")", source: CaptureSource.Referral);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.Deals.CloseLostAsync(rep, deal.Id, null, "competitor", "销售易, Inc.");
        var catalog = new ReportCatalog(reports, new AttainmentReports(host.Db.Database, host.Clock));

        foreach (var key in ReportCatalog.Keys)
        {
            var report = await catalog.RunAsync(key, rep, Window with { GroupBy = ReportDimensions.Owner });
            Assert.Equal(key, report.Key);
            var csv = ReportCsv.ToCsv(report);
            Assert.EndsWith("\r\n", csv);
            Assert.DoesNotContain(' ', csv.Split("\r\n")[0]);
        }
        Assert.Equal("reason,competitor,currency,deals,amount\r\ncompetitor,\"销售易, Inc.\",USD,1,100000\r\n",
            ReportCsv.ToCsv(await catalog.RunAsync("LOSS-REASONS", rep, Window)));
        await Assert.ThrowsAsync<NotFoundException>(() => catalog.RunAsync("pipeline-magic", rep, Window));
    }
}

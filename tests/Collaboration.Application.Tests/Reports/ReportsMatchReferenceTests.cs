using Collaboration.Application.DemoData;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Reports;

public class ReportsMatchReferenceTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private const ReportDimensions All = ReportDimensions.Owner | ReportDimensions.Team | ReportDimensions.Source | ReportDimensions.Month;

    [Theory, MemberData(nameof(Databases))]
    public async Task EveryReportMatchesAPlainComputationOverRandomDealLives(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var now = host.Clock.GetUtcNow();
        await ReportWorld.SeedAsync(host.Db.Database, now);
        var reference = await ReferenceReports.LoadAsync(host.Db.Database, CrmTestHost.TenantA);
        var reports = new PipelineReports(host.Db.Database, host.Clock);
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var cases = new (string Actor, ReportFilter Filter)[]
        {
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-400), today) { GroupBy = All }),
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-90), today.AddDays(60)) { Team = "east", GroupBy = ReportDimensions.Owner }),
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-200), today.AddDays(-30)) { OwnerIds = [ReportWorld.Ann, ReportWorld.Chen], GroupBy = ReportDimensions.Month | ReportDimensions.Source }),
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-365), today.AddDays(120)) { Source = CaptureSource.Email, GroupBy = ReportDimensions.Team }),
            (ReportWorld.Ann, new ReportFilter(today.AddDays(-300), today.AddDays(90)) { GroupBy = ReportDimensions.Owner | ReportDimensions.Month }),
            (ReportWorld.Chen, new ReportFilter(today.AddDays(-300), today) { GroupBy = ReportDimensions.None }),
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-300), today) { GroupBy = All, AsOf = now.AddDays(-45) }),
        };
        foreach (var (actorId, filter) in cases)
        {
            await AssertMatchesAsync(reports, reference, new Actor(CrmTestHost.TenantA, actorId, ChangeSurface.Api), filter, filter.AsOf ?? now);
        }

        var everything = await reports.ConversionAsync(new Actor(CrmTestHost.TenantA, ReportWorld.Boss, ChangeSurface.Api), cases[0].Filter);
        Assert.True(everything.Rows.Sum(r => r.Entered) > 200, "the random lives should give the reports something to count");
        Assert.True(reference.StageRowCount > 400);
        Assert.True(reference.Reopens > 5 && reference.Skips > 5 && reference.OwnerChanges > 2, $"{reference.Reopens} reopens, {reference.Skips} skips, {reference.OwnerChanges} owner changes");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task EveryReportMatchesAPlainComputationOverTheDemoTenant(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        Assert.True(await new DemoDataSeeder(host.Db.Database, host.Clock).SeedAsync());
        var reference = await ReferenceReports.LoadAsync(host.Db.Database, DemoDataSeeder.TenantId);
        var reports = new PipelineReports(host.Db.Database, host.Clock);
        var now = host.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        const string manager = "00000000-0000-0000-0000-0000000000010";

        await AssertMatchesAsync(reports, reference, new Actor(DemoDataSeeder.TenantId, manager, ChangeSurface.Teams),
            new ReportFilter(today.AddDays(-365), today.AddDays(180)) { GroupBy = All }, now);
        await AssertMatchesAsync(reports, reference, new Actor(DemoDataSeeder.TenantId, DemoDataSeeder.DemoRepObjectId, ChangeSurface.Teams),
            new ReportFilter(today.AddDays(-180), today) { GroupBy = ReportDimensions.Owner }, now);
    }

    private static async Task AssertMatchesAsync(PipelineReports reports, ReferenceReports reference, Actor actor, ReportFilter filter, DateTimeOffset asOf)
    {
        var who = $"{actor.UserObjectId} {filter}";
        AssertSame(reference.Conversion(actor.UserObjectId, filter, asOf), Canonical.Of(await reports.ConversionAsync(actor, filter)), "conversion " + who);
        AssertSame(reference.Cycle(actor.UserObjectId, filter, asOf), Canonical.Of(await reports.CycleAsync(actor, filter)), "cycle " + who);
        AssertSame(reference.WinRate(actor.UserObjectId, filter, asOf), Canonical.Of(await reports.WinRateAsync(actor, filter)), "win rate " + who);
        AssertSame(reference.LossReasons(actor.UserObjectId, filter, asOf), Canonical.Of(await reports.LossReasonsAsync(actor, filter)), "loss reasons " + who);
        AssertSame(reference.Aging(actor.UserObjectId, filter, asOf), Canonical.Of(await reports.AgingAsync(actor, filter)), "aging " + who);
        if (filter.AsOf is null)
        {
            AssertSame(reference.Forecast(actor.UserObjectId, filter), Canonical.Of(await reports.ForecastAsync(actor, filter)), "forecast " + who);
            AssertSame(reference.Coverage(actor.UserObjectId, filter), Canonical.Of(await reports.CoverageAsync(actor, filter)), "coverage " + who);
        }
    }

    private static void AssertSame(List<string> expected, List<string> actual, string what)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"{what}: {expected.Count} expected rows, {actual.Count} computed; missing [{string.Join("; ", missing)}]; extra [{string.Join("; ", extra)}]");
        Assert.NotEmpty(expected);
    }
}

using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Tests.Reports;

public class WeeklyDigestTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private static readonly Actor Boss = new("tenant-a", "boss", ChangeSurface.Teams);

    [Fact]
    public void ComposeSumsLastWeeksClosesAndMovesAndRanksTheRisks()
    {
        var closes = new WinRateReport(AsOf, [new WinRateRow("ann", null, null, 2, 1), new WinRateRow("carl", null, null, 1, 2)]);
        var losses = new LossReasonReport(AsOf,
        [
            new LossReasonRow("price", "Fabrikam", "USD", 2, 50_000m), new LossReasonRow("timing", null, "USD", 1, 5_000m),
            new LossReasonRow("no budget", null, "USD", 1, 1_000m), new LossReasonRow("product fit", null, "USD", 1, 1_000m),
        ]);
        var moves = new ConversionReport(AsOf,
        [
            new ConversionRow(null, null, null, null, Stage.Proposal, 2, 1, 0), new ConversionRow(null, null, null, null, Stage.New, 4, 2, 0),
            new ConversionRow("2026-11", null, null, null, Stage.New, 1, 0, 0),
        ]);
        var forecast = new ForecastReport(AsOf,
        [
            new ForecastRow("2026-12", null, null, null, ForecastCategory.Commit, "USD", 2, 100_000m, 80_000m),
            new ForecastRow("2026-12", null, null, null, ForecastCategory.Won, "USD", 1, 30_000m, 30_000m),
            new ForecastRow("2027-01", null, null, null, ForecastCategory.Pipeline, "CNY", 1, 500_000m, 50_000m),
        ]);
        var aging = new AgingReport(AsOf,
        [
            new AgingRow("ann", null, null, Stage.Proposal, "31-90", 3),
            new AgingRow("carl", null, null, Stage.Negotiation, ">90", 1),
            new AgingRow("ann", null, null, Stage.New, "0-7", 9),
        ]);
        var coverage = new CoverageReport(AsOf,
        [
            new CoverageRow("ann", null, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "USD", 100_000m, 20_000m, 40_000m, 10_000m, 2),
            new CoverageRow("carl", null, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "USD", 100_000m, 0m, 500_000m, 100_000m, 5),
        ]);

        var digest = WeeklyDigest.Compose(Boss, new DateOnly(2026, 11, 23), closes, losses, moves, forecast, aging, coverage);

        Assert.Equal(("boss", new DateOnly(2026, 11, 29)), (digest.ManagerId, digest.WeekEnd));
        Assert.Equal((3, 3, 0.5), (digest.Won, digest.Lost, digest.WinRate));
        Assert.Equal(["price", "no budget", "product fit"], digest.TopLossReasons.Select(r => r.Reason));
        Assert.Equal([(Stage.New, 5, 2), (Stage.Proposal, 2, 1)], digest.PipelineChanges.Select(m => (m.Stage, m.Entered, m.Advanced)));
        Assert.Equal([("CNY", 500_000m), ("USD", 100_000m)], digest.OpenPipeline.Select(p => (p.Currency, p.Amount)));
        Assert.Equal(
            [(DigestRiskKind.StuckOver90Days, "carl"), (DigestRiskKind.LowCoverage, "ann"), (DigestRiskKind.StuckOver30Days, "ann")],
            digest.TopRisks.Select(r => (r.Kind, r.OwnerId)));
        Assert.Equal(0.5, digest.TopRisks[1].Coverage!.Value, 6);
        Assert.False(digest.IsQuiet);
    }

    [Fact]
    public void AQuietWeekSaysSo()
    {
        var digest = WeeklyDigest.Compose(Boss, new DateOnly(2026, 11, 23), new WinRateReport(AsOf, []), new LossReasonReport(AsOf, []),
            new ConversionReport(AsOf, []), new ForecastReport(AsOf, []), new AgingReport(AsOf, []));

        Assert.True(digest.IsQuiet);
        Assert.Null(digest.WinRate);
    }

    [Theory]
    // UTC: from a Sunday to the next morning; at the run instant itself, the week after.
    [InlineData("2026-11-29T12:00:00Z", "UTC", "2026-11-30T08:00:00Z")]
    [InlineData("2026-11-30T08:00:00Z", "UTC", "2026-12-07T08:00:00Z")]
    [InlineData("2026-11-30T07:59:59Z", "", "2026-11-30T08:00:00Z")]
    // Shanghai (UTC+8): Monday 08:00 is Monday 00:00 UTC; Sunday evening UTC is already Monday there.
    [InlineData("2026-11-29T12:00:00Z", "Asia/Shanghai", "2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T00:00:01Z", "Asia/Shanghai", "2026-12-07T00:00:00Z")]
    [InlineData("2026-11-29T12:00:00Z", "China Standard Time", "2026-11-30T00:00:00Z")]
    // Kolkata (UTC+5:30) and Kiritimati (UTC+14, its Monday starts on Sunday UTC).
    [InlineData("2026-11-29T12:00:00Z", "Asia/Kolkata", "2026-11-30T02:30:00Z")]
    [InlineData("2026-11-28T12:00:00Z", "Pacific/Kiritimati", "2026-11-29T18:00:00Z")]
    // Los Angeles across the end of daylight saving time (Sunday 2026-11-01): PDT before, PST after.
    [InlineData("2026-10-20T00:00:00Z", "America/Los_Angeles", "2026-10-26T15:00:00Z")]
    [InlineData("2026-10-26T15:00:00Z", "America/Los_Angeles", "2026-11-02T16:00:00Z")]
    // Sydney in summer time (UTC+11): Monday 08:00 is Sunday 21:00 UTC.
    [InlineData("2026-11-29T20:00:00Z", "Australia/Sydney", "2026-11-29T21:00:00Z")]
    // An unknown zone falls back to UTC.
    [InlineData("2026-11-29T12:00:00Z", "Mars/Olympus_Mons", "2026-11-30T08:00:00Z")]
    public void TheNextRunIsMondayAtEightInTheManagersTimeZone(string now, string zone, string expected)
    {
        var next = WeeklyDigestSchedule.NextRunAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
        var local = TimeZoneInfo.ConvertTime(next, WeeklyDigestSchedule.Zone(zone));
        Assert.Equal((DayOfWeek.Monday, 8, 0), (local.DayOfWeek, local.Hour, local.Minute));
    }

    [Fact]
    public void SuccessiveRunsAreAWeekApartInLocalTimeAndCoverThePreviousWeek()
    {
        var at = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var runs = new List<DateTimeOffset>();
        for (var i = 0; i < 6; i++) runs.Add(at = WeeklyDigestSchedule.NextRunAfter(at, "Europe/Berlin"));

        Assert.All(runs, r => Assert.Equal(8, TimeZoneInfo.ConvertTime(r, WeeklyDigestSchedule.Zone("Europe/Berlin")).Hour));
        Assert.Equal(new DateOnly(2026, 11, 2), DateOnly.FromDateTime(runs[4].UtcDateTime));
        Assert.Contains(TimeSpan.FromHours(169), runs.Zip(runs.Skip(1), (a, b) => b - a));
        Assert.Equal(new DateOnly(2026, 10, 26), WeeklyDigestSchedule.WeekBefore(runs[4], "Europe/Berlin"));
    }
}

public class WeeklyDigestComposerTests
{
    [Theory]
    [InlineData(Collaboration.Testing.DatabaseKind.Sqlite)]
    [InlineData(Collaboration.Testing.DatabaseKind.Postgres)]
    public async Task TheComposerReportsLastWeekForTheManagersPeopleOnly(Collaboration.Testing.DatabaseKind kind)
    {
        await using var host = await Collaboration.Testing.CrmTestHost.StartAsync(kind);
        var boss = await host.RepAsync("boss");
        var ann = await host.RepAsync("ann", team: "east", manager: "boss");
        var outsider = await host.RepAsync("zed", team: "north");
        // The clock starts on Thursday 2026-11-26: deals close during the week of Monday 2026-11-23.
        var lost = await host.Deals.CaptureAsync(ann, new Collaboration.Application.Capture.CaptureRequest("Lost one") { Amount = 10_000m, CloseDate = new DateOnly(2026, 12, 20) });
        await host.Deals.CaptureAsync(ann, new Collaboration.Application.Capture.CaptureRequest("Open one") { Amount = 30_000m, CloseDate = new DateOnly(2026, 12, 20) });
        var theirs = await host.Deals.CaptureAsync(outsider, new Collaboration.Application.Capture.CaptureRequest("Not ours"));
        await host.Deals.CloseLostAsync(ann, lost.Id, null, "price", "Fabrikam");
        await host.Deals.CloseLostAsync(outsider, theirs.Id, null, "timing", null);
        host.Clock.Advance(TimeSpan.FromDays(4));
        var runAt = WeeklyDigestSchedule.NextRunAfter(host.Clock.GetUtcNow().AddDays(-1), "UTC");
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), runAt);
        var composer = new WeeklyDigestComposer(new PipelineReports(host.Db.Database, host.Clock), new AttainmentReports(host.Db.Database, host.Clock), host.Db.Database);

        var digest = await composer.ComposeAsync(boss, WeeklyDigestSchedule.WeekBefore(runAt, "UTC"), runAt);

        Assert.Equal((new DateOnly(2026, 11, 23), 0, 1), (digest.WeekStart, digest.Won, digest.Lost));
        Assert.Equal("price", Assert.Single(digest.TopLossReasons).Reason);
        Assert.Equal(2, digest.PipelineChanges.Single(m => m.Stage == Collaboration.Domain.Pipeline.Stage.New).Entered);
        Assert.Equal(30_000m, Assert.Single(digest.OpenPipeline).Amount);
        Assert.Equal([("boss", "UTC", "en-US")], await composer.ManagersAsync(Collaboration.Testing.CrmTestHost.TenantA));
    }
}

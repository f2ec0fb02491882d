using Collaboration.Application.Capture;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// On PostgreSQL a report's statements are planned for the values they run with: a plan kept for any values compares
/// the visible owners one by one on every row. Only for the report's own transaction (SET LOCAL): every turn of the bot
/// keeps its prepared plans.
/// </summary>
public class ReportPlanTests
{
    [Fact]
    public async Task EveryReportReadsInAUnitOfWorkPlannedForItsOwnValues()
    {
        // Listening before the host starts: a pooled context's logger that found nobody listening skips logging for a
        // second (EF Core's logging cache), so a SET LOCAL could run unseen right after a later start.
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var rep = await host.RepAsync("rep-plans");
        await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso renewal") { Amount = 5_000m });
        var catalog = new ReportCatalog(new PipelineReports(host.Db.Database, host.Clock), new AttainmentReports(host.Db.Database, host.Clock));
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var year = new ReportFilter(today.AddYears(-1), today);

        await using (var probe = host.Db.Database.Open(rep.TenantId))
        {
            commands.RecordOn(probe.Database.GetDbConnection());
        }
        foreach (var key in ReportCatalog.Keys) await catalog.RunAsync(key, rep with { Surface = ChangeSurface.Api }, year);
        var ran = commands.Stop();

        var reads = ran.Where(c => c.Text.Contains("\"StageStints\"", StringComparison.Ordinal) || c.Text.Contains("\"Quotas\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        var planned = ran.Where(c => c.Text.Contains("plan_cache_mode", StringComparison.Ordinal)).Select(c => c.UnitOfWork).ToHashSet();
        Assert.All(reads, read => Assert.Contains(read.UnitOfWork, planned));
    }
}

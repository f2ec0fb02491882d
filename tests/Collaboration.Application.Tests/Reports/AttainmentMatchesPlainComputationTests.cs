using System.Globalization;
using Collaboration.Application.Access;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotas;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Reports;

public class AttainmentMatchesPlainComputationTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task AttainmentPerRepAndTeamMatchesAPlainComputation(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var now = host.Clock.GetUtcNow();
        await ReportWorld.SeedAsync(host.Db.Database, now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var quarter = QuotaPeriod.Quarter(today.Year, (today.Month - 1) / 3 + 1);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            db.Quotas.Add(Quota.ForTeam(CrmTestHost.TenantA, "east", quarter, 400_000m, "USD"));
            db.Quotas.Add(Quota.ForTeam(CrmTestHost.TenantA, "west", QuotaPeriod.Month(today.Year, today.Month), 90_000m, "USD"));
            await db.SaveChangesAsync();
        }
        var reports = new AttainmentReports(host.Db.Database, host.Clock);

        foreach (var (actor, filter) in new[]
        {
            (ReportWorld.Boss, new ReportFilter(today.AddDays(-200), today.AddDays(100))),
            (ReportWorld.Ann, new ReportFilter(quarter.Start, quarter.End)),
            (ReportWorld.Boss, new ReportFilter(quarter.Start, quarter.End) { Team = "east" }),
        })
        {
            var report = await reports.AttainmentAsync(new Actor(CrmTestHost.TenantA, actor, ChangeSurface.Api), filter);
            var expected = await PlainAsync(host.Db, actor, filter);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, report.Rows.Select(Line).Order(StringComparer.Ordinal).ToList());
        }
    }

    private static string Line(AttainmentRow r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Scope}|{r.OwnerId}|{r.Team}|{r.PeriodStart:yyyy-MM-dd}|{r.PeriodEnd:yyyy-MM-dd}|{r.Currency}|{r.Quota:0.00}|{r.Won:0.00}|{r.Weighted:0.00}|{r.OpenDeals}");

    /// <summary>Every deal and quota loaded, then counted one by one.</summary>
    private static async Task<List<string>> PlainAsync(TestDatabase database, string actor, ReportFilter filter)
    {
        await using var db = database.Database.Open(CrmTestHost.TenantA);
        var users = await db.Users.AsNoTracking().ToListAsync();
        var deals = await db.Opportunities.AsNoTracking().ToListAsync();
        var quotas = await db.Quotas.AsNoTracking().ToListAsync();
        var visible = DealAccess.VisibleOwners(users, actor)
            .Where(o => filter.Team is null || users.Single(u => u.ObjectId == o).Team == filter.Team).ToHashSet();
        string? TeamOf(string owner) => users.FirstOrDefault(u => u.ObjectId == owner)?.Team;
        var teams = visible.Select(TeamOf).OfType<string>().ToHashSet();
        var lines = new List<string>();
        foreach (var q in quotas)
        {
            if (q.PeriodStart > filter.To || q.PeriodEnd < filter.From) continue;
            if (q.OwnerId is { } owner ? !visible.Contains(owner) : !teams.Contains(q.Team!)) continue;
            decimal won = 0, weighted = 0;
            var open = 0;
            foreach (var d in deals)
            {
                if (!visible.Contains(d.OwnerId) || d.Currency != q.Currency || d.CloseDate is not { } close || close < q.PeriodStart || close > q.PeriodEnd) continue;
                if (q.OwnerId is not null ? d.OwnerId != q.OwnerId : TeamOf(d.OwnerId) != q.Team) continue;
                if (d.Stage == Stage.Won) won += d.Amount ?? 0;
                else if (d.Stage != Stage.Lost)
                {
                    weighted += (d.Amount ?? 0) * d.Probability / 100m;
                    open++;
                }
            }
            var scope = q.OwnerId is null ? "team" : "rep";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{scope}|{q.OwnerId}|{q.Team ?? TeamOf(q.OwnerId!)}|{q.PeriodStart:yyyy-MM-dd}|{q.PeriodEnd:yyyy-MM-dd}|{q.Currency}|{q.Amount:0.00}|{won:0.00}|{Math.Round(weighted, 2):0.00}|{open}"));
        }
        return lines.Order(StringComparer.Ordinal).ToList();
    }
}

using Collaboration.Application.Access;
using Collaboration.Application.Organisation;
using Collaboration.Application.Tests.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Organisation;

/// <summary>The organisation as one person sees it, on both databases, against what the rows say.</summary>
public class OrganisationPlacesTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task AManagersDirectReportsCarryTheirOpenDealsAndWeightedPipelineAndNothingCrossesTenants(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        await ReportWorld.SeedAsync(host.Db.Database, host.Clock.GetUtcNow());
        var places = new OrganisationPlaces(host.Db.Database, new AdminOptions { BootstrapObjectIds = [ReportWorld.Chen] });
        var boss = new Actor(CrmTestHost.TenantA, ReportWorld.Boss, ChangeSurface.Teams);

        var place = await places.PlaceAsync(boss);

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var users = await db.Users.AsNoTracking().ToListAsync();
        var deals = await db.Opportunities.AsNoTracking().Where(o => o.Stage != Stage.Won && o.Stage != Stage.Lost).ToListAsync();
        var direct = users.Where(u => u.ManagerObjectId == ReportWorld.Boss).Select(u => u.ObjectId).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(direct);
        Assert.Equal(direct, place.Reports.Select(r => r.Person.ObjectId).Order(StringComparer.Ordinal));
        foreach (var report in place.Reports)
        {
            var own = deals.Where(d => d.OwnerId == report.Person.ObjectId).ToList();
            Assert.Equal(own.Count, report.OpenDeals);
            var expected = own.Where(d => d.Amount is not null).GroupBy(d => d.Currency)
                .ToDictionary(g => g.Key, g => Math.Round(g.Sum(d => d.Amount!.Value * d.Probability / 100m), 2));
            Assert.Equal(expected, report.Weighted.ToDictionary(w => w.Currency, w => w.Weighted));
        }
        Assert.Contains(place.Reports, r => r.OpenDeals > 0 && r.Weighted.Count > 0);
        Assert.True(place.IsManager);
        Assert.True(await places.IsManagerAsync(boss));
        Assert.False(await places.IsManagerAsync(new Actor(CrmTestHost.TenantA, ReportWorld.Ann, ChangeSurface.Teams)));

        var ann = await places.PlaceAsync(new Actor(CrmTestHost.TenantA, ReportWorld.Ann, ChangeSurface.Teams));
        var annsRow = users.Single(u => u.ObjectId == ReportWorld.Ann);
        Assert.Equal(annsRow.ManagerObjectId, ann.Manager?.ObjectId);
        Assert.Equal(users.Count(u => u.Team == annsRow.Team && u.Active), ann.TeamSize);
        Assert.DoesNotContain(ann.Teammates, t => t.ObjectId == ReportWorld.Outsider);

        var admins = await places.AdminsAsync(boss);
        Assert.Equal([ReportWorld.Chen], admins.Select(a => a.ObjectId));
        Assert.Empty(await places.AdminsAsync(new Actor(CrmTestHost.TenantB, ReportWorld.Outsider, ChangeSurface.Teams)));
    }
}

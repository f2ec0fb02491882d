using Collaboration.Application.DemoData;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests;

public class DemoDataTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task TheDemoTenantHasHundredsOfDealsInEveryStageWithHistoryAndSeedsOnce(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var seeder = new DemoDataSeeder(host.Db.Database, host.Clock);
        Assert.True(await seeder.SeedAsync());
        Assert.False(await seeder.SeedAsync());

        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var deals = await db.Opportunities.AsNoTracking().ToListAsync();
        Assert.InRange(deals.Count, 300, 400);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.True(deals.Count(d => d.Stage == stage) >= 5, $"only {deals.Count(d => d.Stage == stage)} deals in {stage}");
        }
        Assert.Contains(deals, d => d.Name.Contains('华') || d.Name.Contains("年度采购"));
        Assert.All(deals.Where(d => d.Stage == Stage.Lost), d => Assert.NotNull(d.LossReason));
        Assert.All(deals.Where(d => d.Stage == Stage.Won), d => Assert.NotNull(d.Amount));

        var stageChanges = await db.OpportunityChanges.CountAsync(c => c.Field == ChangedField.Stage);
        Assert.True(stageChanges > deals.Count * 2);
        var oldest = await db.OpportunityChanges.MinAsync(c => c.ChangedAt);
        Assert.True(oldest < host.Clock.GetUtcNow().AddMonths(-12));
        Assert.True(await db.OpportunityChanges.AllAsync(c => c.ChangedAt <= host.Clock.GetUtcNow()));

        var demoRep = new Actor(DemoDataSeeder.TenantId, DemoDataSeeder.DemoRepObjectId, Domain.Common.ChangeSurface.Teams);
        Assert.NotEmpty(await host.Queries.MyOpenDealsAsync(demoRep));
    }
}

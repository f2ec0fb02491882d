using System.Text.RegularExpressions;
using Collaboration.Application.DemoData;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Collaboration.Testing.Node;
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

    /// <summary>
    /// run.sh connects the demo tenant to the Agents Playground: a demo person with no chat there (a Playground user,
    /// whose 1:1 chat the bot starts, or a conversation DemoPlayground maps them to) would have their reminders and
    /// digests parked, with an error line in a newcomer's terminal.
    /// </summary>
    [Fact]
    public async Task EveryDemoPersonHasAChatInTheAgentsPlaygroundSoNoDemoNotificationIsParked()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        await new DemoDataSeeder(host.Db.Database, host.Clock).SeedAsync(dealCount: 20);
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var people = await db.Users.AsNoTracking().Select(u => u.ObjectId).ToListAsync();

        var playgroundConfig = await File.ReadAllTextAsync(Path.Combine(NodeTools.RepositoryRoot, "scripts", "agents-playground.yml"));
        var playgroundUsers = Regex.Matches(playgroundConfig, @"aadObjectId:\s*(\S+)").Select(m => m.Groups[1].Value).ToList();
        var mapped = DemoPlayground.Conversations.Select(c => c.UserObjectId).ToList();

        Assert.True(playgroundUsers.Count <= 6, "the Playground holds the current user and five others");
        Assert.Empty(people.Except(playgroundUsers).Except(mapped));
        Assert.Contains(people, p => p == "00000000-0000-0000-0000-0000000000010");
    }
}

using Collaboration.Application.Administration;
using Collaboration.Application.Capture;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A change to a deal reads the deal with its tenant's pipeline in one statement (two round trips on PostgreSQL were a
/// fifth of a card click's), and a capture from a sender's address reads its tenant's row once; the pipeline either
/// applies is still its own tenant's, the one an admin saved last.
/// </summary>
public class ChangeReadTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task AMoveReadsItsDealWithItsTenantsPipelineInOneStatementAndAppliesThatPipeline(DatabaseKind kind)
    {
        // Listening before the host starts: EF Core caches for a while that nobody listens to its commands.
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var admin = new PipelineAdministration(host.Db.Database, TimeProvider.System);
        foreach (var (tenant, probability) in new[] { (CrmTestHost.TenantA, 37), (CrmTestHost.TenantB, 61) })
        {
            var actor = new Actor(tenant, "aad-admin", ChangeSurface.Api);
            var pipeline = await admin.GetAsync(actor);
            await admin.ChangeAsync(actor, pipeline with
            {
                Stages = pipeline.Stages.Select(s => s.Stage == Stage.Qualify ? s with { Probability = probability } : s).ToList(),
            }, pipeline.Version);
        }
        var ann = await host.RepAsync("ann");
        var deal = await host.Deals.CaptureAsync(ann, new CaptureRequest("Contoso renewal") { Amount = 5000m });

        commands.Record(deal.Id);
        var moved = await host.Deals.MoveStageAsync(ann, deal.Id, deal.Version, Stage.Qualify, overrideReason: "strategic");
        var ran = commands.Stop();

        Assert.Equal(37, moved.Deal.Probability);
        Assert.Equal(37, (await host.Queries.DetailAsync(ann, deal.Id)).Deal.Probability);
        var reads = ran.TakeWhile(c => !c.Text.TrimStart().StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase))
            .Where(c => c.Text.Contains("FROM \"Opportunities\"", StringComparison.Ordinal)).ToList();
        var dealRead = Assert.Single(reads);
        Assert.Contains("\"Pipeline\"", dealRead.Text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ACaptureFromASendersAddressReadsItsTenantsRowOnceAndAppliesItsPipeline(DatabaseKind kind)
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        await SetNewStageProbabilityAsync(host, CrmTestHost.TenantA, 7);
        await SetNewStageProbabilityAsync(host, CrmTestHost.TenantB, 9);
        var ann = await host.RepAsync("ann");
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA)) commands.RecordOn(db.Database.GetDbConnection());

        var captured = await host.Deals.CaptureAsync(ann, new CaptureRequest("Contoso – 50 seats") { ContactEmail = "wang.fang@contoso.com" });
        var ran = commands.Stop();

        Assert.Equal(7, captured.Probability);
        Assert.NotNull(captured.PrimaryContactId);
        Assert.Equal(7, (await host.Queries.DetailAsync(ann, captured.Id)).Deal.Probability);
        // The free-mail check reads the tenant's row, pipeline and all; the capture uses that pipeline.
        Assert.Single(ran, c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                                && c.Text.Contains("FROM \"Tenants\"", StringComparison.Ordinal));
    }

    private static async Task SetNewStageProbabilityAsync(CrmTestHost host, string tenant, int probability)
    {
        var admin = new PipelineAdministration(host.Db.Database, TimeProvider.System);
        var actor = new Actor(tenant, "aad-admin", ChangeSurface.Api);
        var pipeline = await admin.GetAsync(actor);
        await admin.ChangeAsync(actor, pipeline with
        {
            Stages = pipeline.Stages.Select(s => s.Stage == Stage.New ? s with { Probability = probability } : s).ToList(),
        }, pipeline.Version);
    }
}

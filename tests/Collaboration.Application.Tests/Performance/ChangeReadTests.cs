using Collaboration.Application.Administration;
using Collaboration.Application.Capture;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A change to a deal reads the deal with its tenant's pipeline in one statement (two round trips on PostgreSQL were a
/// fifth of a card click's), and the pipeline it applies is still its own tenant's, the one an admin saved last.
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
}

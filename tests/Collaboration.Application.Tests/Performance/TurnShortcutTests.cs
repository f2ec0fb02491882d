using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>The shortcuts issue 18 took keep what they skipped: connection settings and the card after a save.</summary>
public class TurnShortcutTests
{
    [Fact]
    public async Task EverySqliteConnectionFromThePoolEnforcesForeignKeysWaitsForTheWriterAndSyncsNormally()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        // One after another reuses a pooled native connection; two at once need a second one.
        for (var round = 0; round < 3; round++)
        {
            await using var first = database.Database.Open(CrmTestHost.TenantA);
            await using var second = database.Database.Open(CrmTestHost.TenantA);
            foreach (var db in new[] { first, second })
            {
                await db.Database.OpenConnectionAsync();
                Assert.Equal(1L, await PragmaAsync(db, "foreign_keys"));
                Assert.Equal(5000L, await PragmaAsync(db, "busy_timeout"));
                Assert.Equal(1L, await PragmaAsync(db, "synchronous"));
            }
        }
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task TheDealDrawnFromTheSavedAggregateIsTheDealReadAgain(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso – 50 seats")
        {
            ContactEmail = "wang.fang@contoso.com",
            Amount = 50_000m,
            Currency = "USD",
            Qualification = new BantUpdate { BudgetStatus = BudgetStatus.CanBuy, Need = NeedLevel.MustHave },
        });
        var before = await host.Queries.DetailAsync(rep, deal.Id);

        var moved = await host.Deals.MoveStageAsync(rep, deal.Id, before.Deal.Version, Stage.Qualify);
        var drawn = host.Queries.AfterSave(before, moved.Deal);
        var read = await host.Queries.DetailAsync(rep, deal.Id);

        Assert.NotNull(drawn);
        Assert.Equal(read.Deal.Stage, drawn.Deal.Stage);
        Assert.Equal(read.Deal.Version, drawn.Deal.Version);
        Assert.Equal(read.Deal.Probability, drawn.Deal.Probability);
        Assert.Equal(read.Score.Total, drawn.Score.Total);
        Assert.Equal(read.Score.Gaps, drawn.Score.Gaps);
        Assert.Equal(read.MissingToAdvance, drawn.MissingToAdvance);
        Assert.Equal(read.Account?.Name, drawn.Account?.Name);
        Assert.Equal(read.PrimaryContact?.Email, drawn.PrimaryContact?.Email);
    }

    [Fact]
    public async Task SqliteWritersOfOneProcessAllSaveAndTwoChangesToOneVersionStillConflict()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-1");
        var deals = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => host.Deals.CaptureAsync(rep, new CaptureRequest($"Deal {i}"))));
        Assert.Equal(24, (await host.Queries.MyOpenDealsAsync(rep, 100)).Count);

        var moves = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await host.Deals.MoveStageAsync(rep, deals[0].Id, 1, Stage.Qualify);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        Assert.Single(moves, won => won);
        Assert.Equal(2, (await host.Queries.DetailAsync(rep, deals[0].Id)).Deal.Version);
    }

    private static async Task<long> PragmaAsync(CrmDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

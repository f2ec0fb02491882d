using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Outbox;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Infrastructure.Persistence;
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

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task TheDealDrawnAfterAChangeWithoutReadingItFirstIsTheDealReadAgain(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso – 50 seats")
        {
            ContactEmail = "wang.fang@contoso.com",
            Amount = 50_000m,
            Qualification = new BantUpdate { BudgetStatus = BudgetStatus.CanBuy },
        });

        var moved = await host.Deals.MoveStageAsync(rep, deal.Id, deal.Version, Stage.Qualify);
        var drawn = await host.Queries.AfterChangeAsync(rep, moved, OpportunityQueries.DefaultTimelineLimit);
        var read = await host.Queries.DetailAsync(rep, deal.Id);

        Assert.Equal((read.Deal.Stage, read.Deal.Version, read.Deal.Probability), (drawn.Deal.Stage, drawn.Deal.Version, drawn.Deal.Probability));
        Assert.Equal((read.Score.Total, read.Pipeline.Version), (drawn.Score.Total, drawn.Pipeline.Version));
        Assert.Equal(read.Score.Gaps, drawn.Score.Gaps);
        Assert.Equal(read.MissingToAdvance, drawn.MissingToAdvance);
        Assert.Equal("Contoso", drawn.Account?.Name);
        Assert.Equal("wang.fang@contoso.com", drawn.PrimaryContact?.Email);
        Assert.Equal(read.Timeline.Select(e => (e.Kind, e.Field, e.NewValue)), drawn.Timeline.Select(e => (e.Kind, e.Field, e.NewValue)));
    }

    [Fact]
    public async Task ASaveWaitsForTheDispatchersTransactionInsteadOfMeetingSqlitesWriteLock()
    {
        var folder = Directory.CreateTempSubdirectory("collab-gate-").FullName;
        try
        {
            // Busy timeout 1 ms, command timeout 1 s: a save that met SQLite's write lock would retry for a second and fail.
            var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder, BusyTimeoutMs = 1 }, null);
            await database.MigrateAsync();
            var at = DateTimeOffset.UtcNow;
            Task save;
            await using (var claim = database.Open(CrmTestHost.TenantA))
            {
                await using var transaction = await claim.BeginWriteTransactionAsync();
                claim.Outbox.Add(new OutboxMessage(CrmTestHost.TenantA, "Claimed", "{}", at));
                await claim.SaveChangesAsync();
                save = Task.Run(async () =>
                {
                    await using var db = database.Open(CrmTestHost.TenantA);
                    db.Outbox.Add(new OutboxMessage(CrmTestHost.TenantA, "Saved", "{}", at));
                    await db.SaveChangesAsync();
                });
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                Assert.False(save.IsCompleted, save.Exception?.ToString() ?? "The save finished while the transaction held the write lock.");
                await transaction.CommitAsync();
            }
            await save;
            await using var read = database.Open(CrmTestHost.TenantA);
            Assert.Equal(["Claimed", "Saved"], await read.Outbox.OrderBy(m => m.Id).Select(m => m.Type).ToListAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> PragmaAsync(CrmDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

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
            using var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder, BusyTimeoutMs = 1 }, null);
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

    [Fact]
    public async Task AQueryRunAgainInALaterUnitOfWorkRunsOnTheStatementSqlitePreparedTheFirstTime()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var at = DateTimeOffset.UtcNow;
        await using (var seed = database.Database.Open(CrmTestHost.TenantA))
        {
            seed.Outbox.AddRange(new OutboxMessage(CrmTestHost.TenantA, "Claimed", "{}", at), new OutboxMessage(CrmTestHost.TenantA, "Saved", "{}", at));
            await seed.SaveChangesAsync();
        }

        var statements = new List<(IntPtr Statement, int Runs)>();
        for (var round = 0; round < 5; round++)
        {
            await using var db = database.Database.Open(CrmTestHost.TenantA);
            var type = round % 2 == 0 ? "Claimed" : "Saved";
            Assert.Equal([type], await db.Outbox.Where(m => m.Type == type).Select(m => m.Type).ToListAsync());

            // The way EF runs its SQL: a command from the unit of work's connection, disposed when read.
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"Type\" FROM \"Outbox\" WHERE \"Type\" = $type";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$type";
            parameter.Value = type;
            command.Parameters.Add(parameter);
            await using var reader = (Microsoft.Data.Sqlite.SqliteDataReader)await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(type, reader.GetString(0));
            Assert.False(await reader.ReadAsync());
            statements.Add((reader.Handle!.DangerousGetHandle(), SQLitePCL.raw.sqlite3_stmt_status(reader.Handle, StatementRuns, 0)));
        }

        Assert.Single(statements.Select(s => s.Statement).Distinct());
        Assert.Equal([1, 2, 3, 4, 5], statements.Select(s => s.Runs));
    }

    // SQLITE_STMTSTATUS_RUN: how many times a prepared statement has run (sqlite3_stmt_status).
    private const int StatementRuns = 6;

    [Fact]
    public async Task PostgresqlRunsAStatementItHasSeenAFewTimesByNameInsteadOfPlanningItAgain()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var db = database.Database.Open(CrmTestHost.TenantA);
        db.Outbox.Add(new OutboxMessage(CrmTestHost.TenantA, "Claimed", "{}", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();

        await db.Database.OpenConnectionAsync();
        for (var run = 0; run < 6; run++) Assert.Equal(["Claimed"], await db.Outbox.Where(m => m.Type == "Claimed").Select(m => m.Type).ToListAsync());

        var prepared = await db.Database
            .SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%FROM \"Outbox\"%'")
            .ToListAsync();
        Assert.Single(prepared);
    }

    [Fact]
    public async Task AFailedStatementLeavesTheKeptConnectionFitForTheNextUnitOfWork()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var at = DateTimeOffset.UtcNow;
        var message = new OutboxMessage(CrmTestHost.TenantA, "Claimed", "{}", at);
        System.Data.Common.DbConnection kept;
        await using (var first = database.Database.Open(CrmTestHost.TenantA))
        {
            first.Outbox.Add(message);
            await first.SaveChangesAsync();
        }
        await using (var again = database.Database.Open(CrmTestHost.TenantA))
        {
            await using var transaction = await again.BeginWriteTransactionAsync();
            again.Outbox.Add(new OutboxMessage(CrmTestHost.TenantA, "Left open", "{}", at));
            await again.SaveChangesAsync();
            await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => again.Database.ExecuteSqlRawAsync("INSERT INTO \"Outbox\" (\"Id\") VALUES (NULL)"));
            kept = again.Database.GetDbConnection();
            // Disposed without a commit: the unit of work's changes must not reach the next one on this connection.
        }
        await using (var next = database.Database.Open(CrmTestHost.TenantA))
        {
            Assert.Same(kept, next.Database.GetDbConnection());
            Assert.Equal(["Claimed"], await next.Outbox.OrderBy(m => m.Id).Select(m => m.Type).ToListAsync());
            next.Outbox.Add(new OutboxMessage(CrmTestHost.TenantA, "Saved", "{}", at));
            await next.SaveChangesAsync();
        }
        await using var read = database.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(["Claimed", "Saved"], await read.Outbox.OrderBy(m => m.Id).Select(m => m.Type).ToListAsync());
    }

    private static async Task<long> PragmaAsync(CrmDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

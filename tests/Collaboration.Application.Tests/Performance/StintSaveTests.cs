using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Application.Reports;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A stage change writes the deal's row and its stints. The deal row's version check must run before anything touches
/// the stints: of two changes made from the same version, the second is a conflict the rep is told about, not a
/// duplicate stint key. Both go in one save, the deal's first (EF Core orders them by table name): SQLite runs them one
/// at a time; PostgreSQL runs the batch whole, so there a stint's key error behind a deal that moved on is told as the
/// conflict it is.
/// </summary>
public class StintSaveTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task AMoveWritesTheDealsRowBeforeItsStints(DatabaseKind kind)
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso renewal") { Amount = 5_000m });
        host.Clock.Advance(TimeSpan.FromHours(1));

        commands.Record(deal.Id);
        await host.Deals.MoveStageAsync(rep, deal.Id, deal.Version, Stage.Qualify, overrideReason: "strategic");
        var ran = commands.Stop();

        var writes = ran.Select((command, index) => (command.Text, index))
            .Where(c => c.Text.Contains("UPDATE \"Opportunities\"", StringComparison.Ordinal)
                        || c.Text.Contains("INSERT INTO \"StageStints\"", StringComparison.Ordinal)
                        || c.Text.Contains("UPDATE \"StageStints\"", StringComparison.Ordinal))
            .ToList();
        var dealWrite = Assert.Single(writes, c => c.Text.Contains("UPDATE \"Opportunities\"", StringComparison.Ordinal));
        var stintWrites = writes.Where(c => c.Text.Contains("\"StageStints\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stintWrites);
        foreach (var stints in stintWrites)
        {
            var stintsAt = stints.Text.IndexOf("\"StageStints\"", StringComparison.Ordinal);
            Assert.True(stints.index > dealWrite.index
                        || (stints.index == dealWrite.index && dealWrite.Text.IndexOf("UPDATE \"Opportunities\"", StringComparison.Ordinal) < stintsAt),
                string.Join("\n---\n", writes.Select(w => w.Text)));
        }
    }

    /// <summary>
    /// On PostgreSQL the deal's row, its history and its stints go to the server in one batch, in the save's own
    /// transaction: no second batch for the stints and no savepoints (a round trip to take one and one to release it).
    /// The transaction stays: a deal's version check is a count of rows the client reads, and only a rollback undoes
    /// the rest of a batch whose deal update changed nothing (<c>PersistenceTests.TwoRepsChangingOneDealAtOnce…</c>).
    /// </summary>
    [Fact]
    public async Task AMoveOnPostgresWritesItsDealAndStintsInOneBatchWithoutSavepoints()
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso renewal") { Amount = 5_000m });
        host.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA)) commands.RecordOn(db.Database.GetDbConnection());

        var moved = await host.Deals.MoveStageAsync(rep, deal.Id, deal.Version, Stage.Qualify, overrideReason: "strategic");
        var ran = commands.Stop();

        var batch = Assert.Single(ran, c => c.Text.Contains("UPDATE \"Opportunities\"", StringComparison.Ordinal));
        Assert.Contains("INSERT INTO \"StageStints\"", batch.Text, StringComparison.Ordinal);
        Assert.Contains("UPDATE \"StageStints\"", batch.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ran, c => c != batch && c.Text.Contains("\"StageStints\"", StringComparison.Ordinal) && !c.Text.StartsWith("SELECT", StringComparison.Ordinal));
        Assert.DoesNotContain(ran, c => c.Text == "SAVEPOINT");
        Assert.Single(ran, c => c.Text == "COMMIT");
        await using var read = host.Db.Database.Open(CrmTestHost.TenantA);
        var stints = await read.StageStints.AsNoTracking().Where(s => s.OpportunityId == deal.Id).OrderBy(s => s.Ordinal).ToListAsync();
        Assert.Equal([Stage.New, Stage.Qualify], stints.Select(s => s.Stage));
        Assert.Equal(moved.Deal.Version, (await read.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id)).Version);
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task OfTwoMovesFromOneVersionWrittenTogetherTheLoserIsAConflictAndWritesNoStint(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Fabrikam rollout") { Amount = 10_000m });
        host.Clock.Advance(TimeSpan.FromHours(1));

        await using var first = host.Db.Database.Open(CrmTestHost.TenantA);
        await using var second = host.Db.Database.Open(CrmTestHost.TenantA);
        var mine = await first.Opportunities.SingleAsync(o => o.Id == deal.Id);
        var theirs = await second.Opportunities.SingleAsync(o => o.Id == deal.Id);
        mine.MoveTo(Stage.Qualify, PipelineSettings.Default, rep.At(host.Clock.GetUtcNow()), overrideReason: "strategic");
        theirs.MoveTo(Stage.Nurture, PipelineSettings.Default, rep.At(host.Clock.GetUtcNow()), overrideReason: "strategic");

        // Both saves read the deal's stints and work out the same new one before either writes: the writes wait for
        // a writer that holds SQLite's write lock, or on PostgreSQL for the deal row's lock.
        Task<int>[] saves = [];
        try
        {
            await using var holder = host.Db.Database.Open(CrmTestHost.TenantA);
            await using var held = await holder.BeginWriteTransactionAsync();
            if (kind == DatabaseKind.Postgres)
            {
                await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Opportunities\" WHERE \"Id\" = {deal.Id} FOR UPDATE");
            }
            saves = [Task.Run(() => first.SaveChangesAsync()), Task.Run(() => second.SaveChangesAsync())];
            await WaitForBothAsync(kind, host);
            await held.CommitAsync();
        }
        finally
        {
            // The holder has let go (SQLite's writers wait for it to be disposed): the saves end before their units of work.
            await Task.WhenAny(Task.WhenAll(saves));
        }
        var outcomes = await Task.WhenAll(saves.Select(async save =>
        {
            try
            {
                await save;
                return "saved";
            }
            catch (DbUpdateConcurrencyException)
            {
                return "conflict";
            }
        }));
        Assert.Equal(["conflict", "saved"], outcomes.Order(StringComparer.Ordinal));
        var loser = outcomes[0] == "conflict" ? first : second;
        Assert.Empty(loser.ChangeTracker.Entries<StageStint>());

        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var saved = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id);
        Assert.Equal(deal.Version + 1, saved.Version);
        var stints = await db.StageStints.AsNoTracking().Where(s => s.OpportunityId == deal.Id).OrderBy(s => s.Ordinal).ToListAsync();
        Assert.Equal([Stage.New, saved.Stage], stints.Select(s => s.Stage));
    }

    /// <summary>
    /// On PostgreSQL a stint's key error is told as a conflict only when the deal really moved on since it was read: a
    /// stint written by something that left the deal's row as it was stays the error it is, and nothing of the move is saved.
    /// </summary>
    [Fact]
    public async Task AStintKeyErrorWithoutAConcurrentChangeOfTheDealIsNotToldAsAConflict()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Northwind pilot") { Amount = 8_000m });
        host.Clock.Advance(TimeSpan.FromHours(1));
        int HistoryOf(CrmDbContext db) => db.OpportunityChanges.AsNoTracking().Count(c => c.OpportunityId == deal.Id);
        int history;
        await using (var before = host.Db.Database.Open(CrmTestHost.TenantA)) history = HistoryOf(before);

        await using var mover = host.Db.Database.Open(CrmTestHost.TenantA);
        var mine = await mover.Opportunities.SingleAsync(o => o.Id == deal.Id);
        mine.MoveTo(Stage.Qualify, PipelineSettings.Default, rep.At(host.Clock.GetUtcNow()), overrideReason: "strategic");
        Task<int> save;
        await using (var holder = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            await using var held = await holder.BeginWriteTransactionAsync();
            await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Opportunities\" WHERE \"Id\" = {deal.Id} FOR UPDATE");
            save = Task.Run(() => mover.SaveChangesAsync());
            await WaitForAsync(host, waiting: 1);
            // The stint the move is about to add, written by a writer that does not change the deal's row.
            var at = StageStint.Ticks(host.Clock.GetUtcNow());
            holder.StageStints.Add(new StageStint
            {
                TenantId = CrmTestHost.TenantA,
                OpportunityId = deal.Id,
                Ordinal = 1,
                OwnerId = deal.OwnerId,
                Source = deal.Source,
                Stage = Stage.Nurture,
                EnteredAt = at,
                Month = StageStint.MonthOf(at),
                LeftAt = StageStint.Never,
                PreviousEntryAt = StageStint.NoneBefore,
                AdvancedAt = StageStint.Never,
                WonAt = StageStint.Never,
                StartedAt = at,
            });
            await holder.SaveChangesAsync();
            await held.CommitAsync();
        }

        var failed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => save);
        Assert.IsNotType<DbUpdateConcurrencyException>(failed);
        await using var db = host.Db.Database.Open(CrmTestHost.TenantA);
        var stored = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id);
        Assert.Equal((deal.Version, Stage.New), (stored.Version, stored.Stage));
        Assert.Equal(history, HistoryOf(db));
    }

    private static async Task WaitForBothAsync(DatabaseKind kind, CrmTestHost host)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            // Queued behind the holder's lock in the process's writers: nothing to ask the database.
            await Task.Delay(500);
            return;
        }
        await WaitForAsync(host, waiting: 2);
    }

    private static async Task WaitForAsync(CrmTestHost host, int waiting)
    {
        // Asked outside the holder's transaction, which would see the sessions as they were when it first asked.
        await using var watcher = host.Db.Database.Open(CrmTestHost.TenantA);
        for (var waited = 0; waited < 100; waited++)
        {
            var waitingNow = await watcher.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync();
            if (waitingNow == waiting) return;
            await Task.Delay(50);
        }
        var seen = await watcher.Database.SqlQueryRaw<string>(
            "SELECT coalesce(wait_event_type, '-') || ' ' || coalesce(wait_event, '-') || ' ' || state || ' ' || left(query, 60) AS \"Value\" FROM pg_stat_activity WHERE datname = current_database()").ToListAsync();
        throw new TimeoutException($"{waiting} saves never waited for the deal row: " + string.Join(" | ", seen));
    }
}

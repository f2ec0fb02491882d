using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// This process's writers to one SQLite file. They queue their saves; one of them leads: it takes <see cref="Gate"/>
/// and commits what is queued, in one transaction a group, each save in its own savepoint: a save that fails (a version
/// conflict, a duplicate key) is rolled back alone and its writer gets the error; the others commit together. The other
/// writers only wait for their save's result, not for the gate: handing the gate from one to the next, each only to
/// find its save done, had them wait in line for the thread pool to run each of them in turn. A commit writes each changed page to
/// the log once, and every writer's page of a table's end, the outbox or an index leaf they share was written once per
/// writer before; the log then also fills, and is checkpointed, that much less often.
/// </summary>
internal sealed class SqliteWriters
{
    // A group is what queued while the last one ran; bounded so that one commit stays short.
    private const int MaxGroup = 32;

    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private int _leading;

    /// <summary>Held by the leader while it commits a group; also taken alone by a unit of work that runs its own transaction.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Saves waiting for a leader to commit them.</summary>
    internal int Queued => _queue.Count;

    public async Task<int> WriteAsync(SqliteCrmDbContext context, Func<CancellationToken, Task<int>> write, CancellationToken ct)
    {
        var mine = new PendingWrite(context, write);
        _queue.Enqueue(mine);
        if (TryLead())
        {
            await LeadAsync(mine);
        }
        else
        {
            // The leader commits this save in one of its groups: no gate to wait for and hand on.
            Task done = mine.Result.WaitAsync(ct);
            await done.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!mine.Result.IsCompleted && mine.TryWithdraw()) throw new OperationCanceledException(ct);
            // Taken into a group already: it uses this unit of work until it has committed.
        }
        return await mine.Result;
    }

    private bool TryLead() => Interlocked.CompareExchange(ref _leading, 1, 0) == 0;

    /// <summary>
    /// Commits what is queued, a group per hold of the gate (a unit of work waiting to take it alone is not starved),
    /// until this writer's own save is done; then its caller goes on, and saves that queued meanwhile get a leader of
    /// their own on the thread pool. Leading is handed on, never dropped with saves still queued.
    /// </summary>
    private async Task LeadAsync(PendingWrite? mine)
    {
        while (true)
        {
            while (!_queue.IsEmpty && mine?.Result.IsCompleted != true)
            {
                await Gate.WaitAsync();
                try
                {
                    await CommitQueuedAsync();
                }
                finally
                {
                    Gate.Release();
                }
            }
            // A writer that queued after the check above and found this one leading is seen here.
            Interlocked.Exchange(ref _leading, 0);
            if (_queue.IsEmpty || !TryLead()) return;
            if (mine?.Result.IsCompleted == true)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static writers => _ = writers.LeadAsync(null), this, preferLocal: false);
                return;
            }
        }
    }

    private async Task CommitQueuedAsync()
    {
        var group = new List<PendingWrite>();
        while (group.Count < MaxGroup && _queue.TryDequeue(out var pending))
        {
            if (pending.TryTake()) group.Add(pending);
        }
        if (group.Count == 0) return;
        if (group.Count == 1)
        {
            // Alone: its own save, on its own connection, as it would run with no one else writing.
            await group[0].RunAloneAsync();
            return;
        }
        await CommitTogetherAsync(group);
    }

    // On the connection of the group's first writer, whose unit of work waits until the group is done; every writer
    // of the group is told how its save went, whatever happens here.
    private static async Task CommitTogetherAsync(List<PendingWrite> group)
    {
        var written = new int[group.Count];
        var failed = new Exception?[group.Count];
        try
        {
            var connection = group[0].Context.RentedConnection;
            using var transaction = connection.BeginTransaction(deferred: false);
            for (var i = 0; i < group.Count; i++)
            {
                var context = group[i].Context;
                transaction.Save("w");
                try
                {
                    context.JoinGroup(connection, transaction);
                    written[i] = await group[i].Write(CancellationToken.None);
                }
                catch (Exception error)
                {
                    failed[i] = error;
                    transaction.Rollback("w");
                }
                finally
                {
                    context.LeaveGroup();
                }
                transaction.Release("w");
            }
            transaction.Commit();
        }
        catch (Exception error)
        {
            // Nothing of the group was committed (SQLite may have ended the transaction itself, and then the rollback
            // that tried to end it failed): every writer whose save had gone in, or was still to, gets this error.
            for (var i = 0; i < group.Count; i++) failed[i] ??= error;
        }
        finally
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (failed[i] is { } error) group[i].Fail(error);
                else group[i].Complete(written[i]);
            }
        }
    }

    private sealed class PendingWrite(SqliteCrmDbContext context, Func<CancellationToken, Task<int>> write)
    {
        private const int Queued = 0, Taken = 1, Withdrawn = 2;
        private readonly TaskCompletionSource<int> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public SqliteCrmDbContext Context => context;
        public Func<CancellationToken, Task<int>> Write => write;
        public Task<int> Result => _result.Task;

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;
        public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;

        public async Task RunAloneAsync()
        {
            try
            {
                Complete(await write(CancellationToken.None));
            }
            catch (Exception error)
            {
                Fail(error);
            }
        }

        public void Complete(int written) => _result.TrySetResult(written);
        public void Fail(Exception error) => _result.TrySetException(error);
    }
}

using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// This process's writers to one SQLite file. They queue for <see cref="Gate"/>; whoever holds it commits the saves
/// waiting then, in one transaction, each in its own savepoint: a save that fails (a version conflict, a duplicate key)
/// is rolled back alone and its writer gets the error; the others commit together. A commit writes each changed page to
/// the log once, and every writer's page of a table's end, the outbox or an index leaf they share was written once per
/// writer before; the log then also fills, and is checkpointed, that much less often.
/// </summary>
internal sealed class SqliteWriters
{
    // A group is what queued while the last one ran; bounded so that one commit stays short.
    private const int MaxGroup = 32;

    private readonly ConcurrentQueue<PendingWrite> _queue = new();

    /// <summary>Held by the writer committing; also taken alone by a unit of work that runs its own transaction.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public async Task<int> WriteAsync(SqliteCrmDbContext context, Func<CancellationToken, Task<int>> write, CancellationToken ct)
    {
        var mine = new PendingWrite(context, write);
        _queue.Enqueue(mine);
        try
        {
            await Gate.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (mine.TryWithdraw())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another writer took this save into its group already: it uses this unit of work until it has committed.
            return await mine.Result;
        }
        try
        {
            // Not done yet means still queued: the last holder of the gate took only what was queued before it.
            while (!mine.Result.IsCompleted) await CommitQueuedAsync(context);
        }
        finally
        {
            Gate.Release();
        }
        return await mine.Result;
    }

    private async Task CommitQueuedAsync(SqliteCrmDbContext leader)
    {
        var group = new List<PendingWrite>();
        while (group.Count < MaxGroup && _queue.TryDequeue(out var pending))
        {
            if (pending.TryTake()) group.Add(pending);
        }
        if (group.Count == 1)
        {
            // Alone: its own save, on its own connection, as it would run with no one else writing.
            await group[0].RunAloneAsync();
            return;
        }
        await CommitTogetherAsync(leader, group);
    }

    // On the leader's connection; every writer of the group is told how its save went, whatever happens here.
    private static async Task CommitTogetherAsync(SqliteCrmDbContext leader, List<PendingWrite> group)
    {
        var written = new int[group.Count];
        var failed = new Exception?[group.Count];
        try
        {
            var connection = leader.RentedConnection;
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

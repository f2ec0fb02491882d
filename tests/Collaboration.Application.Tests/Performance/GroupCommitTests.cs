using System.Buffers.Binary;
using System.Diagnostics;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence;
using Collaboration.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// On SQLite the saves that queue while another writer holds the lock commit together, in one transaction, each in its
/// own savepoint: one commit for the lot, and a save that fails is rolled back alone, with its error for its caller.
/// </summary>
public class GroupCommitTests
{
    [Fact]
    public async Task SavesThatQueuedTogetherCommitOnceAndAllOfThemAreThere()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-group");
        await host.Deals.CaptureAsync(rep, new CaptureRequest("First"));
        var log = LogOf(host);

        const int Captures = 12;
        Task<Opportunity>[] captures;
        int commitsBefore;
        await using (var holder = host.Db.Database.Open(rep.TenantId))
        await using (await holder.BeginWriteTransactionAsync())
        {
            captures = Enumerable.Range(0, Captures).Select(i => Task.Run(() => host.Deals.CaptureAsync(rep, new CaptureRequest($"Queued {i}")))).ToArray();
            // Every capture reads before it queues its save; on a busy machine that can take a while.
            var writers = ((SqliteCrmDbContext)holder).Writers!;
            var waited = Stopwatch.StartNew();
            while (writers.Queued < Captures && waited.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
            Assert.Equal(Captures, writers.Queued);
            commitsBefore = CommitFrames(log);
        }
        var saved = await Task.WhenAll(captures);

        // One commit each would be twelve; all of them queued behind the holder, and commit as one group.
        Assert.Equal(1, CommitFrames(log) - commitsBefore);
        await using var db = host.Db.Database.Open(rep.TenantId);
        var names = await db.Opportunities.AsNoTracking().Select(o => o.Name).ToListAsync();
        Assert.Equal(Enumerable.Range(0, Captures).Select(i => $"Queued {i}").Append("First").Order(), names.Order());
        var ids = saved.Select(d => d.Id).ToList();
        Assert.Equal(Captures, await db.OpportunityChanges.AsNoTracking().Where(c => ids.Contains(c.OpportunityId) && c.Field == ChangedField.Stage).CountAsync());
    }

    [Fact]
    public async Task SavesCommittedInAnotherWritersGroupReturnWhileTheLockIsHeldElsewhere()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-group-return");
        await host.Deals.CaptureAsync(rep, new CaptureRequest("First"));

        Task<Opportunity> leader;
        Task<IAsyncDisposable> laterHolder;
        Task<Opportunity>[] followers;
        await using var later = host.Db.Database.Open(rep.TenantId);
        await using (var holder = host.Db.Database.Open(rep.TenantId))
        await using (await holder.BeginWriteTransactionAsync())
        {
            // A save waits for the lock, then a unit of work that takes it alone (the outbox dispatcher does), then more
            // saves: the first save's group commits them all before the second holder gets the lock.
            leader = Task.Run(() => host.Deals.CaptureAsync(rep, new CaptureRequest("Leader")));
            await Task.Delay(300);
            laterHolder = Task.Run(async () => (IAsyncDisposable)await later.BeginWriteTransactionAsync());
            await Task.Delay(300);
            followers = Enumerable.Range(0, 6).Select(i => Task.Run(() => host.Deals.CaptureAsync(rep, new CaptureRequest($"Follower {i}")))).ToArray();
            await Task.Delay(300);
        }

        await using (await laterHolder)
        {
            // Their saves are committed: the callers go on, with no need of a lock someone else now holds for a while.
            var returned = Task.WhenAll(followers.Append(leader));
            Assert.Same(returned, await Task.WhenAny(returned, Task.Delay(TimeSpan.FromSeconds(10))));
        }
        await using var db = host.Db.Database.Open(rep.TenantId);
        Assert.Equal(8, await db.Opportunities.CountAsync());
    }

    [Fact]
    public async Task MatchingAKnownSenderAgainWritesNothingAndDoesNotWaitForTheLock()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-known-sender");
        var first = await host.Parties.MatchOrCreateAsync(rep.TenantId, "buyer@known.example", "Buyer");

        await using var holder = host.Db.Database.Open(rep.TenantId);
        await using (await holder.BeginWriteTransactionAsync())
        {
            // Every capture from the pane matches its sender first; for a sender already known nothing changes, so the
            // match must not queue behind a writer that holds the lock for a while (the outbox dispatcher's pass).
            var again = Task.Run(() => host.Parties.MatchOrCreateAsync(rep.TenantId, "buyer@known.example", "Buyer"));
            Assert.Same(again, await Task.WhenAny(again, Task.Delay(TimeSpan.FromSeconds(10))));
            var match = await again;
            Assert.Equal((first.Contact.Id, first.Account?.Id, false, false), (match.Contact.Id, match.Account?.Id, match.ContactIsNew, match.AccountIsNew));
        }
        await using var db = host.Db.Database.Open(rep.TenantId);
        Assert.Equal(1, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task ASaveThatFailsInAGroupIsRolledBackAloneAndTheOthersCommit()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-group-conflict");
        var contested = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contested"));
        var others = new List<Opportunity>();
        for (var i = 0; i < 4; i++) others.Add(await host.Deals.CaptureAsync(rep, new CaptureRequest($"Other {i}")));

        var stageChangesBefore = await StageChangesAsync(host, rep, contested.Id);
        Task<DealOutcome>[] moves;
        Task<DealOutcome>[] contestedMoves;
        await using (var holder = host.Db.Database.Open(rep.TenantId))
        await using (await holder.BeginWriteTransactionAsync())
        {
            // Two clicks on the same card (the same version): one moves the deal, the other is a conflict.
            contestedMoves = [
                Task.Run(() => host.Deals.MoveStageAsync(rep, contested.Id, contested.Version, Stage.Qualify)),
                Task.Run(() => host.Deals.MoveStageAsync(rep, contested.Id, contested.Version, Stage.Qualify)),
            ];
            moves = others.Select(o => Task.Run(() => host.Deals.MoveStageAsync(rep, o.Id, o.Version, Stage.Qualify))).ToArray();
            await Task.Delay(500);
        }

        foreach (var move in moves) Assert.Equal(Stage.Qualify, (await move).Deal.Stage);
        var outcomes = await Task.WhenAll(contestedMoves.Select(async m =>
        {
            try
            {
                return (await m).Deal.Stage.ToString();
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));
        Assert.Equal(["Qualify", "conflict"], outcomes.Order(StringComparer.Ordinal));

        // The conflict left nothing behind: one stage change more in the deal's history, one version more.
        Assert.Equal(stageChangesBefore + 1, await StageChangesAsync(host, rep, contested.Id));
        await using var db = host.Db.Database.Open(rep.TenantId);
        var deal = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == contested.Id);
        Assert.Equal((Stage.Qualify, contested.Version + 1), (deal.Stage, deal.Version));
        foreach (var other in others)
        {
            Assert.Equal(Stage.Qualify, (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == other.Id)).Stage);
        }
    }

    [Fact]
    public async Task TwoEmailsFromOneNewSenderCapturedTogetherMakeOneContactAndOneAccount()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-group-sender");

        Task<Opportunity>[] captures;
        await using (var holder = host.Db.Database.Open(rep.TenantId))
        await using (await holder.BeginWriteTransactionAsync())
        {
            // Both find no contact and no account and create them; in one group the second's insert meets the first's
            // row (a duplicate key), is rolled back alone and matched again.
            captures = Enumerable.Range(0, 2).Select(i => Task.Run(() => host.Deals.CaptureAsync(rep, new CaptureRequest($"From the buyer {i}")
            {
                ContactEmail = "buyer@newco.example",
                ContactName = "Buyer",
            }))).ToArray();
            await Task.Delay(500);
        }
        var deals = await Task.WhenAll(captures);

        await using var db = host.Db.Database.Open(rep.TenantId);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Email == "buyer@newco.example");
        var account = await db.Accounts.AsNoTracking().SingleAsync();
        Assert.All(deals, d => Assert.Equal((contact.Id, account.Id), (d.PrimaryContactId!.Value, d.AccountId!.Value)));
        Assert.Equal(2, await db.Opportunities.CountAsync());
    }

    private static async Task<int> StageChangesAsync(CrmTestHost host, Actor rep, Guid dealId)
    {
        await using var db = host.Db.Database.Open(rep.TenantId);
        return await db.OpportunityChanges.AsNoTracking().CountAsync(c => c.OpportunityId == dealId && c.Field == ChangedField.Stage);
    }

    private static string LogOf(CrmTestHost host) => new SqliteConnectionStringBuilder(host.Db.Database.ConnectionString).DataSource + "-wal";

    /// <summary>The commits in SQLite's write-ahead log since it last started again: frames that carry the database's size after a commit.</summary>
    private static int CommitFrames(string logFile)
    {
        using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[32];
        if (stream.Read(header) < header.Length) return 0;
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        var salts = header.AsSpan(16, 8).ToArray();
        var frameHeader = new byte[24];
        var commits = 0;
        for (long offset = 32; offset + 24 + pageSize <= stream.Length; offset += 24 + pageSize)
        {
            stream.Position = offset;
            stream.ReadExactly(frameHeader);
            if (!frameHeader.AsSpan(8, 8).SequenceEqual(salts)) break;
            if (BinaryPrimitives.ReadUInt32BigEndian(frameHeader.AsSpan(4)) != 0) commits++;
        }
        return commits;
    }
}

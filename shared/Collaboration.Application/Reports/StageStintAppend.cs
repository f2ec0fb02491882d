using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using static Collaboration.Application.Reports.StageStintProjection;

namespace Collaboration.Application.Reports;

/// <summary>
/// The stints of a deal whose save only adds stage rows after its last one: the same rows <see cref="Build"/> gives for
/// the whole path, read and written at its end. A stint already written changes only where the new stays reach it:
/// the last one is left, the stays still waiting for a step further along (or for the win) get it; everything else
/// (owner, loss facts, earlier times) is as the path already had it. The full path is read and built instead when a
/// new row is older than the last one written (a clock behind), or nothing is written yet.
/// </summary>
internal static class StageStintAppend
{
    /// <summary>Adds the deal's new and changed stints to <paramref name="writes"/>; false (nothing added) when only the full path will do.</summary>
    public static async Task<bool> TryAsync(CrmDbContext db, Pending pending, Writes writes, CancellationToken ct)
    {
        var deal = pending.Deal;
        // The full build orders the path by time, stably: the new stays in save order, by time.
        var added = pending.NewStays.OrderBy(s => s.EnteredAt).ToList();
        var last = await LastStint.For(db)(db, deal.Id, ct);
        if (last is null || added[0].EnteredAt < last.EnteredAt) return false;

        var highest = added.Max(s => StageStint.Rank(s.Stage));
        var wins = added.Any(s => s.Stage == Stage.Won);
        var waiting = new Dictionary<int, StageStint>();
        // Only Lost added (rank -1, so no win either): no stint waits for it.
        if (highest >= 0)
        {
            await foreach (var stint in WaitingToAdvance.For(db)(db, deal.Id, last.Ordinal, highest).WithCancellation(ct)) waiting[stint.Ordinal] = stint;
        }
        if (wins)
        {
            await foreach (var stint in WaitingToWin.For(db)(db, deal.Id, last.Ordinal).WithCancellation(ct)) waiting.TryAdd(stint.Ordinal, stint);
        }
        var previous = new Dictionary<Stage, long>();
        foreach (var stage in added.Select(s => s.Stage).Distinct())
        {
            if (await LastEntryInto.For(db)(db, deal.Id, stage, ct) is { } at) previous[stage] = at;
        }

        // The new stints, as Build makes them with only the new stays after them.
        var stints = Build(deal.TenantId, deal.Id, deal.OwnerId, deal.Source, new LossFacts(deal.LossReason, deal.Competitor, deal.Currency, deal.Amount), added);
        for (var i = 0; i < stints.Count; i++)
        {
            var stint = new StageStint
            {
                TenantId = stints[i].TenantId,
                OpportunityId = deal.Id,
                Ordinal = last.Ordinal + 1 + i,
                OwnerId = stints[i].OwnerId,
                Source = stints[i].Source,
                Stage = stints[i].Stage,
                EnteredAt = stints[i].EnteredAt,
                Month = stints[i].Month,
                LeftAt = stints[i].LeftAt,
                PreviousEntryAt = previous.TryGetValue(stints[i].Stage, out var before) && stints[i].PreviousEntryAt == StageStint.NoneBefore
                    ? before : stints[i].PreviousEntryAt,
                AdvancedAt = stints[i].AdvancedAt,
                WonAt = stints[i].WonAt,
                StartedAt = last.StartedAt,
                LossReason = stints[i].LossReason,
                Competitor = stints[i].Competitor,
                Currency = stints[i].Currency,
                Amount = stints[i].Amount,
            };
            writes.Added.Add(stint);
        }

        var leftAt = added[0].EnteredAt;
        void Leave(StageStint stint)
        {
            stint.LeftAt = leftAt;
            ReachedFrom(stint, added, wins);
        }
        writes.Changed.Add((last, Leave));
        foreach (var stint in waiting.Values) writes.Changed.Add((stint, row => ReachedFrom(row, added, wins)));
        return true;
    }

    // Compiled: every stage change runs them, and building, hashing and looking up their expression trees cost more
    // than SQLite's work on a deal's few rows.
    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<StageStint?>>> LastStint = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId, CancellationToken _) =>
            db.StageStints.AsNoTracking().Where(s => s.OpportunityId == dealId).OrderByDescending(s => s.Ordinal).FirstOrDefault()));

    // The next two read the index (deal, AdvancedAt, stage, ordinal) and fetch only the rows they return: a deal moved
    // back and forth many times keeps many stints waiting, and fetching each by rowid made a click's cost grow with
    // the deal's history.

    /// <summary>The stints before the last one still waiting for a step further along than <c>highest</c> (≥ 0) reaches; Lost ranks below every stage on the path.</summary>
    private static readonly PerProvider<Func<CrmDbContext, Guid, int, int, IAsyncEnumerable<StageStint>>> WaitingToAdvance = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId, int lastOrdinal, int highest) => db.StageStints.AsNoTracking()
            .Where(s => s.OpportunityId == dealId && s.AdvancedAt == StageStint.Never && (s.Stage == Stage.Lost || (int)s.Stage < highest) && s.Ordinal != lastOrdinal)));

    /// <summary>The stints before the last one still waiting for a win: every one of them until the deal's first win, which is once.</summary>
    private static readonly PerProvider<Func<CrmDbContext, Guid, int, IAsyncEnumerable<StageStint>>> WaitingToWin = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId, int lastOrdinal) => db.StageStints.AsNoTracking()
            .Where(s => s.OpportunityId == dealId && s.WonAt == StageStint.Never && s.Ordinal != lastOrdinal)));

    private static readonly PerProvider<Func<CrmDbContext, Guid, Stage, CancellationToken, Task<long?>>> LastEntryInto = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId, Stage stage, CancellationToken _) => db.StageStints
            .Where(s => s.OpportunityId == dealId && s.Stage == stage).Max(s => (long?)s.EnteredAt)));

    /// <summary>A stint written before the new stays: where it waited for a step further along or for the win, the new stays give it.</summary>
    private static void ReachedFrom(StageStint stint, List<Stay> added, bool wins)
    {
        var rank = StageStint.Rank(stint.Stage);
        // Times never decrease along the path: the first new stay further along is the nearest.
        foreach (var stay in added)
        {
            if (stint.AdvancedAt != StageStint.Never || StageStint.Rank(stay.Stage) <= rank) continue;
            stint.AdvancedAt = stay.EnteredAt;
            break;
        }
        if (wins && stint.WonAt == StageStint.Never) stint.WonAt = added.First(s => s.Stage == Stage.Won).EnteredAt;
    }
}

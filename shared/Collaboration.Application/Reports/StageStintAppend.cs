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
        var highest = added.Max(s => StageStint.Rank(s.Stage));
        var wins = added.Any(s => s.Stage == Stage.Won);
        var entered = added[0].Stage;
        var rows = new List<StageStint>();
        await foreach (var row in Needed.For(db)(db, deal.Id, highest, wins, entered).WithCancellation(ct)) rows.Add(row);
        if (rows.Count == 0) return false;
        var last = rows.MaxBy(s => s.Ordinal)!;
        if (added[0].EnteredAt < last.EnteredAt) return false;

        // The rows answer each part of the statement below; any row answers the parts whose condition it meets.
        var waiting = new Dictionary<int, StageStint>();
        foreach (var stint in rows)
        {
            if (stint.Ordinal == last.Ordinal) continue;
            var toAdvance = highest >= 0 && stint.AdvancedAt == StageStint.Never && (stint.Stage == Stage.Lost || (int)stint.Stage < highest);
            var toWin = wins && stint.WonAt == StageStint.Never;
            if (toAdvance || toWin) waiting.TryAdd(stint.Ordinal, stint);
        }
        var previous = new Dictionary<Stage, long>();
        if (rows.Where(s => s.Stage == entered).Select(s => (long?)s.EnteredAt).Max() is { } lastEntry) previous[entered] = lastEntry;
        foreach (var stage in added.Select(s => s.Stage).Distinct().Where(s => s != entered))
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

    // One statement (each part a round trip of its own on PostgreSQL before), compiled: every stage change runs it, and
    // building, hashing and looking up its expression tree cost more than SQLite's work on a deal's few rows. Its parts:
    // - the deal's last stint;
    // - the stints still waiting for a step further along than `highest` (>= 0; Lost ranks below every stage on the
    //   path), and, when the save wins, those still waiting for the win (every one until the deal's first win, once);
    //   both read the index (deal, AdvancedAt, stage, ordinal) or the deal's rows and fetch only what they return: a
    //   deal moved back and forth many times keeps many stints, and a click's cost must not grow with its history;
    // - the newest entry into `entered`, the first new stay's stage (index (deal, stage, EnteredAt)).
    // A part whose parameter condition is false runs no loop: both SQLite and PostgreSQL test such a term once.
    private static readonly PerProvider<Func<CrmDbContext, Guid, int, bool, Stage, IAsyncEnumerable<StageStint>>> Needed = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId, int highest, bool wins, Stage entered) =>
            db.StageStints.AsNoTracking().Where(s => s.OpportunityId == dealId).OrderByDescending(s => s.Ordinal).Take(1)
                .Concat(db.StageStints.AsNoTracking()
                    .Where(s => highest >= 0 && s.OpportunityId == dealId && s.AdvancedAt == StageStint.Never && (s.Stage == Stage.Lost || (int)s.Stage < highest)))
                .Concat(db.StageStints.AsNoTracking().Where(s => wins && s.OpportunityId == dealId && s.WonAt == StageStint.Never))
                .Concat(db.StageStints.AsNoTracking().Where(s => s.OpportunityId == dealId && s.Stage == entered).OrderByDescending(s => s.EnteredAt).Take(1))));

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

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
    private static readonly Stage[] Stages = Enum.GetValues<Stage>();

    /// <summary>Adds the deal's new and changed stints to <paramref name="writes"/>; false (nothing added) when only the full path will do.</summary>
    public static async Task<bool> TryAsync(CrmDbContext db, Pending pending, Writes writes, CancellationToken ct)
    {
        var deal = pending.Deal;
        // The full build orders the path by time, stably: the new stays in save order, by time.
        var added = pending.NewStays.OrderBy(s => s.EnteredAt).ToList();
        var last = await db.StageStints.AsNoTracking().Where(s => s.OpportunityId == deal.Id).OrderByDescending(s => s.Ordinal).FirstOrDefaultAsync(ct);
        if (last is null || added[0].EnteredAt < last.EnteredAt) return false;

        var highest = added.Max(s => StageStint.Rank(s.Stage));
        var below = Stages.Where(s => StageStint.Rank(s) < highest).ToList();
        var wins = added.Any(s => s.Stage == Stage.Won);
        var lastOrdinal = last.Ordinal;
        var waiting = below.Count == 0 && !wins
            ? []
            : await db.StageStints.AsNoTracking()
                .Where(s => s.OpportunityId == deal.Id && s.Ordinal != lastOrdinal
                            && ((s.AdvancedAt == StageStint.Never && below.Contains(s.Stage)) || (wins && s.WonAt == StageStint.Never)))
                .ToListAsync(ct);
        var stages = added.Select(s => s.Stage).Distinct().ToList();
        var previous = (await db.StageStints
                .Where(s => s.OpportunityId == deal.Id && stages.Contains(s.Stage))
                .GroupBy(s => s.Stage)
                .Select(g => new { Stage = g.Key, At = g.Max(s => s.EnteredAt) })
                .ToListAsync(ct))
            .ToDictionary(p => p.Stage, p => p.At);

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
        foreach (var stint in waiting) writes.Changed.Add((stint, row => ReachedFrom(row, added, wins)));
        return true;
    }

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

using Collaboration.Application.Persistence;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Collaboration.Application.Reports;

/// <summary>
/// Keeps <see cref="StageStint"/> rows in step with the stage history: the unit of work plans and prepares before it
/// saves and writes them right after the deal rows, so a deal's new stage rows, or its new owner, reach its stints in
/// the same transaction. A deal's path only grows at
/// the end (a row that arrives with an earlier time, from a clock behind the others, is placed where the history's
/// own order puts it), so the stints are recomputed from the stints already written plus the new rows.
/// </summary>
internal static class StageStintProjection
{
    internal readonly record struct Stay(Stage Stage, long EnteredAt);

    /// <summary>
    /// A deal whose stints a save must bring up to date, with its stage rows in that save. StaysOnly: the
    /// save adds stage rows and changes neither the owner nor the loss facts, which every stint of the deal carries.
    /// </summary>
    internal sealed record Pending(Opportunity Deal, bool IsNew, List<Stay> NewStays, bool StaysOnly = false);

    /// <summary>What the save changes for the stints; read before the save, which clears the deals' pending rows.</summary>
    public static List<Pending> Plan(CrmDbContext db, IReadOnlyList<EntityEntry<Opportunity>> deals)
    {
        var precision = !db.IsPostgres ? SqliteTickPrecision : PostgresTickPrecision;
        return deals
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && Moves(e)))
            .Select(e => new Pending(e.Entity, e.State == EntityState.Added, e.Entity.PendingChanges
                .Where(c => c.Field == ChangedField.Stage)
                .Select(c => StageFacts.TryParseKey(c.NewValue, out var stage) ? new Stay(stage, Stored(c.ChangedAt, precision)) : (Stay?)null)
                .OfType<Stay>()
                .ToList(), AddsStaysOnly(e)))
            .ToList();
    }

    /// <summary>
    /// The stint rows to write once the deals' own rows are: new ones, and the changes to ones already written.
    /// Prepared (read and worked out) before the save takes SQLite's writer lock, so the lock is held for the writes
    /// only. Reading before the deals' rows are written is safe: every change to a deal's stints comes with its row's
    /// version, which the deal was loaded at, so stints that changed since would fail that save as a conflict.
    /// </summary>
    internal sealed class Writes
    {
        public List<StageStint> Added { get; } = [];
        public List<(StageStint Row, Action<StageStint> Change)> Changed { get; } = [];
        public List<StageStint> Removed { get; } = [];

        /// <summary>Tracks the writes in <paramref name="db"/>, to be written after the deals' own rows.</summary>
        public void Track(CrmDbContext db)
        {
            foreach (var (row, change) in Changed)
            {
                db.StageStints.Attach(row);
                change(row);
                // The save runs without a pass over every tracked entity (see CrmDbContext.SaveChangesAsync).
                db.Entry(row).DetectChanges();
            }
            db.StageStints.RemoveRange(Removed);
            db.StageStints.AddRange(Added);
        }

        /// <summary>Forgets the tracked writes after a save that failed, so that the unit of work holds only its own changes.</summary>
        public void Untrack(CrmDbContext db)
        {
            foreach (var row in Changed.Select(c => c.Row).Concat(Removed).Concat(Added)) db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Reads what the planned deals' stints are now and works out what they must become (nothing tracked).</summary>
    public static async Task<Writes> PrepareAsync(CrmDbContext db, List<Pending> plan, CancellationToken ct)
    {
        var writes = new Writes();
        // A deal's path grows with every stage change: a click appends to its end instead of reading it all.
        if (plan.Count <= AppendAtMost && plan.All(p => !p.IsNew && p.StaysOnly && p.NewStays.Count > 0))
        {
            var rest = new List<Pending>();
            foreach (var pending in plan)
            {
                if (!await StageStintAppend.TryAsync(db, pending, writes, ct)) rest.Add(pending);
            }
            if (rest.Count == 0) return writes;
            plan = rest;
        }
        var known = plan.Where(p => !p.IsNew).Select(p => p.Deal.Id).ToList();
        var existing = new Dictionary<Guid, List<StageStint>>();
        foreach (var batch in known.Chunk(500))
        {
            var rows = await db.StageStints.AsNoTracking().Where(s => batch.Contains(s.OpportunityId)).ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!existing.TryGetValue(row.OpportunityId, out var list)) existing[row.OpportunityId] = list = [];
                list.Add(row);
            }
        }

        foreach (var (deal, _, added, _) in plan)
        {
            var written = existing.TryGetValue(deal.Id, out var rows) ? rows.OrderBy(s => s.Ordinal).ToList() : [];
            // Stable: on equal times the rows already written come first, then the new ones in the order they are saved.
            var path = written.Select(s => new Stay(s.Stage, s.EnteredAt)).Concat(added).OrderBy(s => s.EnteredAt).ToList();
            var stints = Build(deal.TenantId, deal.Id, deal.OwnerId, deal.Source, LossOf(deal), path);
            for (var i = 0; i < stints.Count; i++)
            {
                var built = stints[i];
                if (i < written.Count) writes.Changed.Add((written[i], row => CopyInto(row, built)));
                else writes.Added.Add(built);
            }
            for (var i = stints.Count; i < written.Count; i++) writes.Removed.Add(written[i]);
        }
        return writes;
    }

    /// <summary>
    /// A change the stints carry: a stage row or a new owner (both in the history), or new loss facts, which are not
    /// history and are told by the tracked values (a change of the deal's own properties, original against current).
    /// </summary>
    private static bool Moves(EntityEntry<Opportunity> entry) =>
        entry.Entity.PendingChanges.Any(c => c.Field is ChangedField.Stage or ChangedField.Owner)
        || LossFactsChanged(entry);

    private static bool AddsStaysOnly(EntityEntry<Opportunity> entry) =>
        !entry.Entity.PendingChanges.Any(c => c.Field == ChangedField.Owner) && !LossFactsChanged(entry);

    private static bool LossFactsChanged(EntityEntry<Opportunity> entry) =>
        Changed<string?>(entry, nameof(Opportunity.LossReason)) || Changed<string?>(entry, nameof(Opportunity.Competitor))
        || Changed<string>(entry, nameof(Opportunity.Currency)) || Changed<decimal?>(entry, nameof(Opportunity.Amount));

    // A save of more deals than this (an import, a bulk change) reads their paths in batches instead.
    private const int AppendAtMost = 4;

    // By name: a lambda here is an expression tree built, and taken apart by reflection, on every save.
    private static bool Changed<T>(EntityEntry<Opportunity> entry, string property)
    {
        var values = entry.Property<T>(property);
        return !EqualityComparer<T>.Default.Equals(values.OriginalValue, values.CurrentValue);
    }

    internal readonly record struct LossFacts(string? Reason, string? Competitor, string Currency, decimal? Amount);

    private static LossFacts LossOf(Opportunity deal) => new(deal.LossReason, deal.Competitor, deal.Currency, deal.Amount);

    /// <summary>The stints of one deal's stage path, given in history order (changed at, then id).</summary>
    public static List<StageStint> Build(string tenantId, Guid dealId, string ownerId, CaptureSource source, LossFacts loss, IReadOnlyList<Stay> path)
    {
        var stints = new List<StageStint>(path.Count);
        if (path.Count == 0) return stints;
        var previousEntry = new Dictionary<Stage, long>();
        for (var i = 0; i < path.Count; i++)
        {
            var stay = path[i];
            stints.Add(new StageStint
            {
                TenantId = tenantId,
                OpportunityId = dealId,
                Ordinal = i,
                OwnerId = ownerId,
                Source = source,
                Stage = stay.Stage,
                EnteredAt = stay.EnteredAt,
                Month = StageStint.MonthOf(stay.EnteredAt),
                LeftAt = i + 1 < path.Count ? path[i + 1].EnteredAt : StageStint.Never,
                PreviousEntryAt = previousEntry.TryGetValue(stay.Stage, out var before) ? before : StageStint.NoneBefore,
                AdvancedAt = StageStint.Never,
                WonAt = StageStint.Never,
                StartedAt = path[0].EnteredAt,
            });
            if (stay.Stage == Stage.Lost)
            {
                var lost = stints[^1];
                (lost.LossReason, lost.Competitor, lost.Currency, lost.Amount) = (loss.Reason, loss.Competitor, loss.Currency, loss.Amount);
            }
            previousEntry[stay.Stage] = stay.EnteredAt;
        }
        // Backwards: the nearest later entry of each rank; times never decrease along the path, so nearest is earliest.
        var nearest = new long[(int)Stage.Won + 1];
        Array.Fill(nearest, StageStint.Never);
        for (var i = stints.Count - 1; i >= 0; i--)
        {
            var stint = stints[i];
            var rank = StageStint.Rank(stint.Stage);
            var advanced = StageStint.Never;
            for (var r = rank + 1; r < nearest.Length; r++) advanced = Math.Min(advanced, nearest[r]);
            stint.AdvancedAt = advanced;
            stint.WonAt = nearest[(int)Stage.Won];
            if (rank >= 0) nearest[rank] = stint.EnteredAt;
        }
        return stints;
    }

    /// <summary>
    /// The history's times as each provider keeps them (SQLite: 1,000-tick units, PostgreSQL: microseconds), so a
    /// stint's time is the very time the report's reference reads back from the history row.
    /// </summary>
    public static long Stored(DateTimeOffset at, long precision) => at.UtcTicks - at.UtcTicks % precision;

    public const long SqliteTickPrecision = 1000;
    public const long PostgresTickPrecision = 10;

    private static void CopyInto(StageStint target, StageStint source)
    {
        target.OwnerId = source.OwnerId;
        target.Source = source.Source;
        target.Stage = source.Stage;
        target.EnteredAt = source.EnteredAt;
        target.Month = source.Month;
        target.LeftAt = source.LeftAt;
        target.PreviousEntryAt = source.PreviousEntryAt;
        target.AdvancedAt = source.AdvancedAt;
        target.WonAt = source.WonAt;
        target.StartedAt = source.StartedAt;
        target.LossReason = source.LossReason;
        target.Competitor = source.Competitor;
        target.Currency = source.Currency;
        target.Amount = source.Amount;
    }
}

using System.Text.Json;
using Collaboration.Application.Access;
using Collaboration.Application.Contracts;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Opportunities;

public enum TimelineKind
{
    Interaction,
    Change,
    Stage,
    Review,
}

/// <summary>
/// One line of a deal's story as people read it: <see cref="Summary"/> is plain text in the reader's language. For a
/// change, <see cref="Field"/> is named as the update API names it and the values are as that API takes them (an owner
/// by object id, a contact by email).
/// </summary>
public sealed record DealTimelineEntry(
    DateTimeOffset At, TimelineKind Kind, string Who, string WhoId, ChangeSurface? Surface, string Summary,
    string? Field = null, string? OldValue = null, string? NewValue = null, string? Reason = null);

/// <summary>A deal's newest timeline entries and its payments and deliveries (ordered by due date), as its card shows them.</summary>
public sealed record DealRecent(IReadOnlyList<DealTimelineEntry> Timeline, IReadOnlyList<MilestoneView> Milestones);

/// <summary>A deal's logged touches and history, newest first, for someone who may see the deal.</summary>
public sealed class DealTimeline(ICrmDatabase database, TimeProvider clock)
{
    public const int MaxLimit = 200;

    public async Task<IReadOnlyList<DealTimelineEntry>> ForAsync(Actor actor, Guid id, int limit = 50, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        await using var db = database.Open(actor.TenantId);
        using var reads = db.ReadTogether();
        var deal = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (deal is null || !await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct))
        {
            throw new NotFoundException("deal");
        }
        var pipeline = await OpportunityService.PipelineAsync(db, ct);
        return await EntriesAsync(db, actor, deal, pipeline, limit, ct);
    }

    /// <summary>
    /// The timeline of a deal whose detail was read for the actor (visibility checked, pipeline read) in this turn:
    /// only its history and touches are read, not the deal, the people it is visible to and the pipeline again.
    /// </summary>
    public async Task<IReadOnlyList<DealTimelineEntry>> ForAsync(Actor actor, DealDetail detail, int limit = 50, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        using var reads = db.ReadTogether();
        return await EntriesAsync(db, actor, detail.Deal, detail.Pipeline, Math.Clamp(limit, 1, MaxLimit), ct);
    }

    /// <summary>
    /// What a deal card shows besides a deal whose detail was read for the actor in this turn: its newest
    /// <paramref name="limit"/> timeline entries and its payments and deliveries, read in one unit of work. On SQLite
    /// each unit of work that begins reading after someone else's commit reads its pages from the file again.
    /// </summary>
    public async Task<DealRecent> RecentAsync(Actor actor, DealDetail detail, int limit, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        using var reads = db.ReadTogether();
        var entries = await EntriesAsync(db, actor, detail.Deal, detail.Pipeline, Math.Clamp(limit, 1, MaxLimit), ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DealRecent(entries, await ContractService.MilestonesAsync(db, detail.Deal.Id, today, ct));
    }

    // A deal's newest history and touches: compiled, since every deal card reads them. On SQLite the LIMIT is a constant
    // and the rows past the caller's limit are not read: SQLite prepares a statement whose LIMIT is a bound parameter
    // again each time the parameter is bound (its planner uses the value), which cost more than running it.
    private static readonly PerProvider<Func<CrmDbContext, Guid, int, IAsyncEnumerable<OpportunityChange>>> NewestChanges = new(
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(MaxLimit)),
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(limit)));

    private static readonly PerProvider<Func<CrmDbContext, Guid, int, IAsyncEnumerable<Interaction>>> NewestInteractions = new(
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.Interactions.AsNoTracking().Where(i => i.OpportunityId == id)
            .OrderByDescending(i => i.OccurredAt).Take(MaxLimit)),
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.Interactions.AsNoTracking().Where(i => i.OpportunityId == id)
            .OrderByDescending(i => i.OccurredAt).Take(limit)));

    private sealed record NamedUser(string ObjectId, string DisplayName);

    /// <summary>What a timeline shows of a history row or a logged touch, with the name of who made it.</summary>
    private sealed record TimelineRow(
        bool IsChange, long ChangeId, DateTimeOffset At, string By, string? ByName, ChangeSurface Surface,
        ChangedField Field, string? OldValue, string? NewValue, string? Reason, InteractionKind Kind, string? Summary);

    // The same two reads for a timeline, each row with the name of who made it: the people a timeline names are nearly
    // always its authors, so their names come with the rows instead of in a statement of their own (a round trip on
    // PostgreSQL, on every deal card). On PostgreSQL both are one statement (UNION ALL of the two newest-first reads):
    // one round trip less on every deal card. On SQLite, where a statement costs no round trip, the history's rows past
    // the caller's limit are not read (see above), which a union would read before the touches.
    private static readonly PerProvider<Func<CrmDbContext, Guid, int, IAsyncEnumerable<TimelineRow>>> NewestNamedChanges = new(
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(MaxLimit)
            .Select(c => new TimelineRow(true, c.Id, c.ChangedAt, c.ChangedBy, db.Users.Where(u => u.ObjectId == c.ChangedBy).Select(u => u.DisplayName).FirstOrDefault(),
                c.Surface, c.Field, c.OldValue, c.NewValue, c.Reason, InteractionKind.Note, null))),
        () => EF.CompileAsyncQuery((CrmDbContext db, Guid id, int limit) => db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(limit)
            .Select(c => new
            {
                IsChange = true,
                ChangeId = c.Id,
                At = c.ChangedAt,
                By = c.ChangedBy,
                ByName = db.Users.Where(u => u.ObjectId == c.ChangedBy).Select(u => u.DisplayName).FirstOrDefault(),
                c.Surface,
                // The two enums as their stored text: beside a part's null, a column is read as the first part's type.
                Field = (string?)c.Field.ToString(),
                c.OldValue,
                c.NewValue,
                c.Reason,
                Kind = (string?)null,
                Summary = (string?)null,
            })
            .Concat(db.Interactions.AsNoTracking().Where(i => i.OpportunityId == id)
                .OrderByDescending(i => i.OccurredAt).Take(limit)
                .Select(i => new
                {
                    IsChange = false,
                    ChangeId = 0L,
                    At = i.OccurredAt,
                    By = i.LoggedBy,
                    ByName = db.Users.Where(u => u.ObjectId == i.LoggedBy).Select(u => u.DisplayName).FirstOrDefault(),
                    i.Surface,
                    Field = (string?)null,
                    OldValue = (string?)null,
                    NewValue = (string?)null,
                    Reason = (string?)null,
                    Kind = (string?)i.Kind.ToString(),
                    Summary = (string?)i.Summary,
                }))
            .Select(r => UnionRow(r.IsChange, r.ChangeId, r.At, r.By, r.ByName, r.Surface, r.Field, r.OldValue, r.NewValue, r.Reason, r.Kind, r.Summary))));

    /// <summary>A row of the union as read, its enums parsed from their stored text in .NET.</summary>
    private static TimelineRow UnionRow(
        bool isChange, long changeId, DateTimeOffset at, string by, string? byName, ChangeSurface surface,
        string? field, string? oldValue, string? newValue, string? reason, string? kind, string? summary) =>
        new(isChange, changeId, at, by, byName, surface, isChange ? Enum.Parse<ChangedField>(field!) : ChangedField.Stage, oldValue, newValue, reason,
            isChange ? InteractionKind.Note : Enum.Parse<InteractionKind>(kind!), summary);

    /// <summary>SQLite's second read (PostgreSQL's touches come with its history rows).</summary>
    private static readonly Func<CrmDbContext, Guid, IAsyncEnumerable<TimelineRow>> NewestNamedInteractions = EF.CompileAsyncQuery(
        (CrmDbContext db, Guid id) => db.Interactions.AsNoTracking().Where(i => i.OpportunityId == id)
            .OrderByDescending(i => i.OccurredAt).Take(MaxLimit)
            .Select(i => new TimelineRow(false, 0L, i.OccurredAt, i.LoggedBy, db.Users.Where(u => u.ObjectId == i.LoggedBy).Select(u => u.DisplayName).FirstOrDefault(),
                i.Surface, ChangedField.Stage, null, null, null, i.Kind, i.Summary)));

    private static readonly PerProvider<Func<CrmDbContext, string[], IAsyncEnumerable<NamedUser>>> NamesOf = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string[] objectIds) => db.Users.AsNoTracking().Where(u => objectIds.Contains(u.ObjectId)).Select(u => new NamedUser(u.ObjectId, u.DisplayName))));

    /// <summary>A deal's newest history rows, newest first: <paramref name="limit"/> at most, and never more than <see cref="MaxLimit"/>.</summary>
    internal static Task<List<OpportunityChange>> NewestChangesAsync(CrmDbContext db, Guid id, int limit, CancellationToken ct)
    {
        limit = Math.Min(limit, MaxLimit);
        return limit <= 0 ? Task.FromResult(new List<OpportunityChange>()) : FirstAsync(NewestChanges.For(db)(db, id, limit), limit, ct);
    }

    /// <summary>A deal's newest logged touches, newest first: <paramref name="limit"/> at most, and never more than <see cref="MaxLimit"/>.</summary>
    internal static Task<List<Interaction>> NewestInteractionsAsync(CrmDbContext db, Guid id, int limit, CancellationToken ct)
    {
        limit = Math.Min(limit, MaxLimit);
        return limit <= 0 ? Task.FromResult(new List<Interaction>()) : FirstAsync(NewestInteractions.For(db)(db, id, limit), limit, ct);
    }

    /// <summary>The first <paramref name="limit"/> rows of a query; it is not read further.</summary>
    internal static async Task<List<T>> FirstAsync<T>(IAsyncEnumerable<T> rows, int limit, CancellationToken ct)
    {
        var first = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            first.Add(row);
            if (first.Count >= limit) break;
        }
        return first;
    }

    private static async Task<IReadOnlyList<DealTimelineEntry>> EntriesAsync(CrmDbContext db, Actor actor, Opportunity deal, PipelineSettings pipeline, int limit, CancellationToken ct)
    {
        var id = deal.Id;
        // Who each timeline row is by, as read with it: a display name, or null for an id no user has.
        var names = new Dictionary<string, string?>();
        var changes = new List<TimelineRow>();
        var interactions = new List<TimelineRow>();
        void Take(TimelineRow row)
        {
            // The union's two parts each stop at the limit; SQLite's reads stop there as they are read.
            var into = row.IsChange ? changes : interactions;
            if (into.Count >= limit) return;
            into.Add(row);
            names[row.By] = row.ByName;
        }
        await foreach (var row in NewestNamedChanges.For(db)(db, id, limit).WithCancellation(ct))
        {
            Take(row);
            if (!db.IsPostgres && changes.Count >= limit) break;
        }
        if (!db.IsPostgres)
        {
            await foreach (var row in NewestNamedInteractions(db, id).WithCancellation(ct))
            {
                Take(row);
                if (interactions.Count >= limit) break;
            }
        }

        var contactIds = changes.Where(c => c.Field == ChangedField.PrimaryContact)
            .SelectMany(c => new[] { c.OldValue, c.NewValue }).OfType<string>()
            .Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var contacts = contactIds.Count == 0 ? []
            : await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id.ToString(), c => c.Email, ct);
        // The other people it names (an owner change's owners, a review's author), and only them: loading every user of
        // the tenant per card grew with the tenant.
        var others = changes.Where(c => c.Field == ChangedField.Owner).SelectMany(c => new[] { c.OldValue, c.NewValue }).OfType<string>()
            .Append(deal.Review?.RecordedBy ?? "")
            .Where(objectId => objectId.Length > 0 && !names.ContainsKey(objectId))
            .Distinct().ToArray();
        if (others.Length > 0)
        {
            await foreach (var user in NamesOf.For(db)(db, others).WithCancellation(ct)) names[user.ObjectId] = user.DisplayName;
        }
        string Name(string objectId) => names.TryGetValue(objectId, out var n) && n is { Length: > 0 } ? n : objectId;

        var locale = actor.Locale;
        var entries = new List<(DateTimeOffset At, long Order, DealTimelineEntry Entry)>();
        foreach (var change in changes)
        {
            var oldValue = ApiValue(change.Field, change.OldValue, contacts);
            var newValue = ApiValue(change.Field, change.NewValue, contacts);
            var kind = change.Field switch { ChangedField.Stage => TimelineKind.Stage, ChangedField.Review => TimelineKind.Review, _ => TimelineKind.Change };
            entries.Add((change.At, change.ChangeId, new DealTimelineEntry(change.At, kind, Name(change.By), change.By, change.Surface,
                Summarize(change, oldValue, newValue, pipeline, Name, locale), JsonNamingPolicy.CamelCase.ConvertName(change.Field.ToString()),
                oldValue, newValue, change.Reason)));
        }
        foreach (var interaction in interactions)
        {
            var label = Capitalized(ErrorMessages.Term(interaction.Kind.ToString().ToLowerInvariant(), locale));
            entries.Add((interaction.At, long.MinValue, new DealTimelineEntry(interaction.At, TimelineKind.Interaction,
                Name(interaction.By), interaction.By, interaction.Surface, $"{label}: {interaction.Summary}")));
        }
        if (deal.Review is { } review && !changes.Any(c => c.Field == ChangedField.Review) && changes.Count < limit)
        {
            // Reviews recorded before they had history rows.
            entries.Add((review.RecordedAt, long.MinValue, new DealTimelineEntry(review.RecordedAt, TimelineKind.Review, Name(review.RecordedBy), review.RecordedBy,
                null, $"{Capitalized(ErrorMessages.Term("review", locale))}: {string.Join("; ", review.Factors.DefaultIfEmpty(review.Lessons ?? ""))}")));
        }
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Order).Take(limit).Select(e => e.Entry).ToList();
    }

    private static string? ApiValue(ChangedField field, string? value, IReadOnlyDictionary<string, string> contacts) =>
        field == ChangedField.PrimaryContact && value is not null && contacts.TryGetValue(value, out var email) ? email : value;

    private static string Summarize(TimelineRow change, string? oldValue, string? newValue, PipelineSettings pipeline, Func<string, string> name, string locale)
    {
        string Shown(string? value) => value is null ? "—" : change.Field switch
        {
            ChangedField.Stage when StageFacts.TryParseKey(value, out var stage) => pipeline.For(stage).DisplayName(locale),
            ChangedField.Owner => name(value),
            ChangedField.Probability => value + "%",
            _ => value,
        };
        var reason = change.Reason is { Length: > 0 } r ? $" ({r})" : "";
        var label = Capitalized(ErrorMessages.Term(TermOf(change.Field), locale));
        if (change.Field == ChangedField.Review) return $"{label}: {Shown(newValue)}";
        if (change.Field == ChangedField.Stage && change.OldValue is { } from && StageFacts.TryParseKey(from, out var closed) && closed.IsClosed()
            && newValue is { } to && StageFacts.TryParseKey(to, out var open) && !open.IsClosed())
        {
            return $"{Capitalized(ErrorMessages.Term("reopened", locale))}: {Shown(oldValue)} → {Shown(newValue)}{reason}";
        }
        return $"{label}: {Shown(oldValue)} → {Shown(newValue)}{reason}";
    }

    private static string TermOf(ChangedField field) => field switch
    {
        ChangedField.CloseDate => "close_date",
        ChangedField.NextStep => "next_step",
        ChangedField.NextStepDue => "next_step_due",
        ChangedField.PrimaryContact => "primary_contact",
        ChangedField.BudgetAmount => "budget_amount",
        ChangedField.BudgetCurrency => "budget_currency",
        ChangedField.BudgetStatus => "budget_status",
        ChangedField.DecisionMaker => "decision_maker",
        ChangedField.TargetDate => "target_date",
        ChangedField.Quote => "convert.quote",
        ChangedField.Contract => "convert.contract",
        _ => field.ToString().ToLowerInvariant(),
    };

    private static string Capitalized(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
}

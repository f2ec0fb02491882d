using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Opportunities;

public sealed record DealSummary(
    Guid Id, string Name, string? AccountName, string OwnerId, Stage Stage, decimal? Amount, string Currency,
    int Probability, decimal? WeightedAmount, DateOnly? CloseDate, int QualificationScore, Rating Rating,
    string? NextStep, DateOnly? NextFollowUpOn, DateTimeOffset? LastActivityAt, int Version);

/// <summary>A person a deal can be assigned to: their directory object id and display name.</summary>
public sealed record OwnerChoice(string ObjectId, string Name);

public enum TimelineEntryKind
{
    Change,
    Interaction,
}

public sealed record TimelineEntry(TimelineEntryKind Kind, DateTimeOffset At, string ActorId, ChangeSurface Surface,
    ChangedField? Field, string? OldValue, string? NewValue, InteractionKind? InteractionKind, string? Summary);

public sealed record DealDetail(
    Opportunity Deal, Account? Account, Contact? PrimaryContact, PipelineSettings Pipeline, BantScore Score,
    IReadOnlyList<string> MissingToAdvance, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>What happened to the deal after <paramref name="since"/>, oldest first: shown to a rep whose view is stale.</summary>
    public IReadOnlyList<TimelineEntry> ChangesSince(DateTimeOffset since) =>
        Timeline.Where(e => e.At > since).OrderBy(e => e.At).ToList();
}

public sealed class OpportunityQueries(ICrmDatabase database, TimeProvider clock)
{
    /// <summary>The actor's open deals: hottest first, then the nearest close date.</summary>
    private sealed record DealWithAccount(Opportunity Deal, string? AccountName);

    /// <summary>The most open deals one list shows.</summary>
    public const int MaxOpenDeals = 200;

    // Compiled: `my deals` is the commonest turn, and translating its LINQ anew each time cost more than running it. On
    // SQLite with a constant LIMIT, read as far as asked (see DealTimeline.NewestChanges).
    private static readonly PerProvider<Func<CrmDbContext, string, int, IAsyncEnumerable<DealWithAccount>>> MyOpenDeals = new(
        () => EF.CompileAsyncQuery((CrmDbContext db, string ownerId, int limit) => db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == ownerId && o.Stage != Stage.Won && o.Stage != Stage.Lost)
            .OrderByDescending(o => o.QualificationScore).ThenBy(o => o.CloseDate == null).ThenBy(o => o.CloseDate)
            .Take(MaxOpenDeals)
            .Select(o => new DealWithAccount(o, db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault()))),
        () => EF.CompileAsyncQuery((CrmDbContext db, string ownerId, int limit) => db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == ownerId && o.Stage != Stage.Won && o.Stage != Stage.Lost)
            .OrderByDescending(o => o.QualificationScore).ThenBy(o => o.CloseDate == null).ThenBy(o => o.CloseDate)
            .Take(limit)
            .Select(o => new DealWithAccount(o, db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault()))));

    /// <summary>The actor's open deals, hottest first, then the nearest close date: <paramref name="limit"/> at most, never more than <see cref="MaxOpenDeals"/>.</summary>
    public async Task<IReadOnlyList<DealSummary>> MyOpenDealsAsync(Actor actor, int limit = 50, CancellationToken ct = default)
    {
        limit = Math.Min(limit, MaxOpenDeals);
        if (limit <= 0) return [];
        await using var db = database.Open(actor.TenantId);
        var rows = await DealTimeline.FirstAsync(MyOpenDeals.For(db)(db, actor.UserObjectId, limit), limit, ct);
        return rows.Select(row => Summarize(row.Deal, row.AccountName)).ToList();
    }

    /// <summary>Finds a deal the actor may see by a few words of its name or account; ties are reported, never guessed.</summary>
    public async Task<DealMatch> FindByNameAsync(Actor actor, string text, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var candidates = await db.Opportunities.AsNoTracking()
            .Where(o => visible.Contains(o.OwnerId))
            .Select(o => new DealCandidate(o.Id, o.Name,
                db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(),
                o.Stage != Stage.Won && o.Stage != Stage.Lost))
            .ToListAsync(ct);
        return DealNameMatcher.Match(text, candidates);
    }

    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<Opportunity?>>> DealAsRead =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, Guid id, CancellationToken ct) => db.Opportunities.AsNoTracking().FirstOrDefault(o => o.Id == id)));

    /// <summary>How many timeline entries a deal's detail shows unless told otherwise.</summary>
    public const int DefaultTimelineLimit = 50;

    public async Task<DealDetail> DetailAsync(Actor actor, Guid id, int timelineLimit = DefaultTimelineLimit, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await DealAsRead.For(db)(db, id, ct);
        if (deal is null || !await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct)) throw new NotFoundException("deal");

        var account = deal.AccountId is { } accountId ? await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct) : null;
        var contact = deal.PrimaryContactId is { } contactId ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contactId, ct) : null;
        var pipeline = await OpportunityService.PipelineAsync(db, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var timeline = await TimelineAsync(db, id, timelineLimit, ct);

        var next = deal.Stage.Next();
        var missing = next is { } target ? deal.MissingFor(target, pipeline, today) : [];
        return new DealDetail(deal, account, contact, pipeline, deal.ScoreQualification(pipeline, today), missing, timeline);
    }

    /// <summary>A deal's newest history rows and touches, newest first.</summary>
    private static async Task<List<TimelineEntry>> TimelineAsync(CrmDbContext db, Guid id, int limit, CancellationToken ct)
    {
        var changes = await DealTimeline.NewestChangesAsync(db, id, limit, ct);
        var interactions = await DealTimeline.NewestInteractionsAsync(db, id, limit, ct);
        return Timeline(changes, interactions, limit);
    }

    /// <summary>The same timeline from a new deal's history as its capture saved it, in the order the reads give.</summary>
    private static List<TimelineEntry> Timeline(CapturedHistory history, int limit)
    {
        limit = Math.Min(limit, DealTimeline.MaxLimit);
        return Timeline(
            history.Changes.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(limit).ToList(),
            history.Interactions.OrderByDescending(i => i.OccurredAt).Take(limit).ToList(),
            limit);
    }

    private static List<TimelineEntry> Timeline(List<OpportunityChange> changes, List<Interaction> interactions, int limit) =>
        changes
            .Select(c => new TimelineEntry(TimelineEntryKind.Change, c.ChangedAt, c.ChangedBy, c.Surface, c.Field, c.OldValue, c.NewValue, null, null))
            .Concat(interactions.Select(i => new TimelineEntry(TimelineEntryKind.Interaction, i.OccurredAt, i.LoggedBy, i.Surface, null, null, null, i.Kind, i.Summary)))
            .OrderByDescending(e => e.At)
            .Take(limit)
            .ToList();

    /// <summary>
    /// The detail of a deal the actor just saved, drawn from the saved aggregate and the detail read before the change
    /// (its account, contact and pipeline) instead of reading it all again. Null when the change moved the deal to
    /// another account or contact: read it then. Its <see cref="DealDetail.Timeline"/> is the one read before.
    /// </summary>
    public DealDetail? AfterSave(DealDetail before, Opportunity saved)
    {
        if (saved.Id != before.Deal.Id || saved.AccountId != before.Deal.AccountId || saved.PrimaryContactId != before.Deal.PrimaryContactId) return null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missing = saved.Stage.Next() is { } target ? saved.MissingFor(target, before.Pipeline, today) : [];
        return before with { Deal = saved, Score = saved.ScoreQualification(before.Pipeline, today), MissingToAdvance = missing };
    }

    /// <summary>
    /// The detail of a deal a use case just captured or changed for the actor (who may see it: the use case checked),
    /// drawn from the saved aggregate and the pipeline it was saved under; only its account and contact are read (unless
    /// the capture matched them just before), and its newest <paramref name="timelineLimit"/> timeline entries (none by
    /// default; a capture's are the rows it saved, not read back).
    /// </summary>
    public async Task<DealDetail> AfterChangeAsync(Actor actor, DealOutcome outcome, int timelineLimit = 0, CancellationToken ct = default)
    {
        var deal = outcome.Deal;
        var account = outcome.Party?.Account is { } matchedAccount && matchedAccount.Id == deal.AccountId ? matchedAccount : null;
        var contact = outcome.Party?.Contact is { } matchedContact && matchedContact.Id == deal.PrimaryContactId ? matchedContact : null;
        var readAccount = account is null && deal.AccountId is not null;
        var readContact = contact is null && deal.PrimaryContactId is not null;
        List<TimelineEntry> timeline = timelineLimit > 0 && outcome.History is { } history ? Timeline(history, timelineLimit) : [];
        var readTimeline = timelineLimit > 0 && outcome.History is null;
        if (readAccount || readContact || readTimeline)
        {
            await using var db = database.Open(actor.TenantId);
            if (readAccount) account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == deal.AccountId, ct);
            if (readContact) contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == deal.PrimaryContactId, ct);
            if (readTimeline) timeline = await TimelineAsync(db, deal.Id, timelineLimit, ct);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missing = deal.Stage.Next() is { } target ? deal.MissingFor(target, outcome.Pipeline, today) : [];
        return new DealDetail(deal, account, contact, outcome.Pipeline, deal.ScoreQualification(outcome.Pipeline, today), missing, timeline);
    }

    /// <summary>Who the actor may hand a deal to: the people whose deals they see, the actor first, then by name.</summary>
    public async Task<IReadOnlyList<OwnerChoice>> AssignableOwnersAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var users = await db.Users.AsNoTracking().Where(u => visible.Contains(u.ObjectId)).Select(u => new OwnerChoice(u.ObjectId, u.DisplayName)).ToListAsync(ct);
        return users.OrderBy(u => u.ObjectId != actor.UserObjectId).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>The tenant's pipeline: stage names in both languages, loss reasons, the qualification bar.</summary>
    public Task<PipelineSettings> PipelineAsync(Actor actor, CancellationToken ct = default) => PipelineAsync(actor.TenantId, ct);

    /// <summary>The same for work done on no one's behalf (drawing a notification for its recipient).</summary>
    public async Task<PipelineSettings> PipelineAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await OpportunityService.PipelineAsync(db, ct);
    }

    public static DealSummary Summarize(Opportunity o, string? accountName) => new(
        o.Id, o.Name, accountName, o.OwnerId, o.Stage, o.Amount, o.Currency, o.Probability, o.WeightedAmount, o.CloseDate,
        o.QualificationScore, o.Rating, o.NextStep, o.NextFollowUpOn, o.LastActivityAt, o.Version);
}

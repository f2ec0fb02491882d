using Collaboration.Application.Access;
using Collaboration.Application.Capture;
using Collaboration.Application.Nurture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Opportunities;

public sealed record LoggedInteraction(Interaction Interaction, bool AlreadyLogged);

/// <summary>
/// The use cases both front ends call. Each loads the deal the actor may see, lets the aggregate apply its
/// rules, and saves once: the change, its history and its outbox events commit together or not at all.
/// </summary>
public sealed class OpportunityService(ICrmDatabase database, PartyMatcher parties, TimeProvider clock)
{
    public async Task<Opportunity> CaptureAsync(Actor actor, CaptureRequest request, CancellationToken ct = default) =>
        (await CaptureOutcomeAsync(actor, request, ct)).Deal;

    /// <summary>The same, with what follows from the capture and the pipeline it was made under (what draws the new deal).</summary>
    public async Task<DealOutcome> CaptureOutcomeAsync(Actor actor, CaptureRequest request, CancellationToken ct = default)
    {
        PartyMatch? party = null;
        if (!string.IsNullOrWhiteSpace(request.ContactEmail))
        {
            party = await parties.MatchOrCreateAsync(actor.TenantId, request.ContactEmail, request.ContactName, request.AccountName, ct);
        }
        return await CaptureMatchedAsync(actor, request, party, ownerFromRules: false, ct);
    }

    /// <summary>
    /// Captures for a contact already matched. <paramref name="ownerFromRules"/>: the tenant's assignment rules chose the
    /// owner (a channel capture), so the actor's visibility does not limit it; otherwise a rep may only hand a new deal to
    /// someone whose deals they see.
    /// </summary>
    internal async Task<DealOutcome> CaptureMatchedAsync(Actor actor, CaptureRequest request, PartyMatch? party, bool ownerFromRules, CancellationToken ct)
    {
        await using var db = database.Open(actor.TenantId);
        var pipeline = party?.Pipeline ?? await PipelineAsync(db, ct);
        var now = clock.GetUtcNow();
        var context = actor.At(now);
        var owner = request.OwnerObjectId ?? actor.UserObjectId;
        if (owner != actor.UserObjectId && !ownerFromRules)
        {
            var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
            if (!visible.Contains(owner)) throw new NotFoundException("user");
        }
        var deal = Opportunity.Capture(actor.TenantId, request.Name, owner, pipeline, context,
            request.Source, request.SourceDetail, party?.Account?.Id, party?.Contact.Id,
            request.Amount, request.Currency, request.CloseDate, referredBy: request.ReferredBy);
        if (request.Qualification is { } qualification) deal.UpdateQualification(qualification, pipeline, context);
        if (request.NextStep is { } nextStep) deal.SetNextStep(nextStep, null, context);
        db.Opportunities.Add(deal);
        Interaction? interaction = null;
        if (request.FirstInteraction is { } first)
        {
            interaction = NewInteraction(actor, deal, first, party?.Contact.Id, now);
            db.Interactions.Add(interaction);
            deal.RecordActivity(interaction.OccurredAt, context);
        }
        // The save clears the deal's pending changes; the rows themselves get their ids from it.
        var changes = deal.PendingChanges.ToList();
        await db.SaveChangesAsync(ct);
        var history = new CapturedHistory(changes, interaction is null ? [] : [interaction]);
        return DealOutcome.Captured(deal, pipeline, now, history) with { Party = party };
    }

    public Task<Opportunity> CaptureFromEmailAsync(Actor actor, EmailMessage email, BantUpdate? hints, string? dealName = null,
        string? referredBy = null, CaptureSource? source = null, CancellationToken ct = default) =>
        CaptureAsync(actor, FromEmail(email, hints, dealName, referredBy, source), ct);

    /// <summary>A capture from an email: the sender its contact (matched or created), the email its first interaction.</summary>
    public static CaptureRequest FromEmail(EmailMessage email, BantUpdate? hints, string? dealName = null, string? referredBy = null, CaptureSource? source = null)
    {
        var subject = string.IsNullOrWhiteSpace(email.Subject) ? "(no subject)" : email.Subject.Trim();
        return new CaptureRequest(dealName ?? subject)
        {
            Source = source ?? (string.IsNullOrWhiteSpace(referredBy) ? CaptureSource.Email : CaptureSource.Referral),
            ReferredBy = referredBy,
            SourceDetail = email.From.Address,
            ContactEmail = email.From.Address,
            ContactName = email.From.Name,
            Qualification = hints,
            FirstInteraction = EmailInteraction(email),
        };
    }

    public Task<Opportunity> CaptureFromWebFormAsync(Actor actor, WebFormSubmission form, CancellationToken ct = default)
    {
        var utm = form.Utm is { Count: > 0 } ? " " + string.Join(' ', form.Utm.Select(kv => $"{kv.Key}={kv.Value}")) : "";
        var request = new CaptureRequest($"{form.Company ?? form.Name ?? form.Email} – {form.FormName}")
        {
            Source = CaptureSource.WebForm,
            SourceDetail = $"{form.FormName} {form.Page}{utm}".Trim(),
            ContactEmail = form.Email,
            ContactName = form.Name,
            AccountName = form.Company,
            FirstInteraction = string.IsNullOrWhiteSpace(form.Message) ? null
                : new InteractionInput(InteractionKind.Note, form.Message, Direction.Inbound, Subject: form.FormName),
        };
        return CaptureAsync(actor, request, ct);
    }

    public Task<Opportunity> CaptureFromImportRowAsync(Actor actor, ImportRow row, CancellationToken ct = default) =>
        CaptureAsync(actor, new CaptureRequest(row.DealName)
        {
            Source = CaptureSource.Import,
            SourceDetail = $"{row.SourceName}:{row.LineNumber}",
            ContactEmail = row.ContactEmail,
            ContactName = row.ContactName,
            AccountName = row.Company,
            Amount = row.Amount,
            Currency = row.Currency,
            CloseDate = row.CloseDate,
        }, ct);

    public Task<DealOutcome> UpdateQualificationAsync(Actor actor, Guid id, int? expectedVersion, BantUpdate update, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.UpdateQualification(update, pipeline, context), ct);

    public Task<DealOutcome> MoveStageAsync(Actor actor, Guid id, int? expectedVersion, Stage target, string? overrideReason = null, string? lossReason = null, string? competitor = null, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.MoveTo(target, pipeline, context, overrideReason, lossReason, competitor), ct);

    public Task<DealOutcome> CloseWonAsync(Actor actor, Guid id, int? expectedVersion, decimal? amount, DateOnly? closeDate, string? overrideReason = null, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.CloseWon(amount, closeDate, pipeline, context, overrideReason), ct);

    public Task<DealOutcome> CloseLostAsync(Actor actor, Guid id, int? expectedVersion, string? reason, string? competitor, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.CloseLost(reason, competitor, pipeline, context), ct);

    public Task<DealOutcome> ReopenAsync(Actor actor, Guid id, int? expectedVersion, Stage target, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.Reopen(target, pipeline, context), ct);

    public Task<DealOutcome> RecordReviewAsync(Actor actor, Guid id, IEnumerable<string> factors, string? competitor, string? lessons, CancellationToken ct = default) =>
        ChangeAsync(actor, id, null, (deal, _, context) => deal.RecordReview(factors, competitor, lessons, context), ct);

    public async Task<DealOutcome> AssignOwnerAsync(Actor actor, Guid id, int? expectedVersion, string newOwnerObjectId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        if (!await db.Users.AnyAsync(u => u.ObjectId == newOwnerObjectId, ct)) throw new NotFoundException("user");
        return await ChangeAsync(db, actor, visible, id, expectedVersion, (deal, _, context) => deal.AssignOwner(newOwnerObjectId, context), ct);
    }

    /// <summary>
    /// An admin moves an open deal of <paramref name="fromObjectId"/> (e.g. someone who left) to another person, through
    /// the same owner change a rep makes: a history row, and the new owner told. Admins act on the whole tenant, so the
    /// deal's current owner stands in for the visibility check; the caller has checked the admin policy.
    /// </summary>
    public async Task<DealOutcome> ReassignByAdminAsync(Actor admin, Guid id, string fromObjectId, string toObjectId, CancellationToken ct = default)
    {
        await using var db = database.Open(admin.TenantId);
        if (!await db.Users.AnyAsync(u => u.ObjectId == toObjectId, ct)) throw new NotFoundException("user");
        return await ChangeAsync(db, admin, [fromObjectId], id, null, (deal, _, context) => deal.AssignOwner(toObjectId, context), ct);
    }

    /// <summary>
    /// The fields a rep may change on an open deal; null leaves a field as it is. <see cref="ClearManualProbability"/>
    /// puts the probability back to the stage's. <see cref="PrimaryContactEmail"/> names an existing contact or creates
    /// one; <see cref="OwnerObjectId"/> must be a rep whose deals the actor sees (the new owner is told in Teams).
    /// </summary>
    public sealed record DealDetailsUpdate(string? Name = null, decimal? Amount = null, string? Currency = null, DateOnly? CloseDate = null,
        int? ManualProbability = null, bool ClearManualProbability = false, string? NextStep = null, DateOnly? NextFollowUpOn = null,
        string? PrimaryContactEmail = null, string? OwnerObjectId = null);

    /// <summary>
    /// Applies every given field or none: a refusal names the field it is about (the error's "field" value) and nothing
    /// of the deal is saved. Every change appends its history row.
    /// </summary>
    public async Task<DealOutcome> UpdateDetailsAsync(Actor actor, Guid id, int? expectedVersion, DealDetailsUpdate update, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        string? email = null;
        if (update.PrimaryContactEmail is { } given) Field("primaryContactEmail", () => email = EmailAddress.Normalize(given));
        if (update.OwnerObjectId is { } owner && (string.IsNullOrWhiteSpace(owner) || !visible.Contains(owner.Trim())
            || !await db.Users.AnyAsync(u => u.ObjectId == owner.Trim(), ct)))
        {
            throw FieldRefusal("ownerObjectId", DomainError.Of("unknown_owner", ("value", owner)));
        }
        return await ChangeAsync(db, actor, visible, id, expectedVersion, async (deal, pipeline, context) =>
        {
            if (update.Name is { } name) Field("name", () => deal.Rename(name, context));
            if (update.Amount is not null || update.Currency is not null)
            {
                if (update.Amount is < 0) throw FieldRefusal("amount", new DomainError("invalid_amount"));
                Field("currency", () => deal.ChangeAmount(update.Amount ?? deal.Amount, update.Currency, context));
            }
            if (update.CloseDate is { } closeDate) Field("closeDate", () => deal.ChangeCloseDate(closeDate, context));
            if (update.ClearManualProbability) Field("probability", () => deal.SetManualProbability(null, pipeline, context));
            else if (update.ManualProbability is { } probability) Field("probability", () => deal.SetManualProbability(probability, pipeline, context));
            if (update.NextStep is { Length: > Opportunity.MaxNextStepLength })
            {
                throw FieldRefusal("nextStep", DomainError.Of("next_step_too_long", ("max", Opportunity.MaxNextStepLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
            if (update.NextStep is not null || update.NextFollowUpOn is not null)
            {
                // Clearing the next step clears its due date too: a date for no step would only raise empty reminders.
                var cleared = update.NextStep is { } text && string.IsNullOrWhiteSpace(text);
                Field(update.NextStep is null ? "nextStepDue" : "nextStep",
                    () => deal.SetNextStep(update.NextStep ?? deal.NextStep, update.NextFollowUpOn ?? (cleared ? null : deal.NextFollowUpOn), context));
            }
            if (update.OwnerObjectId is { } newOwner) Field("ownerObjectId", () => deal.AssignOwner(newOwner.Trim(), context));
            if (email is { Length: > 0 })
            {
                // Last, once every other field passed: the contact is matched or created in its own save.
                if (deal.IsClosed) throw new DomainException(DomainError.Of("deal_closed", ("stage", deal.Stage.Key())));
                var contact = (await parties.MatchOrCreateAsync(actor.TenantId, email, null, null, ct)).Contact;
                Field("primaryContactEmail", () => deal.ChangePrimaryContact(contact.Id, context));
            }
        }, ct);
    }

    /// <summary>Reopens a closed deal into the stage it closed from, with the reason on its history row.</summary>
    public Task<DealOutcome> ReopenAsync(Actor actor, Guid id, int? expectedVersion, string? reason, CancellationToken ct = default) =>
        ChangeAsync(actor, id, expectedVersion, (deal, pipeline, context) => deal.Reopen(reason, pipeline, context), ct);

    private static void Field(string field, Action change)
    {
        try
        {
            change();
        }
        catch (DomainException refused) when (refused is not NotFoundException and not ConcurrencyConflictException && refused.Error.Code != "deal_closed")
        {
            throw FieldRefusal(field, refused.Error);
        }
    }

    private static DomainException FieldRefusal(string field, DomainError error) =>
        new(error with { Values = new Dictionary<string, string>(error.Values) { ["field"] = field } });

    /// <summary>Logs a touch. Idempotent on the source id: the same email logged twice is one interaction.</summary>
    public async Task<LoggedInteraction> LogInteractionAsync(Actor actor, Guid id, InteractionInput input, CancellationToken ct = default)
    {
        Guid? contactId = null;
        if (!string.IsNullOrWhiteSpace(input.ContactEmail))
        {
            contactId = (await parties.MatchOrCreateAsync(actor.TenantId, input.ContactEmail, null, null, ct)).Contact.Id;
        }
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Open(actor.TenantId);
            var deal = await LoadVisibleAsync(db, actor, id, ct);
            var sourceId = input.SourceId;
            if (sourceId is not null)
            {
                var existing = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.OpportunityId == id && i.SourceId == sourceId, ct);
                if (existing is not null) return new LoggedInteraction(existing, true);
            }
            var now = clock.GetUtcNow();
            var interaction = NewInteraction(actor, deal, input, contactId ?? deal.PrimaryContactId, now);
            db.Interactions.Add(interaction);
            deal.RecordActivity(interaction.OccurredAt, actor.At(now));
            if (interaction is { Kind: InteractionKind.Email, Direction: Direction.Inbound })
            {
                await FollowUpPlans.OnCustomerRepliedAsync(db, deal, interaction.OccurredAt, now, ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return new LoggedInteraction(interaction, false);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // A concurrent log of the same email won, or the deal moved on under us: read again.
            }
        }
    }

    public static InteractionInput EmailInteraction(EmailMessage email) => new(
        InteractionKind.Email,
        Summary: Summarize(email),
        Direction: Direction.Inbound,
        OccurredAt: email.ReceivedAt,
        Subject: email.Subject,
        Body: email.BodyText,
        SourceId: EmailAddress.NormalizeMessageId(email.InternetMessageId),
        ConversationId: email.ConversationId);

    private static string Summarize(EmailMessage email)
    {
        var body = (email.BodyText ?? "").ReplaceLineEndings(" ").Trim();
        var snippet = body.Length > 280 ? body[..280] + "…" : body;
        return $"{email.Subject}: {snippet}".Trim(' ', ':');
    }

    internal static Interaction NewInteraction(Actor actor, Opportunity deal, InteractionInput input, Guid? contactId, DateTimeOffset now) =>
        new(actor.TenantId, deal.Id, contactId, input.Kind, input.Direction, input.OccurredAt ?? now,
            string.IsNullOrWhiteSpace(input.Summary) ? input.Kind.ToString() : input.Summary,
            actor.UserObjectId, actor.Surface, input.SourceId, input.ConversationId, input.Body, input.Subject);

    private async Task<DealOutcome> ChangeAsync(Actor actor, Guid id, int? expectedVersion, Action<Opportunity, PipelineSettings, ChangeContext> change, CancellationToken ct)
    {
        await using var db = database.Open(actor.TenantId);
        using var reads = db.ReadTogether();
        return await ChangeAsync(db, actor, null, id, expectedVersion, change, ct);
    }

    private Task<DealOutcome> ChangeAsync(CrmDbContext db, Actor actor, HashSet<string>? visible, Guid id, int? expectedVersion,
        Action<Opportunity, PipelineSettings, ChangeContext> change, CancellationToken ct) =>
        ChangeAsync(db, actor, visible, id, expectedVersion, (deal, pipeline, context) =>
        {
            change(deal, pipeline, context);
            return Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Loads the deal the actor may see at the expected version, applies the change, and saves it with what follows from
    /// it: follow-up plans started or stopped by a stage move, and the owner's review prompt through the outbox when a
    /// surface that shows no prompts closed the deal. <paramref name="visible"/>: whose deals the actor sees, when the
    /// caller has read them already; otherwise the actor's access is checked for the deal's owner.
    /// </summary>
    private async Task<DealOutcome> ChangeAsync(CrmDbContext db, Actor actor, HashSet<string>? visible, Guid id, int? expectedVersion,
        Func<Opportunity, PipelineSettings, ChangeContext, Task> change, CancellationToken ct)
    {
        var (deal, savedPipeline) = await TrackedDealUnderPipeline.For(db)(db, id, ct) ?? throw new NotFoundException("deal");
        var mayChange = visible?.Contains(deal.OwnerId) ?? await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct);
        if (!mayChange) throw new NotFoundException("deal");
        if (expectedVersion is { } expected && expected != deal.Version)
        {
            throw new ConcurrencyConflictException(id, expected, deal.Version);
        }
        var pipeline = savedPipeline ?? PipelineSettings.Default;
        var stageBefore = deal.Stage;
        var now = clock.GetUtcNow();
        var context = actor.At(now);
        await change(deal, pipeline, context);
        if (deal.IsClosed && !stageBefore.IsClosed() && !DealOutcome.SurfaceShowsPrompts(actor.Surface)) deal.AskForReview(context);
        await FollowUpPlans.OnStageChangedAsync(db, deal, stageBefore, context, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await CurrentVersionAsync(actor.TenantId, id, ct);
            throw new ConcurrencyConflictException(id, expectedVersion ?? deal.Version, current);
        }
        return DealOutcome.Changed(deal, stageBefore, pipeline, now, actor.Surface);
    }

    private async Task<int> CurrentVersionAsync(string tenantId, Guid id, CancellationToken ct)
    {
        await using var db = database.Open(tenantId);
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Version).FirstOrDefaultAsync(ct);
    }

    // The reads every change of a deal makes, compiled: translating their LINQ each time cost more than running them.
    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<Opportunity?>>> TrackedDeal =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, Guid id, CancellationToken ct) => db.Opportunities.FirstOrDefault(o => o.Id == id)));

    private sealed record DealUnderPipeline(Opportunity Deal, PipelineSettings? Pipeline);

    // A change needs both: one statement instead of two (each a round trip on PostgreSQL). The deal is tracked (an
    // AsNoTracking anywhere in the query, even on the pipeline's subquery, would leave it untracked and its change unsaved).
    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<DealUnderPipeline?>>> TrackedDealUnderPipeline =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, Guid id, CancellationToken ct) => db.Opportunities.Where(o => o.Id == id)
            .Select(o => new DealUnderPipeline(o, db.Tenants.Select(t => t.Pipeline).FirstOrDefault())).FirstOrDefault()));

    private static readonly PerProvider<Func<CrmDbContext, CancellationToken, Task<PipelineSettings?>>> TenantPipeline =
        new(() => EF.CompileAsyncQuery((CrmDbContext db, CancellationToken ct) => db.Tenants.AsNoTracking().Select(t => t.Pipeline).FirstOrDefault()));

    private static async Task<Opportunity> LoadVisibleAsync(CrmDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var deal = await TrackedDeal.For(db)(db, id, ct);
        if (deal is null || !await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct)) throw new NotFoundException("deal");
        return deal;
    }

    internal static async Task<PipelineSettings> PipelineAsync(CrmDbContext db, CancellationToken ct) =>
        await TenantPipeline.For(db)(db, ct) ?? PipelineSettings.Default;
}

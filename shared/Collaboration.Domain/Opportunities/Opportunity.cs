using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Opportunities;

/// <summary>
/// A deal moving through the pipeline. Every rule about what may change, and when, lives here; history rows
/// and domain events are collected for the persistence layer to write in the same transaction.
/// </summary>
public sealed partial class Opportunity
{
    public const int MaxNameLength = 200;
    public const int MaxNextStepLength = 500;

    private readonly List<OpportunityChange> _pendingChanges = [];
    private readonly List<DomainEvent> _pendingEvents = [];

    private Opportunity() { }

    public static Opportunity Capture(
        string tenantId, string name, string ownerId, PipelineSettings pipeline, ChangeContext context,
        CaptureSource source = CaptureSource.Manual, string? sourceDetail = null,
        Guid? accountId = null, Guid? primaryContactId = null,
        decimal? amount = null, string? currency = null, DateOnly? closeDate = null, Bant? bant = null,
        string? referredBy = null)
    {
        var deal = new Opportunity
        {
            TenantId = tenantId,
            Name = DealValues.Name(name),
            OwnerId = ownerId,
            Stage = Stage.New,
            StageEnteredAt = context.At,
            CreatedAt = context.At,
            UpdatedAt = context.At,
            Source = source,
            SourceDetail = sourceDetail?.Trim(),
            ReferredBy = string.IsNullOrWhiteSpace(referredBy) ? null : referredBy.Trim(),
            AccountId = accountId,
            PrimaryContactId = primaryContactId,
            Amount = DealValues.Amount(amount),
            Currency = DealValues.Currency(currency ?? pipeline.DefaultCurrency),
            CloseDate = closeDate,
            Bant = bant ?? Bant.Empty,
            Version = 1,
        };
        deal.Probability = pipeline.For(Stage.New).Probability;
        deal.Rescore(pipeline, DateOnly.FromDateTime(context.At.UtcDateTime));
        deal.Record(ChangedField.Stage, null, Stage.New.Key(), context);
        deal.Record(ChangedField.Owner, null, ownerId, context);
        if (deal.Amount is { } a) deal.Record(ChangedField.Amount, null, DealValues.Invariant(a), context);
        if (closeDate is { } d) deal.Record(ChangedField.CloseDate, null, DealValues.Invariant(d), context);
        deal.Record(ChangedField.Probability, null, DealValues.Invariant(deal.Probability), context);
        deal.Raise(new OwnerAssigned(deal.Id, deal.Name, ownerId, context.ActorId, context.Surface, context.At, null));
        return deal;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? AccountId { get; private set; }
    public Guid? PrimaryContactId { get; private set; }
    public string OwnerId { get; private set; } = "";
    public decimal? Amount { get; private set; }
    public string Currency { get; private set; } = "USD";
    public DateOnly? CloseDate { get; private set; }
    public Stage Stage { get; private set; }
    public DateTimeOffset StageEnteredAt { get; private set; }

    /// <summary>What the rep set by hand; it survives stage changes until they clear it.</summary>
    public int? ManualProbability { get; private set; }

    /// <summary>The probability in force: the rep's, else the stage's.</summary>
    public int Probability { get; private set; }

    public Bant Bant { get; private set; } = Bant.Empty;
    public int QualificationScore { get; private set; }
    public Rating Rating { get; private set; }
    public string? QualificationOverrideReason { get; private set; }
    public string? NextStep { get; private set; }
    public DateOnly? NextFollowUpOn { get; private set; }
    public CaptureSource Source { get; private set; }
    public string? SourceDetail { get; private set; }
    public string? ReferredBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? LastActivityAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? LossReason { get; private set; }
    public string? Competitor { get; private set; }
    public DealReview? Review { get; private set; }

    /// <summary>Where a closed deal was before it closed: reopening past Qualify needs it to have been there.</summary>
    public Stage? StageBeforeClose { get; private set; }

    /// <summary>Bumped on every saved change; a writer holding an older version gets a conflict.</summary>
    public int Version { get; private set; }

    public bool IsClosed => Stage.IsClosed();
    public decimal? WeightedAmount => Amount is { } a ? Math.Round(a * Probability / 100m, 2) : null;

    public IReadOnlyList<OpportunityChange> PendingChanges => _pendingChanges;
    public IReadOnlyList<DomainEvent> PendingEvents => _pendingEvents;

    public void ClearPending()
    {
        _pendingChanges.Clear();
        _pendingEvents.Clear();
    }

    public BantScore ScoreQualification(PipelineSettings pipeline, DateOnly today) => BantScorer.Score(Bant, pipeline.Weights, today);

    public void Rename(string name, ChangeContext context)
    {
        EnsureOpen();
        var valid = DealValues.Name(name);
        if (valid == Name) return;
        Record(ChangedField.Name, Name, valid, context);
        Name = valid;
        Touch(context);
    }

    public void ChangeAmount(decimal? amount, string? currency, ChangeContext context)
    {
        EnsureOpen();
        var valid = DealValues.Amount(amount);
        var newCurrency = currency is null ? Currency : DealValues.Currency(currency);
        if (valid == Amount && newCurrency == Currency) return;
        if (valid != Amount) Record(ChangedField.Amount, Amount is { } old ? DealValues.Invariant(old) : null, valid is { } n ? DealValues.Invariant(n) : null, context);
        if (newCurrency != Currency) Record(ChangedField.Currency, Currency, newCurrency, context);
        Amount = valid;
        Currency = newCurrency;
        Touch(context);
    }

    public void ChangeCloseDate(DateOnly? closeDate, ChangeContext context)
    {
        EnsureOpen();
        if (closeDate == CloseDate) return;
        Record(ChangedField.CloseDate, CloseDate is { } old ? DealValues.Invariant(old) : null, closeDate is { } n ? DealValues.Invariant(n) : null, context);
        CloseDate = closeDate;
        Touch(context);
    }

    /// <summary>Sets the rep's own probability, or clears it (null) to follow the stage again.</summary>
    public void SetManualProbability(int? probability, PipelineSettings pipeline, ChangeContext context)
    {
        EnsureOpen();
        if (probability is < 0 or > 100)
        {
            throw new DomainException(DomainError.Of("invalid_probability", ("value", probability.Value.ToString(CultureInfo.InvariantCulture))));
        }
        if (probability == ManualProbability) return;
        ManualProbability = probability;
        ApplyProbability(probability ?? pipeline.For(Stage).Probability, context);
        Touch(context);
    }

    public void SetNextStep(string? nextStep, DateOnly? followUpOn, ChangeContext context)
    {
        EnsureOpen();
        var text = string.IsNullOrWhiteSpace(nextStep) ? null : nextStep.Trim();
        if (text is { Length: > MaxNextStepLength }) text = text[..MaxNextStepLength];
        if (text == NextStep && followUpOn == NextFollowUpOn) return;
        if (text != NextStep) Record(ChangedField.NextStep, NextStep, text, context);
        if (followUpOn != NextFollowUpOn) Record(ChangedField.NextStepDue, NextFollowUpOn is { } old ? DealValues.Invariant(old) : null, followUpOn is { } n ? DealValues.Invariant(n) : null, context);
        NextStep = text;
        NextFollowUpOn = followUpOn;
        Touch(context);
    }

    /// <summary>Makes an existing contact of the tenant the deal's primary contact.</summary>
    public void ChangePrimaryContact(Guid contactId, ChangeContext context)
    {
        EnsureOpen();
        if (contactId == PrimaryContactId) return;
        Record(ChangedField.PrimaryContact, PrimaryContactId?.ToString(), contactId.ToString(), context);
        PrimaryContactId = contactId;
        Touch(context);
    }

    public void UpdateQualification(BantUpdate update, PipelineSettings pipeline, ChangeContext context)
    {
        EnsureOpen();
        if (update.BudgetAmount is < 0) throw new DomainException(new DomainError("invalid_amount"));
        if (update.BudgetCurrency is { } c) DealValues.Currency(c);
        var next = update.ApplyTo(Bant);
        if (next == Bant) return;
        RecordBantChanges(Bant, next, context);
        var oldScore = QualificationScore;
        Bant = next;
        var score = Rescore(pipeline, DateOnly.FromDateTime(context.At.UtcDateTime));
        Touch(context);
        Raise(new QualificationChanged(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, oldScore, score.Total, score.Gaps));
    }

    /// <summary>
    /// Moves the deal. Leaving New or Qualify for a later stage needs the qualification bar or an override
    /// with a reason; moving forward needs the current stage's exit criteria; Won and Lost go through
    /// <see cref="CloseWon"/> and <see cref="CloseLost"/>.
    /// </summary>
    public void MoveTo(Stage target, PipelineSettings pipeline, ChangeContext context, string? overrideReason = null, string? lossReason = null, string? competitor = null)
    {
        EnsureOpen();
        if (target == Stage) return;
        switch (target)
        {
            case Stage.Won:
                CloseWon(null, null, pipeline, context, overrideReason);
                return;
            case Stage.Lost:
                CloseLost(lossReason, competitor, pipeline, context);
                return;
        }
        CheckMayLeave(target, pipeline, context, overrideReason);
        ChangeStage(target, pipeline, context, overrideReason);
    }

    public void CloseWon(decimal? amount, DateOnly? closeDate, PipelineSettings pipeline, ChangeContext context, string? overrideReason = null)
    {
        EnsureOpen();
        var finalAmount = DealValues.Amount(amount) ?? Amount;
        var finalDate = closeDate ?? CloseDate;
        var missing = new List<string>();
        if (finalAmount is null) missing.Add("amount");
        if (finalDate is null) missing.Add("close_date");
        if (pipeline.ContractRequiredForWon && Contract is null) missing.Add("convert.contract_signed");
        if (missing.Count > 0)
        {
            throw new DomainException(DomainError.Of("won_requires", ("missing", string.Join(',', missing))));
        }
        CheckQualificationBar(Stage, Stage.Won, pipeline, context, overrideReason);
        if (finalAmount != Amount) Record(ChangedField.Amount, Amount is { } old ? DealValues.Invariant(old) : null, DealValues.Invariant(finalAmount!.Value), context);
        if (finalDate != CloseDate) Record(ChangedField.CloseDate, CloseDate is { } od ? DealValues.Invariant(od) : null, DealValues.Invariant(finalDate!.Value), context);
        Amount = finalAmount;
        CloseDate = finalDate;
        ChangeStage(Stage.Won, pipeline, context, overrideReason);
        ClosedAt = context.At;
        Raise(new DealClosed(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, true, Amount, Currency, null, null));
    }

    public void CloseLost(string? reason, string? competitor, PipelineSettings pipeline, ChangeContext context)
    {
        EnsureOpen();
        var allowed = string.Join(", ", pipeline.LossReasons);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(DomainError.Of("lost_reason_required", ("allowed", allowed)));
        }
        var known = pipeline.MatchLossReason(reason)
            ?? throw new DomainException(DomainError.Of("lost_reason_unknown", ("reason", reason.Trim()), ("allowed", allowed)));
        LossReason = known;
        Competitor = string.IsNullOrWhiteSpace(competitor) ? null : competitor.Trim();
        ChangeStage(Stage.Lost, pipeline, context, null);
        ClosedAt = context.At;
        Raise(new DealClosed(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, false, Amount, Currency, LossReason, Competitor));
    }

    /// <summary>Reopening into a stage past Qualify is held to the bar unless the deal had been past it before closing.</summary>
    public void Reopen(Stage target, PipelineSettings pipeline, ChangeContext context, string? overrideReason = null, string? reason = null)
    {
        if (!IsClosed) throw new DomainException(new DomainError("not_closed"));
        if (target.IsClosed()) throw new DomainException(new DomainError("reopen_target_closed"));
        CheckQualificationBar(StageBeforeClose ?? Stage.New, target, pipeline, context, overrideReason);
        ClosedAt = null;
        StageBeforeClose = null;
        LossReason = null;
        Competitor = null;
        ChangeStage(target, pipeline, context, null, reason);
    }

    /// <summary>Reopens a closed deal into the stage it closed from; the reason is kept with the history row.</summary>
    public void Reopen(string? reason, PipelineSettings pipeline, ChangeContext context)
    {
        if (!IsClosed) throw new DomainException(new DomainError("not_closed"));
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException(new DomainError("reopen_reason_required"));
        Reopen(StageBeforeClose ?? Stage.New, pipeline, context, reason: reason.Trim());
    }

    public void AssignOwner(string ownerId, ChangeContext context)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(ownerId) || ownerId == OwnerId) return;
        var previous = OwnerId;
        Record(ChangedField.Owner, previous, ownerId, context);
        OwnerId = ownerId;
        Touch(context);
        Raise(new OwnerAssigned(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, previous));
    }

    public void LinkParties(Guid? accountId, Guid? primaryContactId, ChangeContext context)
    {
        EnsureOpen();
        if (accountId == AccountId && primaryContactId == PrimaryContactId) return;
        AccountId = accountId ?? AccountId;
        if (primaryContactId is { } contact && contact != PrimaryContactId)
        {
            Record(ChangedField.PrimaryContact, PrimaryContactId?.ToString(), contact.ToString(), context);
            PrimaryContactId = contact;
        }
        Touch(context);
    }

    /// <summary>An email, call or note was logged: the deal is not rotting. Allowed on closed deals (post-sale follow-up).</summary>
    public void RecordActivity(DateTimeOffset occurredAt, ChangeContext context)
    {
        if (LastActivityAt is { } last && last >= occurredAt) return;
        LastActivityAt = occurredAt;
        UpdatedAt = context.At;
    }

    public void RecordReview(IEnumerable<string> factors, string? competitor, string? lessons, ChangeContext context)
    {
        if (!IsClosed) throw new DomainException(new DomainError("not_closed"));
        var cleaned = factors.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();
        var lesson = string.IsNullOrWhiteSpace(lessons) ? null : lessons.Trim();
        if (cleaned.Count == 0 && lesson is null) throw new DomainException(new DomainError("review_needs_content"));
        Review = new DealReview(cleaned, string.IsNullOrWhiteSpace(competitor) ? Competitor : competitor.Trim(), lesson, context.ActorId, context.At);
        Record(ChangedField.Review, null, cleaned.Count > 0 ? string.Join("; ", cleaned) : lesson, context);
        UpdatedAt = context.At;
    }

    /// <summary>
    /// Asks the owner, in Teams, for a win/loss review of this closed deal (an outbox event). The use case calls it
    /// when the surface that closed the deal does not show the prompt itself.
    /// </summary>
    public void AskForReview(ChangeContext context)
    {
        if (!IsClosed) throw new DomainException(new DomainError("not_closed"));
        Raise(new ReviewRequested(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, Stage == Stage.Won, Competitor));
    }

    /// <summary>What a move to <paramref name="target"/> would still need, as term keys; empty when it may go.</summary>
    public IReadOnlyList<string> MissingFor(Stage target, PipelineSettings pipeline, DateOnly today) =>
        StageGate.MissingFor(this, target, pipeline, today);

    private void CheckMayLeave(Stage target, PipelineSettings pipeline, ChangeContext context, string? overrideReason)
    {
        StageGate.CheckExitCriteria(this, target, pipeline);
        CheckQualificationBar(Stage, target, pipeline, context, overrideReason);
    }

    private void CheckQualificationBar(Stage from, Stage target, PipelineSettings pipeline, ChangeContext context, string? overrideReason)
    {
        if (StageGate.OverrideNeeded(this, from, target, pipeline, DateOnly.FromDateTime(context.At.UtcDateTime), overrideReason) is { } reason)
        {
            QualificationOverrideReason = reason;
        }
    }

    private void ChangeStage(Stage target, PipelineSettings pipeline, ChangeContext context, string? overrideReason, string? reason = null)
    {
        var from = Stage;
        Record(ChangedField.Stage, from.Key(), target.Key(), context, reason ?? overrideReason);
        if (target.IsClosed()) StageBeforeClose = from;
        Stage = target;
        StageEnteredAt = context.At;
        var stageProbability = pipeline.For(target).Probability;
        // Closing settles the probability whatever the rep had set by hand.
        ApplyProbability(target.IsClosed() ? stageProbability : ManualProbability ?? stageProbability, context);
        Touch(context);
        Raise(new StageChanged(Id, Name, OwnerId, context.ActorId, context.Surface, context.At, from, target, overrideReason));
    }

    private void ApplyProbability(int probability, ChangeContext context)
    {
        if (probability == Probability) return;
        Record(ChangedField.Probability, DealValues.Invariant(Probability), DealValues.Invariant(probability), context);
        Probability = probability;
    }

    private BantScore Rescore(PipelineSettings pipeline, DateOnly today)
    {
        var score = BantScorer.Score(Bant, pipeline.Weights, today);
        QualificationScore = score.Total;
        Rating = score.Rating;
        return score;
    }

    private void EnsureOpen()
    {
        if (IsClosed) throw new DomainException(DomainError.Of("deal_closed", ("stage", Stage.Key())));
    }

    private void Touch(ChangeContext context) => UpdatedAt = context.At;

    private void RecordBantChanges(Bant before, Bant after, ChangeContext context)
    {
        foreach (var (field, oldValue, newValue) in BantHistory.Changes(before, after)) Record(field, oldValue, newValue, context);
    }

    private void Record(ChangedField field, string? oldValue, string? newValue, ChangeContext context, string? reason = null) =>
        _pendingChanges.Add(new OpportunityChange(TenantId, Id, field, oldValue, newValue, context, reason));

    private void Raise(DomainEvent domainEvent) => _pendingEvents.Add(domainEvent);
}

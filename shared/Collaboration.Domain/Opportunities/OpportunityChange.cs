using Collaboration.Domain.Common;

namespace Collaboration.Domain.Opportunities;

/// <summary>A tracked field of a deal; stored by name, so new fields append here.</summary>
public enum ChangedField
{
    Stage,
    Amount,
    Probability,
    CloseDate,
    Owner,
    Name,
    Currency,
    NextStep,
    NextStepDue,
    PrimaryContact,
    BudgetAmount,
    BudgetCurrency,
    BudgetStatus,
    DecisionMaker,
    Need,
    Timeframe,
    TargetDate,

    /// <summary>A win/loss review was recorded; the new value lists its factors.</summary>
    Review,

    /// <summary>A quote's step (submitted, approved, rejected, sent, accepted); the old value is the quote's number.</summary>
    Quote,

    /// <summary>The contract was signed; the new value is the date, the reason its value.</summary>
    Contract,
}

/// <summary>An append-only history row; time in stage, cycle length and conversion are computed from these.</summary>
public sealed class OpportunityChange
{
    public const int MaxValueLength = 500;

    private OpportunityChange() { }

    public OpportunityChange(string tenantId, Guid opportunityId, ChangedField field, string? oldValue, string? newValue, ChangeContext context, string? reason = null)
    {
        TenantId = tenantId;
        OpportunityId = opportunityId;
        Field = field;
        OldValue = Bounded(oldValue);
        NewValue = Bounded(newValue);
        ChangedBy = context.ActorId;
        ChangedAt = context.At;
        Surface = context.Surface;
        Reason = Bounded(reason);
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public ChangedField Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string ChangedBy { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }
    public ChangeSurface Surface { get; private set; }

    /// <summary>Why, where the change needed a reason: a reopen, or a stage override.</summary>
    public string? Reason { get; private set; }

    private static string? Bounded(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}

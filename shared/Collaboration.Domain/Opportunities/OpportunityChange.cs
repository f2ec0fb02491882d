using Collaboration.Domain.Common;

namespace Collaboration.Domain.Opportunities;

public enum ChangedField
{
    Stage,
    Amount,
    Probability,
    CloseDate,
    Owner,
}

/// <summary>An append-only history row; time in stage, cycle length and conversion are computed from these.</summary>
public sealed class OpportunityChange
{
    private OpportunityChange() { }

    public OpportunityChange(string tenantId, Guid opportunityId, ChangedField field, string? oldValue, string? newValue, ChangeContext context)
    {
        TenantId = tenantId;
        OpportunityId = opportunityId;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        ChangedBy = context.ActorId;
        ChangedAt = context.At;
        Surface = context.Surface;
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
}

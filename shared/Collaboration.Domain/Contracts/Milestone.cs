using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Contracts;

public enum MilestoneKind
{
    Payment,
    Delivery,
}

/// <summary>
/// What follows a won deal: a payment (amount, due, invoiced, paid) or a delivery (due, delivered). Overdue while not
/// paid or delivered after its due date.
/// </summary>
public sealed class Milestone
{
    public const int MaxDescriptionLength = 200;
    public const int MaxPerDeal = 100;

    private Milestone() { }

    public Milestone(string tenantId, Guid opportunityId, MilestoneKind kind, string? description, decimal? amount, string? currency, DateOnly dueOn, ChangeContext context)
    {
        if (kind == MilestoneKind.Payment && amount is null or <= 0)
        {
            throw new DomainException(DomainError.Of("convert.invalid_milestone", ("field", "amount")));
        }
        if (amount is > 1_000_000_000_000m) throw new DomainException(DomainError.Of("convert.invalid_milestone", ("field", "amount")));
        TenantId = tenantId;
        OpportunityId = opportunityId;
        Kind = kind;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim() is { Length: > MaxDescriptionLength } d ? d[..MaxDescriptionLength] : description.Trim();
        Amount = kind == MilestoneKind.Payment ? amount : null;
        Currency = kind == MilestoneKind.Payment ? Quotes.Money.Currency(currency) : null;
        DueOn = dueOn;
        CreatedBy = context.ActorId;
        CreatedAt = context.At;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public string? Description { get; private set; }
    public decimal? Amount { get; private set; }
    public string? Currency { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? InvoicedOn { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsDone => Kind == MilestoneKind.Payment ? PaidOn is not null : DeliveredOn is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && DueOn < today;

    public void MarkInvoiced(DateOnly on)
    {
        EnsureKind(MilestoneKind.Payment);
        InvoicedOn ??= on;
    }

    /// <summary>Paid; an invoice not recorded before is taken to have gone out the same day.</summary>
    public void MarkPaid(DateOnly on)
    {
        EnsureKind(MilestoneKind.Payment);
        InvoicedOn ??= on;
        PaidOn ??= on;
    }

    public void MarkDelivered(DateOnly on)
    {
        EnsureKind(MilestoneKind.Delivery);
        DeliveredOn ??= on;
    }

    private void EnsureKind(MilestoneKind kind)
    {
        if (Kind != kind) throw new DomainException(DomainError.Of("convert.invalid_milestone", ("field", kind.ToString().ToLower(CultureInfo.InvariantCulture))));
    }
}

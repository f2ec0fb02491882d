using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotas;

/// <summary>What a rep is expected to win in a period (both ends inclusive), in one currency; pipeline coverage is measured against it.</summary>
public sealed class Quota
{
    private Quota() { }

    public Quota(string tenantId, string ownerId, DateOnly periodStart, DateOnly periodEnd, decimal amount, string currency)
    {
        if (string.IsNullOrWhiteSpace(ownerId)) throw new DomainException(DomainError.Of("not_found", ("what", "user")));
        if (periodEnd < periodStart) throw new DomainException(new DomainError("invalid_period"));
        if (amount < 0) throw new DomainException(new DomainError("invalid_amount"));
        var code = currency.Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(DomainError.Of("invalid_currency", ("value", currency)));
        }
        TenantId = tenantId;
        OwnerId = ownerId;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Amount = amount;
        Currency = code;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string TenantId { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "USD";

    public bool Overlaps(DateOnly from, DateOnly to) => PeriodStart <= to && PeriodEnd >= from;
}

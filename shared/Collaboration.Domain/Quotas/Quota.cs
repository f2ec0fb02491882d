using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotas;

/// <summary>
/// What a rep, or a whole team, is expected to win in a period (both ends inclusive), in one currency; pipeline
/// coverage and attainment are measured against it. Exactly one of <see cref="OwnerId"/> and <see cref="Team"/> is set.
/// </summary>
public sealed class Quota
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    private Quota() { }

    public Quota(string tenantId, string ownerId, DateOnly periodStart, DateOnly periodEnd, decimal amount, string currency)
        : this(tenantId, ownerId, null, periodStart, periodEnd, amount, currency)
    {
        if (string.IsNullOrWhiteSpace(ownerId)) throw new DomainException(DomainError.Of("not_found", ("what", "user")));
    }

    private Quota(string tenantId, string? ownerId, string? team, DateOnly periodStart, DateOnly periodEnd, decimal amount, string currency)
    {
        if (periodEnd < periodStart) throw new DomainException(new DomainError("invalid_period"));
        if (amount is < 0 or > MaxAmount) throw new DomainException(DomainError.Of("invalid_amount", ("field", "amount")));
        TenantId = tenantId;
        OwnerId = ownerId;
        Team = team;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Amount = amount;
        Currency = CurrencyCode(currency);
    }

    /// <summary>A rep's quota for a month or quarter.</summary>
    public static Quota ForRep(string tenantId, string ownerId, QuotaPeriod period, decimal amount, string currency) =>
        new(tenantId, Required(ownerId, "ownerObjectId"), null, period.Start, period.End, amount, currency);

    /// <summary>A team's quota for a month or quarter: the team's target, not the sum of its reps'.</summary>
    public static Quota ForTeam(string tenantId, string team, QuotaPeriod period, decimal amount, string currency) =>
        new(tenantId, null, Required(team, "team"), period.Start, period.End, amount, currency);

    public static string CurrencyCode(string? currency)
    {
        var code = (currency ?? "").Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(DomainError.Of("invalid_currency", ("value", currency ?? ""), ("field", "currency")));
        }
        return code;
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(DomainError.Of("quota_owner_required", ("field", field))) : value.Trim();

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";

    /// <summary>The rep the quota is for; null for a team's quota.</summary>
    public string? OwnerId { get; private set; }

    /// <summary>The team the quota is for; null for a rep's quota.</summary>
    public string? Team { get; private set; }

    public QuotaPeriod? Period => QuotaPeriod.Spanning(PeriodStart, PeriodEnd);

    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "USD";

    public bool Overlaps(DateOnly from, DateOnly to) => PeriodStart <= to && PeriodEnd >= from;

    public void Change(decimal amount, string currency)
    {
        if (amount is < 0 or > MaxAmount) throw new DomainException(DomainError.Of("invalid_amount", ("field", "amount")));
        Amount = amount;
        Currency = CurrencyCode(currency);
    }
}

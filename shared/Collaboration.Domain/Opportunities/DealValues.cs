using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Opportunities;

/// <summary>The checks a deal's name, amount and currency must pass, and the invariant text history rows store.</summary>
internal static class DealValues
{
    public static string Name(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException(new DomainError("name_required"));
        if (trimmed.Length > Opportunity.MaxNameLength) throw new DomainException(DomainError.Of("name_too_long", ("max", Opportunity.MaxNameLength.ToString(CultureInfo.InvariantCulture))));
        return trimmed;
    }

    public static decimal? Amount(decimal? amount) =>
        amount is < 0 ? throw new DomainException(new DomainError("invalid_amount")) : amount;

    public static string Currency(string currency)
    {
        var code = currency.Trim().ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(DomainError.Of("invalid_currency", ("value", currency)));
        }
        return code;
    }

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Invariant(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotes;

internal static class Money
{
    public static string Currency(string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException(DomainError.Of("invalid_currency", ("value", currency ?? "")));
        }
        return code;
    }
}

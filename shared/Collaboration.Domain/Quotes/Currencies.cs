namespace Collaboration.Domain.Quotes;

/// <summary>
/// How many decimals each currency has (ISO 4217 minor units) and the one rounding rule of the CRM's money:
/// to the currency's minor units, half away from zero.
/// </summary>
public static class Currencies
{
    private static readonly HashSet<string> NoDecimals =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly HashSet<string> ThreeDecimals = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly HashSet<string> FourDecimals = ["CLF", "UYW"];

    /// <summary>The currency's minor units; 2 for a code the table does not name.</summary>
    public static int MinorUnits(string currency) =>
        NoDecimals.Contains(currency) ? 0 : ThreeDecimals.Contains(currency) ? 3 : FourDecimals.Contains(currency) ? 4 : 2;

    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorUnits(currency), MidpointRounding.AwayFromZero);
}

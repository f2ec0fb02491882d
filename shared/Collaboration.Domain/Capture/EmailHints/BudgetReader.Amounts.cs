using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>How a number in a sentence is read as money: multipliers, currency markers, and what is not an amount.</summary>
internal static partial class BudgetReader
{
    private static decimal WithoutTrailingZeros(decimal amount) => amount / 1.000000000000000000000000000000000m;

    private static bool IsYearLike(decimal number) => number is >= 1900 and <= 2100 && decimal.Truncate(number) == number;

    /// <summary>Phone numbers and IDs written in groups: "+86 138 1234 5678", "4021-5530".</summary>
    private static bool IsInsideDigitRun(string sentence, int start, int end)
    {
        var before = start - 1;
        if (before >= 0 && sentence[before] is ' ' or '-' or '(' or ')')
        {
            before--;
        }

        var after = end;
        if (after < sentence.Length && sentence[after] is ' ' or '-' or ')')
        {
            after++;
        }

        return (before >= 0 && before < start - 1 && char.IsAsciiDigit(sentence[before]))
            || (after > end && after < sentence.Length && char.IsAsciiDigit(sentence[after]));
    }

    private static bool FollowedByUnit(string sentence, int end) =>
        end < sentence.Length && UnitAfterAmount().IsMatch(sentence.AsSpan(end));

    private static bool PrecededByIdentifierLabel(string sentence, int start)
    {
        var from = Math.Max(0, start - 24);
        return IdentifierLabel().IsMatch(sentence.AsSpan(from, start - from));
    }

    private static decimal Multiplier(string multiplier) => multiplier.ToLowerInvariant() switch
    {
        "k" or "thousand" or "千" => 1_000m,
        "m" or "mm" or "mil" or "million" or "百万" => 1_000_000m,
        "b" or "bn" or "billion" => 1_000_000_000m,
        "千万" => 10_000_000m,
        "万" => 10_000m,
        "亿" => 100_000_000m,
        _ => 1m,
    };

    private static string CurrencyCode(string marker) => marker.ToUpperInvariant() switch
    {
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "美元" or "美金" => "USD",
        "€" or "EUR" or "EURO" or "EUROS" or "欧元" => "EUR",
        "£" or "GBP" or "POUND" or "POUNDS" or "英镑" => "GBP",
        "HK$" or "HKD" or "港币" or "港元" => "HKD",
        "S$" or "SGD" => "SGD",
        "A$" or "AUD" => "AUD",
        "C$" or "CAD" => "CAD",
        "JPY" or "日元" => "JPY",
        // ¥ is also the yen sign; in this product's mail it is almost always renminbi.
        _ => "CNY",
    };
}

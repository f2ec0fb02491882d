using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

public sealed record ParsedAmount(decimal Value, string? Currency);

/// <summary>Reads amounts the way reps type them: 120000, 120,000, 120k, 1.2m, $50k, 12万, 1.5亿, ¥30万, 80000元.</summary>
public static partial class AmountParser
{
    public static bool TryParse(string? text, out ParsedAmount amount)
    {
        amount = new ParsedAmount(0, null);
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Amount().Match(text.Trim());
        if (!match.Success) return false;
        var digits = match.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        var multiplier = match.Groups["mul"].Value.ToLowerInvariant() switch
        {
            "k" or "千" => 1_000m,
            "m" or "mm" or "百万" => 1_000_000m,
            "b" or "bn" => 1_000_000_000m,
            "万" => 10_000m,
            "十万" => 100_000m,
            "千万" => 10_000_000m,
            "亿" => 100_000_000m,
            _ => 1m,
        };
        var currency = CurrencyOf(match.Groups["pre"].Value) ?? CurrencyOf(match.Groups["post"].Value);
        amount = new ParsedAmount(value * multiplier, currency);
        return true;
    }

    private static string? CurrencyOf(string symbol) => symbol.Trim().ToUpperInvariant() switch
    {
        "" => null,
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "美元" => "USD",
        "€" or "EUR" or "欧元" => "EUR",
        "£" or "GBP" => "GBP",
        "¥" or "￥" or "CNY" or "RMB" or "元" or "块" or "人民币" => "CNY",
        "JPY" => "JPY",
        var code when code.Length == 3 => code,
        _ => null,
    };

    [GeneratedRegex(@"^(?<pre>US\$|\$|€|£|¥|￥|USD|EUR|GBP|CNY|RMB|JPY|人民币)?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<mul>mm|bn|k|m|b|十万|百万|千万|千|万|亿)?\s*(?<post>元|块|美元|欧元|USD|EUR|GBP|CNY|RMB|JPY|dollars?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}

/// <summary>Dates in the unambiguous forms: 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日.</summary>
public static partial class DateParser
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Date().Match(text.Trim());
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Finds the first date in a longer text.</summary>
    public static Match Find(string text) => DateAnywhere().Match(text);

    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})日?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日?)", RegexOptions.CultureInvariant)]
    private static partial Regex DateAnywhere();
}

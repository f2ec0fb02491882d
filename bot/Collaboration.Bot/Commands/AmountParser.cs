using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

/// <summary>An amount as typed; <see cref="Currency"/> is null when the rep named none (the deal's or tenant's default applies).</summary>
public sealed record ParsedAmount(decimal Value, string? Currency);

/// <summary>
/// Reads amounts the way reps type them: 120000, 120,000, 120k, 1.2m, $50k, 48k EUR, EUR 48k, 12万, 4.8万, 1.5亿, ¥30万, 80000元.
/// The currency (code, symbol or word) may stand before or after the number.
/// </summary>
public static partial class AmountParser
{
    /// <summary>Above this nothing is an amount a rep meant (and a larger product would overflow <see cref="decimal"/>).</summary>
    private const decimal Largest = 1_000_000_000_000_000m;

    public static bool TryParse(string? text, out ParsedAmount amount)
    {
        amount = new ParsedAmount(0, null);
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = Amount().Match(text.Trim());
        if (!match.Success) return false;
        var digits = match.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
        if (digits.Length > 20 || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        var multiplier = match.Groups["mul"].Value.ToLowerInvariant() switch
        {
            "k" or "千" or "thousand" => 1_000m,
            "m" or "mm" or "mn" or "million" or "百万" => 1_000_000m,
            "b" or "bn" or "billion" => 1_000_000_000m,
            "万" => 10_000m,
            "十万" => 100_000m,
            "千万" => 10_000_000m,
            "亿" => 100_000_000m,
            _ => 1m,
        };
        if (value > Largest / multiplier) return false;
        var before = CurrencyOf(match.Groups["pre"].Value);
        var after = CurrencyOf(match.Groups["post"].Value);
        if (before is not null && after is not null && before != after) return false;
        amount = new ParsedAmount(value * multiplier, before ?? after);
        return true;
    }

    /// <summary>
    /// ISO 4217 code for a currency word or symbol. ¥ and ￥ mean CNY: this product's reps who type them sell in renminbi,
    /// and a yen amount is written JPY, 円 or 日元. A bare $ means USD (HK$, S$, A$, C$ name the others).
    /// </summary>
    public static string? CurrencyOf(string symbol) => symbol.Trim().ToUpperInvariant() switch
    {
        "" => null,
        "$" or "US$" or "USD" or "DOLLAR" or "DOLLARS" or "美元" or "美金" => "USD",
        "€" or "EUR" or "EURO" or "EUROS" or "欧元" => "EUR",
        "£" or "GBP" or "POUND" or "POUNDS" or "英镑" => "GBP",
        "¥" or "￥" or "CNY" or "RMB" or "元" or "块" or "人民币" => "CNY",
        "JPY" or "円" or "日元" or "YEN" => "JPY",
        "HK$" or "HKD" or "港币" or "港元" => "HKD",
        "S$" or "SGD" or "新加坡元" => "SGD",
        "A$" or "AUD" or "澳元" => "AUD",
        "C$" or "CAD" or "加元" => "CAD",
        "₹" or "INR" => "INR",
        "₩" or "KRW" or "韩元" => "KRW",
        var code when code.Length == 3 && code.All(char.IsAsciiLetterUpper) => code,
        _ => null,
    };

    private const string Codes = "USD|EUR|GBP|CNY|RMB|JPY|HKD|SGD|AUD|CAD|CHF|INR|KRW|TWD|NZD|SEK|NOK|DKK";

    [GeneratedRegex(@"^(?<pre>US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|￥|₹|₩|" + Codes + @"|人民币)?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
        + @"(?<mul>mm|mn|bn|k|m|b|thousand|million|billion|十万|百万|千万|千|万|亿)?\s*"
        + @"(?<post>元|块|美元|美金|欧元|英镑|円|日元|港币|港元|澳元|加元|新加坡元|韩元|人民币|€|£|" + Codes + @"|dollars?|euros?|pounds?|yen)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}

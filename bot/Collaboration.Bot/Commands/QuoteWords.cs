using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads the quote commands in English and Chinese (the catalog's <c>commands.approval.*</c>). A line's text may be long
/// (the domain keeps its first characters, the handler refuses more): "add" is found by plain search, never by a pattern
/// that backtracks over what the rep typed, and the patterns only run on short messages.
/// </summary>
public static partial class QuoteWords
{
    private const int MaxPatternInput = 400;
    private const int MaxAmountText = 40;
    private static readonly string[] AddWords = [" add ", "添加"];
    private static readonly string[] PriceWords = [" at ", " @ ", "单价", "价格", "@"];

    public static QuoteCommand? Parse(string input)
    {
        if (ReadAdd(input) is { } add) return add;
        if (input.Length > MaxPatternInput) return null;
        if (Send().Match(input) is { Success: true } send) return Named(send, name => new SendQuoteCommand(name));
        if (Show().Match(input) is { Success: true } show) return Named(show, name => new ShowQuoteCommand(name));
        if (Discount().Match(input) is { Success: true } discount
            && decimal.TryParse(discount.Groups["percent"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            return Named(discount, name => new QuoteDiscountCommand(name, percent));
        }
        return null;
    }

    private static QuoteCommand? Named(Match match, Func<string, QuoteCommand> command) =>
        Clean(match.Groups["deal"].Value) is { Length: > 0 } name ? command(name) : null;

    /// <summary>"{deal} add {quantity} {item}[ at {price}]": the first "add" that a quantity follows.</summary>
    private static AddQuoteLineCommand? ReadAdd(string input)
    {
        foreach (var word in AddWords)
        {
            var at = input.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at <= 0) continue;
            var deal = Clean(input[..at]);
            var rest = input[(at + word.Length)..].TrimStart();
            var digits = 0;
            while (digits < rest.Length && digits <= 12 && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.')) digits++;
            if (deal.Length == 0 || digits == 0 || digits > 12
                || !decimal.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)) continue;
            var item = rest[digits..].TrimStart();
            if (item.StartsWith("x ", StringComparison.OrdinalIgnoreCase) || item.StartsWith("× ", StringComparison.Ordinal)) item = item[2..];
            else if (item.Length > 0 && item[0] is '个' or '份' or '件' or '套' or '×') item = item[1..];
            decimal? price = null;
            foreach (var priceWord in PriceWords)
            {
                var p = item.LastIndexOf(priceWord, StringComparison.OrdinalIgnoreCase);
                if (p <= 0) continue;
                var amount = item[(p + priceWord.Length)..].Trim();
                if (amount.Length is 0 or > MaxAmountText || !AmountParser.TryParse(amount, out var parsed)) continue;
                price = parsed.Value;
                item = item[..p];
                break;
            }
            item = Clean(item);
            if (item.Length > 0) return new AddQuoteLineCommand(deal, quantity, item, price);
        }
        return null;
    }

    private static string Clean(string text) => text.Trim().Trim('"', '\'', '“', '”', '「', '」', '《', '》', ',', ':').Trim();

    [GeneratedRegex(@"^(?:(?:send|submit)\s+(?:the\s+)?quote(?:\s+(?:for|of|to))?\s+|(?:发送|提交)报价\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Send();

    [GeneratedRegex(@"^(?:(?:show\s+)?(?:the\s+)?quote(?:\s+(?:for|of))?\s+|(?:查看)?报价\s*)(?<deal>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Show();

    [GeneratedRegex(@"^(?<deal>[^%％]+?)(?:\s+discount(?:\s+of)?\s*|\s*折扣\s*)(?<percent>\d{1,6}(?:\.\d{1,4})?)\s*(?:%|％|percent)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Discount();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

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

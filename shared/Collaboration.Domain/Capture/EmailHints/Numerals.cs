using System.Globalization;

namespace Collaboration.Domain.Capture.EmailHints;

internal static class Numerals
{
    /// <summary>Reads "12", "十二", "两", "二十五", "叁拾" and the like; null for anything else or above 9999.</summary>
    public static int? ParseSmall(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            return text.Length <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        return ParseChinese(text);
    }

    public static int? ParseChinese(string text)
    {
        var total = 0;
        var digit = -1;
        foreach (var character in text)
        {
            var value = ChineseDigit(character);
            if (value >= 0)
            {
                digit = value;
                continue;
            }

            var unit = character switch
            {
                '十' or '拾' => 10,
                '百' or '佰' => 100,
                '千' or '仟' => 1000,
                _ => 0,
            };
            if (unit == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        if (digit >= 0)
        {
            total += digit;
        }

        return total is > 0 and <= 9999 ? total : null;
    }

    public static int? WordToNumber(string word) => word.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" or "a couple of" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => ParseSmall(word),
    };

    // Includes the financial forms (壹贰叁…) used on quotes and contracts.
    private static int ChineseDigit(char character) => character switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '贰' => 2,
        '三' or '叁' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };
}

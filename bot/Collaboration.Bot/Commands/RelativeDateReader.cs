using System.Globalization;
using System.Text.RegularExpressions;
using Collaboration.Domain.Notifications;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads a date as a rep types it, in English or Chinese, against their own today: ISO and Chinese dates
/// (2027-01-31, 2027/1/31, 2027年1月31日), today, tomorrow, the day after tomorrow, weekdays, end of month, end of quarter,
/// next quarter, end of year, "in 3 days", "in 2 weeks"; 今天, 明天, 后天, 周五, 下周五, 星期五, 月底, 下月底, 季度末, 下季度, 年底, 3天后, 两周后.
/// </summary>
/// <remarks>
/// What the weekday words mean:
/// "friday", "next friday", "coming friday" and 周五/星期五 are the first Friday strictly after today (on a Friday, a week later);
/// "this friday", 本周五 and 这周五 are the Friday of the current Monday-to-Sunday week (possibly past);
/// 下周五 is the Friday of next Monday-to-Sunday week, as Chinese speakers use it (on a Monday, eleven days later).
/// "next quarter"/下季度 is the last day of the next calendar quarter, "end of month"/月底 the last day of this month:
/// a close date is a deadline, the same reading as email timelines.
/// </remarks>
public static partial class RelativeDateReader
{
    /// <summary>The rep's today: <paramref name="clock"/>'s now on the wall clock of <paramref name="timeZoneId"/> (IANA or Windows id; UTC when unknown).</summary>
    public static DateOnly Today(TimeProvider clock, string? timeZoneId) => LocalClock.Today(clock.GetUtcNow(), LocalClock.Zone(timeZoneId));

    public static DateOnly? Read(string? text, TimeProvider clock, string? timeZoneId) => Read(text, Today(clock, timeZoneId));

    /// <summary>
    /// The date <paramref name="text"/> names, all of it; null when it names none. Without <paramref name="today"/> only
    /// absolute dates are read.
    /// </summary>
    public static DateOnly? Read(string? text, DateOnly? today)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var match = Whole().Match(text.Trim());
        return match.Success ? Resolve(match, today) : null;
    }

    /// <summary>A date phrase that ends <paramref name="text"/> after one of <paramref name="cue"/> words, e.g. "send pricing by friday".</summary>
    internal static (DateOnly Date, string Before)? ReadTrailing(string text, DateOnly? today)
    {
        var match = Trailing().Match(text);
        if (!match.Success || Resolve(match, today) is not { } date) return null;
        return (date, text[..match.Index].Trim());
    }

    /// <summary>A Chinese deadline that starts <paramref name="text"/> ("周五前发报价") or ends it ("发报价，周五前").</summary>
    internal static (DateOnly Date, string Remainder)? ReadChineseDeadline(string text, DateOnly? today)
    {
        if (LeadingChinese().Match(text) is { Success: true } leading && Resolve(leading, today) is { } first)
        {
            return (first, text[leading.Length..].Trim().TrimStart(',', '，', '、').Trim());
        }
        if (TrailingChinese().Match(text) is { Success: true } trailing && Resolve(trailing, today) is { } last)
        {
            return (last, text[..trailing.Index].Trim().TrimEnd(',', '，', '、').Trim());
        }
        return null;
    }

    private static DateOnly? Resolve(Match match, DateOnly? maybeToday)
    {
        if (match.Groups["y"].Success)
        {
            var year = Number(match.Groups["y"].Value);
            var month = Number(match.Groups["m"].Value);
            var day = Number(match.Groups["d"].Value);
            return month is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                ? new DateOnly(year, month, day)
                : null;
        }
        if (maybeToday is not { } today) return null;
        if (match.Groups["today"].Success) return today;
        if (match.Groups["tomorrow"].Success) return today.AddDays(1);
        if (match.Groups["afterTomorrow"].Success) return today.AddDays(2);
        if (match.Groups["endOfMonth"].Success) return EndOfMonth(today);
        if (match.Groups["endOfNextMonth"].Success) return EndOfMonth(today.AddMonths(1));
        if (match.Groups["endOfQuarter"].Success) return EndOfQuarter(today);
        if (match.Groups["nextQuarter"].Success) return EndOfQuarter(EndOfQuarter(today).AddDays(1));
        if (match.Groups["endOfYear"].Success) return new DateOnly(today.Year, 12, 31);
        if (match.Groups["n"].Success)
        {
            var count = Count(match.Groups["n"].Value);
            if (count is null) return null;
            var days = match.Groups["weeks"].Success ? count.Value * 7 : count.Value;
            return today.DayNumber + days <= DateOnly.MaxValue.DayNumber ? today.AddDays(days) : null;
        }
        if (match.Groups["weekday"].Success)
        {
            var wanted = WeekdayOf(match.Groups["weekday"].Value);
            var relation = match.Groups["relation"].Value.ToLowerInvariant();
            return relation switch
            {
                "this" or "本" or "这" or "这个" or "本个" => MondayOf(today).AddDays(DaysFromMonday(wanted)),
                "下" or "下个" => MondayOf(today).AddDays(7 + DaysFromMonday(wanted)),
                "下下" or "下下个" => MondayOf(today).AddDays(14 + DaysFromMonday(wanted)),
                _ => today.AddDays(((int)wanted - (int)today.DayOfWeek + 6) % 7 + 1),
            };
        }
        return null;
    }

    private static DateOnly EndOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    private static DateOnly EndOfQuarter(DateOnly day)
    {
        var lastMonth = (day.Month - 1) / 3 * 3 + 3;
        return new DateOnly(day.Year, lastMonth, DateTime.DaysInMonth(day.Year, lastMonth));
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-DaysFromMonday(day.DayOfWeek));

    private static int DaysFromMonday(DayOfWeek day) => ((int)day + 6) % 7;

    private static DayOfWeek WeekdayOf(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("mon", StringComparison.Ordinal) || w is "一" or "1") return DayOfWeek.Monday;
        if (w.StartsWith("tu", StringComparison.Ordinal) || w is "二" or "2") return DayOfWeek.Tuesday;
        if (w.StartsWith("we", StringComparison.Ordinal) || w is "三" or "3") return DayOfWeek.Wednesday;
        if (w.StartsWith("th", StringComparison.Ordinal) || w is "四" or "4") return DayOfWeek.Thursday;
        if (w.StartsWith("fr", StringComparison.Ordinal) || w is "五" or "5") return DayOfWeek.Friday;
        if (w.StartsWith("sa", StringComparison.Ordinal) || w is "六" or "6") return DayOfWeek.Saturday;
        return DayOfWeek.Sunday;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>1 to 999 in digits, or one to ninety-nine in Chinese (三, 两, 十, 十五, 二十).</summary>
    private static int? Count(string text)
    {
        if (char.IsAsciiDigit(text[0])) return Number(text) is var n and >= 1 ? n : null;
        static int Digit(char c) => "零一二三四五六七八九".IndexOf(c) is var i and >= 0 ? i : c == '两' ? 2 : -1;
        var ten = text.IndexOf('十');
        if (ten < 0) return text.Length == 1 && Digit(text[0]) is > 0 and var d ? d : null;
        var tens = ten == 0 ? 1 : ten == 1 ? Digit(text[0]) : -1;
        var ones = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? Digit(text[^1]) : -1;
        return tens > 0 && ones >= 0 ? tens * 10 + ones : null;
    }

    private const string Phrase =
        @"(?:(?<y>\d{4})(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?)"
        + @"|(?<afterTomorrow>(?:the\s+)?day\s+after\s+tomorrow|后天)"
        + @"|(?<today>today|tonight|今天|今日|今晚)"
        + @"|(?<tomorrow>tomorrow|tmrw|明天|明日)"
        + @"|(?<endOfNextMonth>(?:the\s+)?end\s+of\s+next\s+month|下个?月底|下个?月末)"
        + @"|(?<endOfMonth>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom|(?:本|这个?)?月底|(?:本|这个?)?月末)"
        + @"|(?<nextQuarter>(?:(?:the\s+)?end\s+of\s+)?next\s+quarter|下(?:个|一)?季度末?)"
        + @"|(?<endOfQuarter>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter|eoq|(?:本|这个?)?季度末|(?:本|这个?)?季末)"
        + @"|(?<endOfYear>(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|(?:今年)?年底|(?:今年)?年末)"
        + @"|in\s+(?<n>\d{1,3})\s+(?:days?|(?<weeks>weeks?))"
        + @"|(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:天|日|(?<weeks>周|星期|礼拜))(?:后|以后|之后)"
        + @"|(?:(?<relation>next|this|coming)\s+)?(?<weekday>monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)"
        + @"|(?<relation>下下个|下下|下个|下|本个|本|这个|这)?(?:周|星期|礼拜)(?<weekday>[一二三四五六日天1-7])"
        + @")";

    [GeneratedRegex(@"^(?:(?:on|by)\s+|在|于)?" + Phrase + @"$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"\s+(?:by|before|on|due(?:\s+(?:by|on))?|until|till)\s+" + Phrase + @"$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"^(?:在|于|截止(?:到)?)?\s*" + Phrase + @"(?![a-z0-9])\s*(?:之前|以前|前)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingChinese();

    [GeneratedRegex(@"\s*[,，、]?\s*(?:在|于|截止(?:到)?)?\s*(?<![a-z0-9])" + Phrase + @"\s*(?:之前|以前|前)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingChinese();
}

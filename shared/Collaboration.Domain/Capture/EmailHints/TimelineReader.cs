using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class TimelineReader
{
    private const int ImmediateWithinDays = 14;

    private delegate DateOnly? TargetRule(Match match, DateOnly receivedOn);

    /// <summary>Lower is more specific: a day beats a month, a month beats a quarter, a quarter beats a year.</summary>
    private enum Precision
    {
        Day,
        Month,
        Quarter,
        Year,
    }

    private sealed record Pattern(Func<Regex> Regex, TargetRule Target, Precision Precision, bool NeedsDeadlineCue);

    private readonly record struct Sighting(DateOnly Target, Precision Precision, int SentenceIndex, int Index);

    // Order matters when two patterns match at the same place: the more specific one is listed first.
    private static readonly Pattern[] Patterns =
    [
        new(IsoDate, (match, _) => DateOrNull(Int(match, "y"), Int(match, "m"), Int(match, "d")), Precision.Day, NeedsDeadlineCue: true),
        new(ChineseMonthDay, (match, received) => MonthDay(received, YearOrNull(match, received), Int(match, "m"), Int(match, "d")), Precision.Day, NeedsDeadlineCue: false),
        new(ChineseMonth, ChineseMonthTarget, Precision.Month, NeedsDeadlineCue: false),
        new(EnglishMonthDay, (match, received) => MonthDay(received, YearOrNull(match), MonthNumber(match.Groups["month"].Value), Int(match, "d")), Precision.Day, NeedsDeadlineCue: true),
        new(EnglishDayMonth, (match, received) => MonthDay(received, YearOrNull(match), MonthNumber(match.Groups["month"].Value), Int(match, "d")), Precision.Day, NeedsDeadlineCue: true),
        new(EnglishMonthOnly, EnglishMonthTarget, Precision.Month, NeedsDeadlineCue: false),
        new(Quarter, QuarterTarget, Precision.Quarter, NeedsDeadlineCue: true),
        new(ThisQuarter, (_, received) => EndOfQuarter(received.Year, QuarterOf(received)), Precision.Quarter, NeedsDeadlineCue: false),
        new(NextQuarter, (_, received) => QuarterOf(received) == 4 ? EndOfQuarter(received.Year + 1, 1) : EndOfQuarter(received.Year, QuarterOf(received) + 1), Precision.Quarter, NeedsDeadlineCue: false),
        new(ThisMonth, (_, received) => EndOfMonth(received.Year, received.Month), Precision.Month, NeedsDeadlineCue: false),
        new(NextMonth, (_, received) => received.Month == 12 ? EndOfMonth(received.Year + 1, 1) : EndOfMonth(received.Year, received.Month + 1), Precision.Month, NeedsDeadlineCue: false),
        new(ThisYear, (_, received) => DateOrNull(received.Year, 12, 31), Precision.Year, NeedsDeadlineCue: false),
        new(NextYear, (_, received) => DateOrNull(received.Year + 1, 12, 31), Precision.Year, NeedsDeadlineCue: false),
        new(WithinPeriod, WithinTarget, Precision.Day, NeedsDeadlineCue: false),
        new(ChineseWithinPeriod, WithinTarget, Precision.Day, NeedsDeadlineCue: false),
    ];

    public static TimelineHint? Read(IReadOnlyList<string> sentences, DateOnly receivedOn)
    {
        Sighting? best = null;
        TimelineHint? immediate = null;
        for (var sentenceIndex = 0; sentenceIndex < sentences.Count; sentenceIndex++)
        {
            var sentence = sentences[sentenceIndex];
            // "We don't need it this year" gives no buying timeline.
            if (NeedReader.NoNeed().IsMatch(sentence))
            {
                continue;
            }

            if (MostPreciseTarget(sentence, sentenceIndex, receivedOn) is { } sighting
                && (best is null || sighting.Precision < best.Value.Precision))
            {
                best = sighting;
            }

            // "Please reply ASAP" is about the reply, not the purchase.
            if (immediate is null && Immediate().IsMatch(sentence) && !AboutReplying().IsMatch(sentence))
            {
                immediate = new TimelineHint(null, TimeframeHint.Immediate, EmailText.Evidence(sentence));
            }
        }

        return best is { } found
            ? new TimelineHint(found.Target, Classify(found.Target, receivedOn), EmailText.Evidence(sentences[found.SentenceIndex]))
            : immediate;
    }

    internal static TimeframeHint Classify(DateOnly target, DateOnly receivedOn)
    {
        var daysAhead = target.DayNumber - receivedOn.DayNumber;
        if (daysAhead < 0)
        {
            return TimeframeHint.Unknown;
        }

        if (daysAhead <= ImmediateWithinDays)
        {
            return TimeframeHint.Immediate;
        }

        var quartersAhead = (target.Year * 4 + QuarterOf(target)) - (receivedOn.Year * 4 + QuarterOf(receivedOn));
        return quartersAhead switch
        {
            0 => TimeframeHint.ThisQuarter,
            1 => TimeframeHint.NextQuarter,
            _ when target.Year == receivedOn.Year => TimeframeHint.ThisYear,
            _ when target.Year == receivedOn.Year + 1 => TimeframeHint.NextYear,
            _ => TimeframeHint.Unknown,
        };
    }

    private static Sighting? MostPreciseTarget(string sentence, int sentenceIndex, DateOnly receivedOn)
    {
        if (AboutMeeting().IsMatch(sentence))
        {
            return null;
        }

        var hasDeadlineCue = DeadlineCue().IsMatch(sentence);
        Sighting? best = null;
        foreach (var pattern in Patterns)
        {
            if ((pattern.NeedsDeadlineCue && !hasDeadlineCue) || (best is { } sofar && pattern.Precision > sofar.Precision))
            {
                continue;
            }

            foreach (Match match in pattern.Regex().Matches(sentence))
            {
                if (best is { } current && pattern.Precision == current.Precision && match.Index >= current.Index)
                {
                    break;
                }

                if (pattern.Target(match, receivedOn) is { } target)
                {
                    best = new Sighting(target, pattern.Precision, sentenceIndex, match.Index);
                    break;
                }
            }
        }

        return best;
    }

    private static DateOnly? ChineseMonthTarget(Match match, DateOnly receivedOn)
    {
        var suffix = match.Groups["suffix"].Value;
        var day = suffix switch
        {
            "初" or "上旬" => 10,
            "中" or "中旬" => 15,
            "下旬" => 25,
            _ => 0,
        };
        var month = Int(match, "m");
        if (month is null || month is < 1 or > 12)
        {
            return null;
        }

        var year = YearOrNull(match, receivedOn);
        return day == 0 ? MonthEnd(receivedOn, year, month.Value) : MonthDay(receivedOn, year, month, day);
    }

    private static DateOnly? EnglishMonthTarget(Match match, DateOnly receivedOn)
    {
        var month = MonthNumber(match.Groups["month"].Value);
        if (month is null)
        {
            return null;
        }

        var when = match.Groups["when"].Value.ToLowerInvariant();
        var year = YearOrNull(match);
        return when.StartsWith("early", StringComparison.Ordinal) ? MonthDay(receivedOn, year, month, 10)
            : when.StartsWith("mid", StringComparison.Ordinal) ? MonthDay(receivedOn, year, month, 15)
            : MonthEnd(receivedOn, year, month.Value);
    }

    private static DateOnly? QuarterTarget(Match match, DateOnly receivedOn)
    {
        var quarterText = match.Groups["q"].Value.ToLowerInvariant();
        var quarter = quarterText switch
        {
            "1" or "first" or "1st" or "一" => 1,
            "2" or "second" or "2nd" or "二" => 2,
            "3" or "third" or "3rd" or "三" => 3,
            "4" or "fourth" or "4th" or "四" => 4,
            _ => 0,
        };
        if (quarter == 0)
        {
            return null;
        }

        if (YearOrNull(match) is { } year)
        {
            return EndOfQuarter(year, quarter);
        }

        var thisYears = EndOfQuarter(receivedOn.Year, quarter);
        return thisYears is { } end && end < receivedOn ? EndOfQuarter(receivedOn.Year + 1, quarter) : thisYears;
    }

    private static DateOnly? WithinTarget(Match match, DateOnly receivedOn)
    {
        var count = Numerals.WordToNumber(match.Groups["n"].Value.Trim());
        if (count is null or <= 0 or > 366)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var days = unit switch
        {
            _ when unit.StartsWith("day", StringComparison.Ordinal) || unit is "天" or "日" => count.Value,
            _ when unit.StartsWith("week", StringComparison.Ordinal) || unit is "周" or "星期" or "礼拜" => count.Value * 7,
            "工作日" => (count.Value * 7 + 4) / 5,
            _ => -1,
        };
        if (days >= 0)
        {
            return AddDays(receivedOn, days);
        }

        try
        {
            return receivedOn.AddMonths(count.Value);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateOnly? MonthDay(DateOnly receivedOn, int? year, int? month, int? day)
    {
        if (month is null || day is null)
        {
            return null;
        }

        if (year is { } explicitYear)
        {
            return DateOrNull(explicitYear, month.Value, day.Value);
        }

        var thisYears = DateOrNull(receivedOn.Year, month.Value, day.Value);
        return thisYears is { } date && date < receivedOn ? DateOrNull(receivedOn.Year + 1, month.Value, day.Value) : thisYears;
    }

    private static DateOnly? MonthEnd(DateOnly receivedOn, int? year, int month)
    {
        if (year is { } explicitYear)
        {
            return EndOfMonth(explicitYear, month);
        }

        var thisYears = EndOfMonth(receivedOn.Year, month);
        return thisYears is { } date && date < receivedOn ? EndOfMonth(receivedOn.Year + 1, month) : thisYears;
    }

    private static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    private static DateOnly? EndOfQuarter(int year, int quarter) => EndOfMonth(year, quarter * 3);

    private static DateOnly? EndOfMonth(int year, int month) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 ? DateOrNull(year, month, DateTime.DaysInMonth(year, month)) : null;

    private static DateOnly? DateOrNull(int? year, int? month, int? day)
    {
        if (year is not (>= 1 and <= 9999) || month is not (>= 1 and <= 12) || day is not >= 1)
        {
            return null;
        }

        return day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    private static DateOnly? AddDays(DateOnly date, int days) =>
        date.DayNumber + (long)days <= DateOnly.MaxValue.DayNumber ? date.AddDays(days) : null;

    private static int? Int(Match match, string group) =>
        match.Groups[group].Success ? Numerals.ParseSmall(match.Groups[group].Value) : null;

    private static int? YearOrNull(Match match, DateOnly receivedOn)
    {
        if (match.Groups["next"].Success)
        {
            return receivedOn.Year + 1;
        }

        return YearOrNull(match);
    }

    private static int? YearOrNull(Match match)
    {
        var group = match.Groups["y"];
        if (!group.Success)
        {
            return null;
        }

        var year = Numerals.ParseSmall(group.Value);
        return year is < 100 ? 2000 + year : year;
    }

    private static int? MonthNumber(string name) => name.Length < 3 ? null : name[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => null,
    };

    private const string MonthName = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    private const string ChineseMonthNumber = "(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";

    [GeneratedRegex(@"(?<![0-9])(?<y>20[0-9]{2})[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant, 250)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:(?<y>20[0-9]{2})年|(?<next>明年))?(?<![0-9])" + ChineseMonthNumber + @"月(?<d>[12][0-9]|3[01]|0?[1-9])[日号]", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ChineseMonthDay();

    // A bare "3月" is too often a past date; a suffix (底, 前, 份…) or a leading year makes it a target.
    [GeneratedRegex(@"(?:(?<y>20[0-9]{2})年|(?<next>明年))?(?<![0-9])" + ChineseMonthNumber + @"月(?:份(?<suffix>底|末|前|之前|以前|中旬|上旬|下旬|初|中)?|(?<suffix>底|末|前|之前|以前|中旬|上旬|下旬|初|中))", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ChineseMonth();

    [GeneratedRegex(@"\b" + MonthName + @"\.?\s+(?<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"\b(?<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @"\b(?:,?\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EnglishDayMonth();

    [GeneratedRegex(@"(?i:\b(?:by|before|until|till|in|for)\s+(?:the\s+)?(?<when>end\s+of\s+|early\s+|mid-?\s*|late\s+)?|\b(?<when>end\s+of\s+|early\s+|mid-?\s*|late\s+))" + MonthName + @"\b(?:\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EnglishMonthOnly();

    [GeneratedRegex(@"(?i:(?<![A-Za-z0-9])(?:q(?<q>[1-4])|(?<q>[1-4])q|(?<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s*(?:of\s+)?(?:fy\s*)?(?<y>20[0-9]{2})|\s*(?:fy\s*|')(?<y>[0-9]{2}))?(?![A-Za-z0-9]))|(?:(?<y>20[0-9]{2})年)?第?(?<q>[一二三四1-4])季度", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+quarter\b|\bend\s+of\s+(?:the\s+|this\s+)?quarter\b|\bquarter[- ]end\b|\beoq\b)|本季度|这个季度|本季|季度末|季末|当季", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ThisQuarter();

    [GeneratedRegex(@"(?i:\bnext\s+quarter\b)|下季度|下个季度|下一季度|下一个季度", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NextQuarter();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+month\b|\bend\s+of\s+(?:the\s+|this\s+)?month\b|\bmonth[- ]end\b|\beom\b)|本月|这个月|(?<![0-9一二三四五六七八九十个上下])月[底末]", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ThisMonth();

    [GeneratedRegex(@"(?i:\bnext\s+month\b)|下个?月", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NextMonth();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+(?:calendar\s+)?year\b|\bend\s+of\s+(?:the\s+|this\s+)?year\b|\byear[- ]end\b|\beoy\b)|今年|(?<![明去前])年[底末]|年内|本年度", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ThisYear();

    [GeneratedRegex(@"(?i:\bnext\s+year\b)|明年|来年|下一年", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NextYear();

    [GeneratedRegex(@"(?i:\b(?:within|in|over\s+the\s+next|in\s+the\s+next|next)\s+(?<n>[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\s+couple\s+of)\s+(?<unit>days?|weeks?|months?)\b)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WithinPeriod();

    [GeneratedRegex(@"(?<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s?个?\s?(?<unit>工作日|天|日|周|星期|礼拜|月)(?:之内|以内|内)", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ChineseWithinPeriod();

    [GeneratedRegex(@"(?i:\b(?:asap|as\s+soon\s+as\s+possible|urgently|immediately|right\s+away|at\s+once|without\s+delay)\b)|尽快|马上|立即|立刻|越快越好|尽早|刻不容缓", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Immediate();

    [GeneratedRegex(@"(?i:\b(?:reply|respond|response|get\s+back|let\s+(?:me|us)\s+know|call\s+me|contact|confirm\s+receipt)\b)|回复|回电|联系我|答复|告知|回信|反馈", RegexOptions.CultureInvariant, 250)]
    private static partial Regex AboutReplying();

    [GeneratedRegex(@"(?i:\b(?:meeting|meet|call|demo|webinar|catch\s+up|lunch|visit|appointment|out\s+of\s+(?:the\s+)?office|ooo|vacation|holiday|on\s+leave|sent|received|dated|invoice)\b)|会议|开会|见面|拜访|演示|通话|休假|不在办公室", RegexOptions.CultureInvariant, 250)]
    private static partial Regex AboutMeeting();

    [GeneratedRegex(@"(?i:\b(?:by|before|until|till|no\s+later\s+than|deadline|due|go[- ]?live|live|launch|in\s+place|ready|complete|completed|finish|done|target|targeting|roll\s?out|deploy|implement|implemented|start|kick\s?off|need|needs|needed|must|have\s+to|in|end)\b)|前|之前|以前|上线|截止|完成|交付|到位|部署|启动|落地|需要|必须", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DeadlineCue();
}

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

            for (var match = pattern.Regex().Match(sentence); match.Success; match = match.NextMatch())
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

    private const string MonthName = "(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    private const string ChineseMonthNumber = "(?<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
}

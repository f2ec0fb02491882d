using System.Text.RegularExpressions;

namespace Collaboration.Domain.Capture.EmailHints;

internal static partial class TimelineReader
{
    [GeneratedRegex(@"(?<![0-9])(?<y>20[0-9]{2})[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})(?![0-9])", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"(?:(?<y>20[0-9]{2})年|(?<next>明年))?(?<![0-9])" + ChineseMonthNumber + @"月(?<d>[12][0-9]|3[01]|0?[1-9])[日号]", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ChineseMonthDay();

    // A bare "3月" is too often a past date; a suffix (底, 前, 份…) or a leading year makes it a target.
    [GeneratedRegex(@"(?:(?<y>20[0-9]{2})年|(?<next>明年))?(?<![0-9])" + ChineseMonthNumber + @"月(?:份(?<suffix>底|末|前|之前|以前|中旬|上旬|下旬|初|中)?|(?<suffix>底|末|前|之前|以前|中旬|上旬|下旬|初|中))", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ChineseMonth();

    [GeneratedRegex(@"\b" + MonthName + @"\.?\s+(?<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?:,?\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex EnglishMonthDay();

    [GeneratedRegex(@"\b(?<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @"\b(?:,?\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex EnglishDayMonth();

    [GeneratedRegex(@"(?i:\b(?:by|before|until|till|in|for)\s+(?:the\s+)?(?<when>end\s+of\s+|early\s+|mid-?\s*|late\s+)?|\b(?<when>end\s+of\s+|early\s+|mid-?\s*|late\s+))" + MonthName + @"\b(?:\s+(?<y>20[0-9]{2})\b)?", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex EnglishMonthOnly();

    [GeneratedRegex(@"(?i:(?<![A-Za-z0-9])(?:q(?<q>[1-4])|(?<q>[1-4])q|(?<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s*(?:of\s+)?(?:fy\s*)?(?<y>20[0-9]{2})|\s*(?:fy\s*|')(?<y>[0-9]{2}))?(?![A-Za-z0-9]))|(?:(?<y>20[0-9]{2})年)?第?(?<q>[一二三四1-4])季度", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+quarter\b|\bend\s+of\s+(?:the\s+|this\s+)?quarter\b|\bquarter[- ]end\b|\beoq\b)|本季度|这个季度|本季|季度末|季末|当季", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ThisQuarter();

    [GeneratedRegex(@"(?i:\bnext\s+quarter\b)|下季度|下个季度|下一季度|下一个季度", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex NextQuarter();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+month\b|\bend\s+of\s+(?:the\s+|this\s+)?month\b|\bmonth[- ]end\b|\beom\b)|本月|这个月|(?<![0-9一二三四五六七八九十个上下])月[底末]", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ThisMonth();

    [GeneratedRegex(@"(?i:\bnext\s+month\b)|下个?月", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex NextMonth();

    [GeneratedRegex(@"(?i:\b(?:this|current)\s+(?:calendar\s+)?year\b|\bend\s+of\s+(?:the\s+|this\s+)?year\b|\byear[- ]end\b|\beoy\b)|今年|(?<![明去前])年[底末]|年内|本年度", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ThisYear();

    [GeneratedRegex(@"(?i:\bnext\s+year\b)|明年|来年|下一年", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex NextYear();

    [GeneratedRegex(@"(?i:\b(?:within|in|over\s+the\s+next|in\s+the\s+next|next)\s+(?<n>[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|a\s+couple\s+of)\s+(?<unit>days?|weeks?|months?)\b)", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex WithinPeriod();

    [GeneratedRegex(@"(?<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})\s?个?\s?(?<unit>工作日|天|日|周|星期|礼拜|月)(?:之内|以内|内)", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex ChineseWithinPeriod();

    [GeneratedRegex(@"(?i:\b(?:asap|as\s+soon\s+as\s+possible|urgently|immediately|right\s+away|at\s+once|without\s+delay)\b)|尽快|马上|立即|立刻|越快越好|尽早|刻不容缓", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex Immediate();

    [GeneratedRegex(@"(?i:\b(?:reply|respond|response|get\s+back|let\s+(?:me|us)\s+know|call\s+me|contact|confirm\s+receipt)\b)|回复|回电|联系我|答复|告知|回信|反馈", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex AboutReplying();

    [GeneratedRegex(@"(?i:\b(?:meeting|meet|call|demo|webinar|catch\s+up|lunch|visit|appointment|out\s+of\s+(?:the\s+)?office|ooo|vacation|holiday|on\s+leave|sent|received|dated|invoice)\b)|会议|开会|见面|拜访|演示|通话|休假|不在办公室", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex AboutMeeting();

    [GeneratedRegex(@"(?i:\b(?:by|before|until|till|no\s+later\s+than|deadline|due|go[- ]?live|live|launch|in\s+place|ready|complete|completed|finish|done|target|targeting|roll\s?out|deploy|implement|implemented|start|kick\s?off|need|needs|needed|must|have\s+to|in|end)\b)|前|之前|以前|上线|截止|完成|交付|到位|部署|启动|落地|需要|必须", RegexOptions.CultureInvariant, PatternTimeout.Milliseconds)]
    private static partial Regex DeadlineCue();
}

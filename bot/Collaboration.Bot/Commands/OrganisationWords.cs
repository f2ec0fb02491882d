using System.Globalization;
using System.Text.RegularExpressions;
using Collaboration.Domain.Quotas;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads the organisation commands: "my team" / "我的团队", "who is my manager" / "我的经理是谁", "settings" / "设置", and
/// "quota" / "配额" with an optional period ("2027-Q1", "2027-01", "this quarter", "2027年第一季度", "2027年1月", "本季度").
/// The whole message must be the command, so a deal called "Settings" is still found by "show settings".
/// </summary>
public static partial class OrganisationWords
{
    private static readonly (string Word, ReportPeriod Period)[] Relative =
    [
        ("this quarter", ReportPeriod.ThisQuarter), ("current quarter", ReportPeriod.ThisQuarter), ("last quarter", ReportPeriod.LastQuarter),
        ("previous quarter", ReportPeriod.LastQuarter), ("this month", ReportPeriod.ThisMonth), ("current month", ReportPeriod.ThisMonth),
        ("last month", ReportPeriod.LastMonth), ("previous month", ReportPeriod.LastMonth), ("this year", ReportPeriod.ThisYear),
        ("本季度", ReportPeriod.ThisQuarter), ("这个季度", ReportPeriod.ThisQuarter), ("本季", ReportPeriod.ThisQuarter), ("上季度", ReportPeriod.LastQuarter),
        ("上个季度", ReportPeriod.LastQuarter), ("本月", ReportPeriod.ThisMonth), ("这个月", ReportPeriod.ThisMonth), ("上月", ReportPeriod.LastMonth),
        ("上个月", ReportPeriod.LastMonth), ("今年", ReportPeriod.ThisYear), ("本年", ReportPeriod.ThisYear),
    ];

    private static readonly string[] QuarterNumbers = ["一", "二", "三", "四"];

    public static BotCommand? Parse(string input)
    {
        if (input.Length > 80) return null;
        var text = input.Trim().TrimEnd('?', '？').Trim();
        if (MyTeam().IsMatch(text)) return new MyTeamCommand();
        if (MyManager().IsMatch(text)) return new MyManagerCommand();
        if (Settings().IsMatch(text)) return new SettingsCommand();
        if (Quota().Match(text) is not { Success: true } quota) return null;
        var before = Scope().Replace(quota.Groups["before"].Value, " ").Trim();
        var after = Scope().Replace(quota.Groups["after"].Value, " ").Trim();
        if (before.Length > 0) return after.Length == 0 ? ReadPeriod(before) : null;
        return after.Length == 0 ? new QuotaCommand() : ReadPeriod(after) ?? new QuotaCommand(PeriodText: after);
    }

    private static QuotaCommand? ReadPeriod(string words)
    {
        var text = words.ToLowerInvariant().Replace("的", "", StringComparison.Ordinal).Replace("'s", "", StringComparison.Ordinal).Trim();
        foreach (var (word, period) in Relative)
        {
            if (text == word) return new QuotaCommand(Relative: period);
        }
        if (QuotaPeriod.TryParse(text.ToUpperInvariant(), out var exact)) return new QuotaCommand(exact);
        if (Chinese().Match(text.Replace(" ", "", StringComparison.Ordinal)) is not { Success: true } zh) return null;
        var year = int.Parse(zh.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2200) return null;
        if (zh.Groups["month"].Success)
        {
            var month = int.Parse(zh.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new QuotaCommand(QuotaPeriod.Month(year, month)) : null;
        }
        var q = zh.Groups["q"].Value;
        var quarter = Array.IndexOf(QuarterNumbers, q) + 1;
        if (quarter == 0 && int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var digit)) quarter = digit;
        return quarter is >= 1 and <= 4 ? new QuotaCommand(QuotaPeriod.Quarter(year, quarter)) : null;
    }

    [GeneratedRegex(@"^(?:my team|show my team|our team|who is on my team|who's on my team|my org|我的团队|我们团队|我的组织|我团队)$", RegexOptions.IgnoreCase)]
    private static partial Regex MyTeam();

    [GeneratedRegex(@"^(?:who is my manager|who's my manager|whos my manager|my manager|manager|我的经理是谁|我的经理|谁是我的经理|我的上级是谁|我的上级|谁是我的上级)$", RegexOptions.IgnoreCase)]
    private static partial Regex MyManager();

    [GeneratedRegex(@"^(?:settings|setting|admin settings|open settings|设置|管理设置|打开设置)$", RegexOptions.IgnoreCase)]
    private static partial Regex Settings();

    /// <summary>"quota …" reads any words after it as a period; words before it must be scope or period words, so "log call contoso: quota" stays a log.</summary>
    [GeneratedRegex(@"^(?<before>[\p{L}\d' ]{0,24}?)\s*(?:quotas?|attainment|配额|业绩目标)(?:\s+|(?<=[\u3400-\u9FFF])(?=\S)|$)(?<after>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Quota();

    [GeneratedRegex(@"(?<![\p{L}])(?:my|our|team's|team|mine|for|of|me|show)(?![\p{L}])|我们团队的|我团队的|我们的|我的|团队的|团队|查看|显示", RegexOptions.IgnoreCase)]
    private static partial Regex Scope();

    [GeneratedRegex(@"^(?<year>\d{4})年?(?:第?(?<q>[一二三四1-4])季度?|q(?<q>[1-4])|(?<month>\d{1,2})月?)$")]
    private static partial Regex Chinese();
}

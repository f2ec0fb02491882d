using System.Text.RegularExpressions;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads report requests: the period and scope words are taken out wherever they stand ("forecast this quarter",
/// "本季度预测", "win rate my team", "我团队的赢率"), and what is left must be exactly one report's name.
/// </summary>
public static partial class ReportWords
{
    private static readonly (string Word, ReportPeriod Period)[] Periods =
    [
        ("this quarter", ReportPeriod.ThisQuarter), ("current quarter", ReportPeriod.ThisQuarter), ("quarter", ReportPeriod.ThisQuarter),
        ("this month", ReportPeriod.ThisMonth), ("current month", ReportPeriod.ThisMonth), ("month", ReportPeriod.ThisMonth),
        ("last month", ReportPeriod.LastMonth), ("previous month", ReportPeriod.LastMonth),
        ("last quarter", ReportPeriod.LastQuarter), ("previous quarter", ReportPeriod.LastQuarter),
        ("this year", ReportPeriod.ThisYear), ("year to date", ReportPeriod.ThisYear), ("ytd", ReportPeriod.ThisYear), ("year", ReportPeriod.ThisYear),
        ("本季度", ReportPeriod.ThisQuarter), ("这个季度", ReportPeriod.ThisQuarter), ("这季度", ReportPeriod.ThisQuarter), ("本季", ReportPeriod.ThisQuarter),
        ("本月", ReportPeriod.ThisMonth), ("这个月", ReportPeriod.ThisMonth), ("上个月", ReportPeriod.LastMonth), ("上月", ReportPeriod.LastMonth),
        ("上个季度", ReportPeriod.LastQuarter), ("上季度", ReportPeriod.LastQuarter), ("今年", ReportPeriod.ThisYear), ("本年度", ReportPeriod.ThisYear), ("本年", ReportPeriod.ThisYear),
    ];

    private static readonly (string Word, ReportScope Scope)[] Scopes =
    [
        ("for my team", ReportScope.Team), ("my team's", ReportScope.Team), ("my team", ReportScope.Team), ("our team", ReportScope.Team),
        ("team's", ReportScope.Team), ("team", ReportScope.Team), ("our", ReportScope.Team),
        ("for me", ReportScope.Mine), ("mine", ReportScope.Mine), ("my own", ReportScope.Mine), ("my", ReportScope.Mine),
        ("我们团队的", ReportScope.Team), ("我团队的", ReportScope.Team), ("我的团队", ReportScope.Team), ("我们团队", ReportScope.Team), ("我团队", ReportScope.Team),
        ("团队的", ReportScope.Team), ("团队", ReportScope.Team), ("我们的", ReportScope.Team), ("我的", ReportScope.Mine),
    ];

    private static readonly (string Word, ReportKind Kind, ReportScope? Scope)[] Kinds =
    [
        ("pipeline", ReportKind.Pipeline, null), ("funnel", ReportKind.Pipeline, null), ("sales funnel", ReportKind.Pipeline, null), ("pipeline report", ReportKind.Pipeline, null),
        ("销售漏斗", ReportKind.Pipeline, null), ("漏斗", ReportKind.Pipeline, null), ("销售管道", ReportKind.Pipeline, null),
        ("forecast", ReportKind.Forecast, null), ("sales forecast", ReportKind.Forecast, null), ("预测", ReportKind.Forecast, null), ("销售预测", ReportKind.Forecast, null), ("业绩预测", ReportKind.Forecast, null),
        ("win rate", ReportKind.WinRate, null), ("winrate", ReportKind.WinRate, null), ("win-rate", ReportKind.WinRate, null),
        ("赢率", ReportKind.WinRate, null), ("胜率", ReportKind.WinRate, null), ("赢单率", ReportKind.WinRate, null),
        ("why did we lose", ReportKind.LossReasons, ReportScope.Team), ("why we lost", ReportKind.LossReasons, ReportScope.Team),
        ("why did i lose", ReportKind.LossReasons, ReportScope.Mine), ("loss reasons", ReportKind.LossReasons, null), ("loss reason", ReportKind.LossReasons, null),
        ("lost reasons", ReportKind.LossReasons, null), ("why lost", ReportKind.LossReasons, null),
        ("为什么输单", ReportKind.LossReasons, null), ("为什么丢单", ReportKind.LossReasons, null), ("为什么输了", ReportKind.LossReasons, null),
        ("输单原因", ReportKind.LossReasons, null), ("丢单原因", ReportKind.LossReasons, null),
    ];

    /// <summary>The first and last day of a period around <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Range(ReportPeriod period, DateOnly today)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        return period switch
        {
            ReportPeriod.ThisMonth => (month, month.AddMonths(1).AddDays(-1)),
            ReportPeriod.LastMonth => (month.AddMonths(-1), month.AddDays(-1)),
            ReportPeriod.LastQuarter => (quarter.AddMonths(-3), quarter.AddDays(-1)),
            ReportPeriod.ThisYear => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => (quarter, quarter.AddMonths(3).AddDays(-1)),
        };
    }

    public static ReportCommand? Parse(string input)
    {
        var text = input.ToLowerInvariant().Trim().TrimEnd('?', '？');
        ReportPeriod? period = null;
        ReportScope? scope = null;
        foreach (var (word, value) in Periods.OrderByDescending(p => p.Word.Length))
        {
            if (Take(ref text, word)) period ??= value;
        }
        foreach (var (word, value) in Scopes.OrderByDescending(s => s.Word.Length))
        {
            if (Take(ref text, word)) scope ??= value;
        }
        text = Filler().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim().Trim(',', ':', '的').Trim();
        foreach (var (word, kind, implied) in Kinds)
        {
            if (text == word) return new ReportCommand(kind, period ?? ReportPeriod.ThisQuarter, scope ?? implied ?? ReportScope.Team);
        }
        return null;
    }

    /// <summary>Removes a phrase: as whole words for Latin text, anywhere for Chinese.</summary>
    private static bool Take(ref string text, string word)
    {
        if (word[0] > '\u2E80')
        {
            if (!text.Contains(word, StringComparison.Ordinal)) return false;
            text = text.Replace(word, " ", StringComparison.Ordinal);
            return true;
        }
        var pattern = new Regex(@"(?<![\p{L}\p{N}'-])" + Regex.Escape(word) + @"(?![\p{L}\p{N}'-])", RegexOptions.CultureInvariant);
        if (!pattern.IsMatch(text)) return false;
        text = pattern.Replace(text, " ");
        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}])(?:for|of|the|in|show|me)(?![\p{L}])|查看|显示|一下")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

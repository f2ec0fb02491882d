using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;


public enum ReportKind
{
    Pipeline,
    Forecast,
    WinRate,
    LossReasons,
}

public enum ReportPeriod
{
    ThisQuarter,
    ThisMonth,
    LastMonth,
    LastQuarter,
    ThisYear,
}

/// <summary>Whose deals a report covers: everyone the rep may see (their team and reports), or only their own.</summary>
public enum ReportScope
{
    Team,
    Mine,
}

/// <summary>A Review-phase report: "pipeline", "forecast this quarter", "win rate my team", "why did we lose".</summary>
public sealed record ReportCommand(ReportKind Kind, ReportPeriod Period = ReportPeriod.ThisQuarter, ReportScope Scope = ReportScope.Team) : BotCommand;

/// <summary>Searches win/loss reviews by words, or by competitor ("reviews competitor Fabrikam", "复盘 Fabrikam").</summary>
public sealed record ReviewSearchCommand(string? Text, string? Competitor) : BotCommand;

/// <summary>
/// "quota", "quota 2027-Q1", "配额 2027年第一季度": attainment against quota for a month or quarter named outright
/// (<see cref="Period"/>) or relative to today (<see cref="Relative"/>); neither means this quarter. <see cref="PeriodText"/>
/// is set when words after "quota" named no period.
/// </summary>
public sealed record QuotaCommand(Domain.Quotas.QuotaPeriod? Period = null, ReportPeriod? Relative = null, string? PeriodText = null) : BotCommand;

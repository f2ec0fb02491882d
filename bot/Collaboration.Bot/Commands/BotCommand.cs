using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;

/// <summary>What a rep asked for, parsed from their words; names a deal by the words they used for it.</summary>
public abstract record BotCommand;

public sealed record HelpCommand : BotCommand;

public sealed record MyDealsCommand : BotCommand;

public sealed record UnknownCommand(string Text) : BotCommand;

public sealed record NewDealCommand(string Name, decimal? Amount, string? Currency, DateOnly? CloseDate, string? ReferredBy) : BotCommand;

/// <summary>
/// A command about one existing deal: named by the rep's words (<see cref="DealName"/>), or by a card, which carries
/// the deal's id (<see cref="DealId"/>) and, when the click changes the deal, the version it was drawn from.
/// </summary>
public abstract record DealCommand(string DealName) : BotCommand
{
    /// <summary>The deal a card named (a click, or a pick from a list); null when the rep typed a name.</summary>
    public Guid? DealId { get; init; }

    /// <summary>Set for a click that changes the deal: it is applied to this version only, never to a newer one.</summary>
    public DrawnCard? Drawn { get; init; }
}

/// <summary>What a card showed when it was drawn: the deal's version, the time, and the qualification score.</summary>
public sealed record DrawnCard(int Version, DateTimeOffset? RenderedAt, int? Score);

public sealed record ShowDealCommand(string DealName) : DealCommand(DealName);

public sealed record AdvanceDealCommand(string DealName) : DealCommand(DealName);

/// <summary><see cref="Target"/> is null when <see cref="StageText"/> names no stage of the tenant's pipeline.</summary>
public sealed record MoveDealCommand(string DealName, Stage? Target, string StageText) : DealCommand(DealName)
{
    /// <summary>Why the rep moves past the qualification bar anyway (the card's override input).</summary>
    public string? OverrideReason { get; init; }
}

/// <summary>An empty update typed (not clicked) asks the bot for the qualification prompt.</summary>
public sealed record QualifyDealCommand(string DealName, BantUpdate Update) : DealCommand(DealName)
{
    public bool IsEmpty => Update == new BantUpdate();
}

public sealed record LogInteractionCommand(string DealName, InteractionKind Kind, string Text) : DealCommand(DealName);

public sealed record WonCommand(string DealName, decimal? Amount) : DealCommand(DealName)
{
    public DateOnly? CloseDate { get; init; }
}

public sealed record LostCommand(string DealName, string? Reason, string? Competitor) : DealCommand(DealName);

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

/// <summary>"subscribe won deals" / "订阅 赢单": this conversation hears about deals matching the filter.</summary>
public sealed record SubscribeCommand(Domain.Notifications.SubscriptionFilter Filter) : BotCommand;

/// <summary>"unsubscribe": this conversation's subscriptions end.</summary>
public sealed record UnsubscribeCommand : BotCommand;

/// <summary>"mute contoso" / "unmute contoso": whether the rep hears about one deal.</summary>
public sealed record MuteDealCommand(string DealName, bool Mute) : DealCommand(DealName);

/// <summary>"quiet hours 20:00-08:00" / "免打扰 20:00-08:00"; both null turn quiet hours off.</summary>
public sealed record QuietHoursCommand(TimeOnly? From, TimeOnly? Until) : BotCommand;

/// <summary>"reminders" / "提醒": what is due on the rep's deals.</summary>
public sealed record RemindersCommand : BotCommand;

/// <summary>"parked" (admins): deliveries that could not be sent, with their errors and a button to retry each.</summary>
public sealed record ParkedCommand : BotCommand;

/// <summary>"Contoso amount 48k EUR" / "Contoso 金额 4.8万": <see cref="Amount"/> is null when <see cref="AmountText"/> is no amount;
/// a null <see cref="Currency"/> keeps the deal's (or the tenant's) currency.</summary>
public sealed record SetAmountCommand(string DealName, decimal? Amount, string? Currency, string AmountText) : DealCommand(DealName);

/// <summary>"Contoso closes next friday" / "Contoso 预计成交 下周五": <see cref="CloseDate"/> is null when <see cref="DateText"/> names no date.</summary>
public sealed record SetCloseDateCommand(string DealName, DateOnly? CloseDate, string DateText) : DealCommand(DealName);

/// <summary>"Contoso probability 60" sets a percentage; "Contoso probability auto" / "赢率 自动" goes back to the stage's default
/// (<see cref="StageDefault"/>). Neither, when <see cref="ValueText"/> is not a whole percentage from 0 to 100.</summary>
public sealed record SetProbabilityCommand(string DealName, int? Percent, bool StageDefault, string ValueText) : DealCommand(DealName)
{
    public bool IsReadable => Percent is not null || StageDefault;
}

/// <summary>"Contoso next step send pricing by friday" / "Contoso 下一步 周五前发报价": the step and, when named, its due date.</summary>
public sealed record SetNextStepCommand(string DealName, string Text, DateOnly? Due) : DealCommand(DealName)
{
    /// <summary>The due date as the Edit form gave it: when set and <see cref="Due"/> is null, it could not be read.</summary>
    public string? DueText { get; init; }
}

/// <summary>"Contoso contact priya@lumenfield.com": <see cref="Email"/> is null when <see cref="ContactText"/> is no email address
/// (it may then name an existing contact).</summary>
public sealed record SetPrimaryContactCommand(string DealName, string? Email, string ContactText) : DealCommand(DealName);

/// <summary>"assign Contoso to @Priya" / "把 Contoso 分配给 @Priya": <see cref="Assignee"/> is the person mentioned,
/// null when <see cref="AssigneeText"/> mentions nobody.</summary>
public sealed record AssignDealCommand(string DealName, MentionedPerson? Assignee, string AssigneeText) : DealCommand(DealName);

/// <summary>"rename Contoso to Contoso – 80 seats" / "把 Contoso 改名为 …".</summary>
public sealed record RenameDealCommand(string DealName, string NewName) : DealCommand(DealName);

/// <summary>"reopen Contoso: budget approved after all" / "重新打开 Contoso"; <see cref="Reason"/> is null when none was given.</summary>
public sealed record ReopenDealCommand(string DealName, string? Reason) : DealCommand(DealName);

/// <summary>"Contoso start plan standard" / "Contoso 启动跟进计划 标准"; <see cref="Plan"/> is null when no plan was named (the tenant's default).</summary>
public sealed record StartFollowUpPlanCommand(string DealName, string? Plan) : DealCommand(DealName);

/// <summary>"Contoso stop plan" / "Contoso 停止跟进计划".</summary>
public sealed record StopFollowUpPlanCommand(string DealName) : DealCommand(DealName);

/// <summary>
/// The deal card's Edit form: the field edits it carries, read into the same commands typed edits become, and applied
/// together through the one details use case, as one change against the version the card was drawn from.
/// </summary>
public sealed record EditDealCommand(string DealName, IReadOnlyList<DealCommand> Edits) : DealCommand(DealName);

/// <summary>The deal card's Timeline button: the deal's story, newest first.</summary>
public sealed record ShowTimelineCommand(string DealName) : DealCommand(DealName);

/// <summary>"my team" / "我的团队": the caller's team, manager and direct reports as the CRM sees them.</summary>
public sealed record MyTeamCommand : BotCommand;

/// <summary>"who is my manager" / "我的经理是谁".</summary>
public sealed record MyManagerCommand : BotCommand;

/// <summary>"settings" / "设置": admins get a card that opens the Settings tab.</summary>
public sealed record SettingsCommand : BotCommand;

/// <summary>
/// "quota", "quota 2027-Q1", "配额 2027年第一季度": attainment against quota for a month or quarter named outright
/// (<see cref="Period"/>) or relative to today (<see cref="Relative"/>); neither means this quarter. <see cref="PeriodText"/>
/// is set when words after "quota" named no period.
/// </summary>
public sealed record QuotaCommand(Domain.Quotas.QuotaPeriod? Period = null, ReportPeriod? Relative = null, string? PeriodText = null) : BotCommand;

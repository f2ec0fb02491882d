using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Commands;


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

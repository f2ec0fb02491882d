namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>BANT qualification hints read from one email. Every field is a hint for a person to confirm, never a fact.</summary>
public sealed record EmailHints(
    BudgetHint? Budget,
    BudgetStatusHint BudgetStatus,
    TimelineHint? Timeline,
    AuthorityHint? Authority,
    NeedHint? Need)
{
    public static EmailHints Empty { get; } = new(null, BudgetStatusHint.Unknown, null, null, null);

    public bool IsEmpty =>
        Budget is null && BudgetStatus == BudgetStatusHint.Unknown && Timeline is null && Authority is null && Need is null;
}

/// <param name="Amount">The amount in whole currency units (multipliers such as k, M, 万 and 亿 applied).</param>
/// <param name="Currency">ISO 4217 code, e.g. USD, EUR, GBP, CNY.</param>
/// <param name="Evidence">The sentence the amount was read from.</param>
public sealed record BudgetHint(decimal Amount, string Currency, string Evidence);

public enum BudgetStatusHint
{
    Unknown,
    NoCommittedBudget,
    MayBuy,
    CanBuy,
    WillBuy,
}

/// <param name="TargetDate">The date the sender wants to be done by, when one can be worked out.</param>
/// <param name="Timeframe">Where the target falls relative to the day the email was received (calendar quarters).</param>
public sealed record TimelineHint(DateOnly? TargetDate, TimeframeHint Timeframe, string Evidence);

public enum TimeframeHint
{
    Unknown,
    Immediate,
    ThisQuarter,
    NextQuarter,
    ThisYear,
    NextYear,
}

/// <param name="Role">The sender's title as written (C-level titles shortened, e.g. CTO), or "Unknown" when only a decision statement was found.</param>
public sealed record AuthorityHint(string Role, bool IsDecisionMaker, string Evidence);

public sealed record NeedHint(NeedLevelHint Level, string Evidence);

public enum NeedLevelHint
{
    Unknown,
    NoNeed,
    GoodToHave,
    ShouldHave,
    MustHave,
}

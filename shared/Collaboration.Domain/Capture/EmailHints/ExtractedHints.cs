using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Capture.EmailHints;

/// <summary>BANT qualification hints read from one email. Every field is a hint for a person to confirm, never a fact.</summary>
public sealed record ExtractedHints(
    BudgetHint? Budget,
    BudgetStatusHint BudgetStatus,
    TimelineHint? Timeline,
    AuthorityHint? Authority,
    NeedHint? Need)
{
    public static ExtractedHints Empty { get; } = new(null, BudgetStatusHint.Unknown, null, null, null);

    public bool IsEmpty =>
        Budget is null && BudgetStatus == BudgetStatusHint.Unknown && Timeline is null && Authority is null && Need is null;

    /// <summary>
    /// The hints as a qualification update to pre-fill; null when the email says nothing. A sender who says
    /// they decide becomes the decision maker by name.
    /// </summary>
    public BantUpdate? ToQualification(string? senderName)
    {
        if (IsEmpty) return null;
        var senderDecides = Authority is { IsDecisionMaker: true };
        return new BantUpdate
        {
            BudgetAmount = Budget?.Amount,
            BudgetCurrency = Budget?.Currency,
            BudgetStatus = BudgetStatus == BudgetStatusHint.Unknown ? null : (Qualification.BudgetStatus)(int)BudgetStatus,
            DecisionMakerName = senderDecides && !string.IsNullOrWhiteSpace(senderName) ? senderName : null,
            DecisionMakerKnown = senderDecides ? true : null,
            Need = Need is null || Need.Level == NeedLevelHint.Unknown ? null : (NeedLevel)(int)Need.Level,
            Timeframe = Timeline is null ? null : Timeline.Timeframe switch
            {
                TimeframeHint.Immediate => Timeframe.Immediate,
                TimeframeHint.ThisQuarter => Timeframe.ThisQuarter,
                TimeframeHint.NextQuarter => Timeframe.NextQuarter,
                TimeframeHint.ThisYear => Timeframe.ThisYear,
                TimeframeHint.NextYear => Timeframe.NextYear,
                _ => null,
            },
            TargetDate = Timeline?.TargetDate,
        };
    }
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

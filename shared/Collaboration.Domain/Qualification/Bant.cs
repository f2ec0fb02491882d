namespace Collaboration.Domain.Qualification;

public enum BudgetStatus
{
    Unknown,
    NoCommittedBudget,
    MayBuy,
    CanBuy,
    WillBuy,
}

public enum NeedLevel
{
    Unknown,
    NoNeed,
    GoodToHave,
    ShouldHave,
    MustHave,
}

public enum Timeframe
{
    Unknown,
    NextYear,
    ThisYear,
    NextQuarter,
    ThisQuarter,
    Immediate,
}

/// <summary>What is known about budget, authority, need and timeline. Immutable: updates make a new value.</summary>
public sealed record Bant
{
    public static Bant Empty { get; } = new();

    public decimal? BudgetAmount { get; init; }
    public string? BudgetCurrency { get; init; }
    public BudgetStatus BudgetStatus { get; init; }
    public bool DecisionMakerKnown { get; init; }
    public string? DecisionMakerName { get; init; }
    public Guid? DecisionMakerContactId { get; init; }
    public NeedLevel Need { get; init; }
    public Timeframe Timeframe { get; init; }
    public DateOnly? TargetDate { get; init; }

    public bool HasDecisionMaker => DecisionMakerKnown || DecisionMakerContactId is not null || !string.IsNullOrWhiteSpace(DecisionMakerName);
}

/// <summary>A partial update: only the items given change.</summary>
public sealed record BantUpdate
{
    public decimal? BudgetAmount { get; init; }
    public string? BudgetCurrency { get; init; }
    public BudgetStatus? BudgetStatus { get; init; }
    public string? DecisionMakerName { get; init; }
    public Guid? DecisionMakerContactId { get; init; }
    public bool? DecisionMakerKnown { get; init; }
    public NeedLevel? Need { get; init; }
    public Timeframe? Timeframe { get; init; }
    public DateOnly? TargetDate { get; init; }

    public Bant ApplyTo(Bant current) => current with
    {
        BudgetAmount = BudgetAmount ?? current.BudgetAmount,
        BudgetCurrency = BudgetCurrency?.Trim().ToUpperInvariant() ?? current.BudgetCurrency,
        BudgetStatus = BudgetStatus ?? current.BudgetStatus,
        DecisionMakerName = string.IsNullOrWhiteSpace(DecisionMakerName) ? current.DecisionMakerName : DecisionMakerName.Trim(),
        DecisionMakerContactId = DecisionMakerContactId ?? current.DecisionMakerContactId,
        DecisionMakerKnown = DecisionMakerKnown ?? (current.DecisionMakerKnown || !string.IsNullOrWhiteSpace(DecisionMakerName) || DecisionMakerContactId is not null),
        Need = Need ?? current.Need,
        Timeframe = Timeframe ?? current.Timeframe,
        TargetDate = TargetDate ?? current.TargetDate,
    };
}

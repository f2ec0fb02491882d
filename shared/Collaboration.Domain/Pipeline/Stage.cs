namespace Collaboration.Domain.Pipeline;

/// <summary>The fixed stages every pipeline has; tenants rename and tune them, the code relies on their meaning.</summary>
public enum Stage
{
    New,
    Qualify,
    Nurture,
    Proposal,
    Negotiation,
    Contract,
    Won,
    Lost,
}

public enum Phase
{
    Capture,
    Qualify,
    Nurture,
    Convert,
    Closed,
}

public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    Omitted,
    Won,
    Lost,
}

/// <summary>A field that must be filled before a deal may leave a stage (Zoho's "during", Dynamics' mandatory steps).</summary>
public enum ExitRequirement
{
    Amount,
    CloseDate,
    PrimaryContact,
    NextStep,
    DecisionMaker,
    Budget,

    /// <summary>The customer accepted the deal's current quote.</summary>
    QuoteAccepted,
}

public static class StageFacts
{
    public static Phase PhaseOf(this Stage stage) => stage switch
    {
        Stage.New => Phase.Capture,
        Stage.Qualify => Phase.Qualify,
        Stage.Nurture => Phase.Nurture,
        Stage.Proposal or Stage.Negotiation or Stage.Contract => Phase.Convert,
        _ => Phase.Closed,
    };

    public static bool IsClosed(this Stage stage) => stage is Stage.Won or Stage.Lost;

    /// <summary>Stages after Qualify are reached only by a qualified deal.</summary>
    public static bool IsBeyondQualify(this Stage stage) => stage is Stage.Nurture or Stage.Proposal or Stage.Negotiation or Stage.Contract or Stage.Won;

    public static IReadOnlyList<Stage> OpenStages { get; } =
        [Stage.New, Stage.Qualify, Stage.Nurture, Stage.Proposal, Stage.Negotiation, Stage.Contract];

    /// <summary>The stage a rep means by "advance": the next open stage, and Won after Contract.</summary>
    public static Stage? Next(this Stage stage) => stage switch
    {
        Stage.New => Stage.Qualify,
        Stage.Qualify => Stage.Nurture,
        Stage.Nurture => Stage.Proposal,
        Stage.Proposal => Stage.Negotiation,
        Stage.Negotiation => Stage.Contract,
        Stage.Contract => Stage.Won,
        _ => null,
    };

    public static string Key(this Stage stage) => stage.ToString().ToLowerInvariant();

    public static bool TryParseKey(string? key, out Stage stage) =>
        Enum.TryParse(key?.Trim(), ignoreCase: true, out stage) && Enum.IsDefined(stage);
}

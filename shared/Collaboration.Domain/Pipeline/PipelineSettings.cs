using Collaboration.Domain.Common;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Pipeline;

public sealed record StageSettings(
    Stage Stage,
    string Name,
    string NameZh,
    int Probability,
    ForecastCategory ForecastCategory,
    IReadOnlyList<ExitRequirement> ExitRequirements)
{
    public string DisplayName(string? locale) => ErrorMessages.IsChinese(locale) ? NameZh : Name;
}

/// <summary>
/// A tenant's pipeline: stage names, probabilities, forecast categories, exit criteria, loss reasons and
/// the qualification bar. Changed by configuration, never by code; every change gets the next <see cref="Version"/>.
/// <see cref="LossReasons"/> are the keys deals store; <see cref="LossReasonNames"/> say how they read.
/// </summary>
public sealed record PipelineSettings(
    IReadOnlyList<StageSettings> Stages,
    IReadOnlyList<string> LossReasons,
    int QualificationThreshold,
    BantWeights Weights,
    string DefaultCurrency)
{
    public static PipelineSettings Default { get; } = new(
        [
            new(Stage.New, "New", "新建", 5, ForecastCategory.Pipeline, []),
            new(Stage.Qualify, "Qualify", "资格审核", 10, ForecastCategory.Pipeline, []),
            new(Stage.Nurture, "Nurture", "培育", 20, ForecastCategory.Pipeline, []),
            new(Stage.Proposal, "Proposal", "方案", 40, ForecastCategory.BestCase, [ExitRequirement.Amount]),
            new(Stage.Negotiation, "Negotiation", "谈判", 60, ForecastCategory.BestCase, [ExitRequirement.Amount, ExitRequirement.CloseDate]),
            new(Stage.Contract, "Contract", "合同", 80, ForecastCategory.Commit, [ExitRequirement.Amount, ExitRequirement.CloseDate]),
            new(Stage.Won, "Closed Won", "赢单", 100, ForecastCategory.Won, []),
            new(Stage.Lost, "Closed Lost", "输单", 0, ForecastCategory.Lost, []),
        ],
        ["price", "competitor", "no budget", "no decision", "timing", "product fit", "lost contact"],
        QualificationThreshold: 50,
        BantWeights.Default,
        DefaultCurrency: "USD")
    {
        LossReasonNames =
        [
            new("price", "Price", "价格"), new("competitor", "Competitor", "竞争对手"), new("no budget", "No budget", "没有预算"),
            new("no decision", "No decision", "未做决定"), new("timing", "Timing", "时机"), new("product fit", "Product fit", "产品不匹配"),
            new("lost contact", "Lost contact", "失去联系"),
        ],
    };

    /// <summary>1 for the shipped pipeline; each saved change counts up.</summary>
    public int Version { get; init; } = 1;

    public IReadOnlyList<LossReasonName> LossReasonNames { get; init; } = [];

    /// <summary>A deal closes as won only once its contract is recorded as signed.</summary>
    public bool ContractRequiredForWon { get; init; }

    public const int MaxNameLength = 60;
    public const int MaxLossReasons = 50;

    public LossReasonName LossReasonName(string key) =>
        LossReasonNames.FirstOrDefault(n => string.Equals(n.Key, key, StringComparison.OrdinalIgnoreCase)) ?? new(key, key, key);

    public StageSettings For(Stage stage) =>
        Stages.FirstOrDefault(s => s.Stage == stage) ?? Default.Stages.First(s => s.Stage == stage);

    /// <summary>The loss reason a rep means, by its key or its name in either language.</summary>
    public string? MatchLossReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }
        var wanted = reason.Trim();
        return LossReasons.FirstOrDefault(r => string.Equals(r, wanted, StringComparison.OrdinalIgnoreCase))
            ?? LossReasonNames.FirstOrDefault(n => LossReasons.Contains(n.Key) &&
                (string.Equals(n.En, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(n.Zh, wanted, StringComparison.Ordinal)))?.Key;
    }

    /// <summary>Checks the settings an admin supplies, each problem named by its field; the default pipeline passes.</summary>
    public IReadOnlyList<FieldProblem> Validate() => PipelineValidation.Problems(this);

    public IReadOnlyList<string> Problems() => Validate().Select(p => $"{p.Field}: {p.Error.Describe("en")}").ToList();
}

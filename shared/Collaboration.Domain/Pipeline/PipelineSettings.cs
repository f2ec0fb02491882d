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
/// the qualification bar. Changed by configuration, never by code.
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
        DefaultCurrency: "USD");

    public StageSettings For(Stage stage) =>
        Stages.FirstOrDefault(s => s.Stage == stage) ?? Default.Stages.First(s => s.Stage == stage);

    public string? MatchLossReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }
        var wanted = reason.Trim();
        return LossReasons.FirstOrDefault(r => string.Equals(r, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Checks the settings an admin supplies; the default pipeline passes.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            if (Stages.Count(s => s.Stage == stage) != 1)
            {
                problems.Add($"stage {stage.Key()} must appear exactly once");
            }
        }
        foreach (var s in Stages)
        {
            if (s.Probability is < 0 or > 100)
            {
                problems.Add($"probability of {s.Stage.Key()} must be 0-100");
            }
            if (string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.NameZh))
            {
                problems.Add($"stage {s.Stage.Key()} needs a name in English and Chinese");
            }
        }
        if (QualificationThreshold is < 0 or > 100)
        {
            problems.Add("qualification threshold must be 0-100");
        }
        if (LossReasons.Count == 0 || LossReasons.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("at least one loss reason, none blank");
        }
        if (!Weights.IsValid)
        {
            problems.Add("BANT weights must be non-negative and add up to 100");
        }
        if (DefaultCurrency is not { Length: 3 })
        {
            problems.Add("default currency must be a three-letter code");
        }
        return problems;
    }
}

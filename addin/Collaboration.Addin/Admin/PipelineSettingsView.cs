using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Addin.Administration;

public sealed record LocalizedName(string? En, string? Zh);

public sealed record StageView(string? Key, LocalizedName? Name, int? Probability, string? ForecastCategory, IReadOnlyList<string>? ExitCriteria);

public sealed record LossReasonView(string? Key, LocalizedName? Name);

public sealed record BantWeightsView(int Budget, int Authority, int Need, int Timeline);

/// <summary>The pipeline as <c>/api/admin/pipeline</c> shows and takes it; <see cref="Version"/> counts saved changes; a PUT sends the version it loaded, and a stale one answers 409.</summary>
public sealed record PipelineSettingsView(IReadOnlyList<StageView>? Stages, IReadOnlyList<LossReasonView>? LossReasons, int? QualificationThreshold,
    BantWeightsView? BantWeights, string? DefaultCurrency, int? Version = null)
{
    public static PipelineSettingsView From(PipelineSettings p) => new(
        p.Stages.OrderBy(s => s.Stage).Select(s => new StageView(s.Stage.Key(), new LocalizedName(s.Name, s.NameZh), s.Probability,
            Key(s.ForecastCategory.ToString()), s.ExitRequirements.Select(r => Key(r.ToString())).ToList())).ToList(),
        p.LossReasons.Select(r => p.LossReasonName(r)).Select(n => new LossReasonView(n.Key, new LocalizedName(n.En, n.Zh))).ToList(),
        p.QualificationThreshold,
        new BantWeightsView(p.Weights.Budget, p.Weights.Authority, p.Weights.Need, p.Weights.Timeline),
        p.DefaultCurrency,
        p.Version);

    /// <summary>The settings the view describes, or every shape problem named by its field; the domain then checks the rules.</summary>
    public PipelineSettings ToSettings()
    {
        var problems = new List<FieldProblem>();
        var stages = new List<StageSettings>();
        var given = Stages ?? [];
        if (Stages is null) problems.Add(new FieldProblem("stages", new DomainError("value_required")));
        for (var i = 0; i < Math.Min(given.Count, 20); i++)
        {
            var s = given[i];
            if (!StageFacts.TryParseKey(s.Key, out var stage)) problems.Add(Unknown($"stages[{i}].key", s.Key, Enum.GetValues<Stage>().Select(x => x.Key())));
            ForecastCategory category = default;
            if (!TryParse(s.ForecastCategory, out category)) problems.Add(Unknown($"stages[{i}].forecastCategory", s.ForecastCategory, Keys<ForecastCategory>()));
            if (s.Probability is null) problems.Add(new FieldProblem($"stages[{i}].probability", new DomainError("value_required")));
            var criteria = new List<ExitRequirement>();
            var exits = s.ExitCriteria ?? [];
            for (var j = 0; j < Math.Min(exits.Count, 10); j++)
            {
                if (TryParse<ExitRequirement>(exits[j], out var criterion)) criteria.Add(criterion);
                else problems.Add(Unknown($"stages[{i}].exitCriteria[{j}]", exits[j], Keys<ExitRequirement>()));
            }
            stages.Add(new StageSettings(stage, s.Name?.En?.Trim() ?? "", s.Name?.Zh?.Trim() ?? "", s.Probability ?? 0, category, criteria.Distinct().ToList()));
        }
        var reasons = (LossReasons ?? []).Take(PipelineSettings.MaxLossReasons + 1).ToList();
        if (BantWeights is null) problems.Add(new FieldProblem("bantWeights", new DomainError("value_required")));
        if (Version is null) problems.Add(new FieldProblem("version", new DomainError("value_required")));
        if (QualificationThreshold is null) problems.Add(new FieldProblem("qualificationThreshold", new DomainError("value_required")));
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_pipeline", problems);
        return new PipelineSettings(stages, reasons.Select(r => r.Key?.Trim() ?? "").ToList(), QualificationThreshold!.Value,
            new BantWeights(BantWeights!.Budget, BantWeights.Authority, BantWeights.Need, BantWeights.Timeline), DefaultCurrency?.Trim() ?? "")
        {
            LossReasonNames = reasons.Select(r => new LossReasonName(r.Key?.Trim() ?? "", r.Name?.En?.Trim() ?? "", r.Name?.Zh?.Trim() ?? "")).ToList(),
        };
    }

    private static string Key(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static IEnumerable<string> Keys<T>() where T : struct, Enum => Enum.GetNames<T>().Select(Key);

    private static bool TryParse<T>(string? key, out T value) where T : struct, Enum =>
        Enum.TryParse(key?.Replace("_", "", StringComparison.Ordinal).Trim(), ignoreCase: true, out value) && Enum.IsDefined(value)
        && !int.TryParse(key, out _);

    private static FieldProblem Unknown(string field, string? value, IEnumerable<string> allowed) =>
        FieldProblem.Of(field, "unknown_key", ("value", value is { Length: > 60 } ? value[..60] : value ?? ""), ("allowed", string.Join(", ", allowed)));
}

using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Pipeline;

/// <summary>What makes a pipeline usable, as problems named by the field an admin's form shows them next to.</summary>
internal static class PipelineValidation
{
    public static IReadOnlyList<FieldProblem> Problems(PipelineSettings pipeline)
    {
        var problems = new List<FieldProblem>();
        foreach (var stage in Enum.GetValues<Stage>())
        {
            if (pipeline.Stages.Count(s => s.Stage == stage) != 1)
            {
                problems.Add(FieldProblem.Of("stages", "stage_exactly_once", ("stage", stage.Key())));
            }
        }
        for (var i = 0; i < pipeline.Stages.Count; i++)
        {
            var s = pipeline.Stages[i];
            var at = $"stages[{i}]";
            if (s.Probability is < 0 or > 100)
            {
                problems.Add(FieldProblem.Of($"{at}.probability", "invalid_probability", ("value", Number(s.Probability))));
            }
            Name(problems, $"{at}.name.en", s.Name);
            Name(problems, $"{at}.name.zh", s.NameZh);
            var expected = s.Stage switch { Stage.Won => ForecastCategory.Won, Stage.Lost => ForecastCategory.Lost, _ => (ForecastCategory?)null };
            if (expected is { } category ? s.ForecastCategory != category : s.ForecastCategory is ForecastCategory.Won or ForecastCategory.Lost)
            {
                problems.Add(FieldProblem.Of($"{at}.forecastCategory", "invalid_forecast_category", ("stage", s.Stage.Key()), ("value", s.ForecastCategory.ToString())));
            }
        }
        if (pipeline.QualificationThreshold is < 0 or > 100)
        {
            problems.Add(FieldProblem.Of("qualificationThreshold", "invalid_threshold", ("value", Number(pipeline.QualificationThreshold))));
        }
        LossReasons(pipeline, problems);
        if (!pipeline.Weights.IsValid)
        {
            problems.Add(new FieldProblem("bantWeights", new DomainError("invalid_weights")));
        }
        if (pipeline.DefaultCurrency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            problems.Add(FieldProblem.Of("defaultCurrency", "invalid_currency", ("value", pipeline.DefaultCurrency ?? "")));
        }
        return problems;
    }

    private static void LossReasons(PipelineSettings pipeline, List<FieldProblem> problems)
    {
        if (pipeline.LossReasons.Count == 0)
        {
            problems.Add(new FieldProblem("lossReasons", new DomainError("loss_reasons_required")));
        }
        if (pipeline.LossReasons.Count > PipelineSettings.MaxLossReasons)
        {
            problems.Add(FieldProblem.Of("lossReasons", "too_many", ("max", Number(PipelineSettings.MaxLossReasons))));
        }
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pipeline.LossReasons.Count; i++)
        {
            var key = pipeline.LossReasons[i];
            if (string.IsNullOrWhiteSpace(key)) problems.Add(new FieldProblem($"lossReasons[{i}].key", new DomainError("loss_reasons_required")));
            else if (!seen.Add(key.Trim())) problems.Add(FieldProblem.Of($"lossReasons[{i}].key", "duplicate_key", ("value", key)));
            else if (key.Length > PipelineSettings.MaxNameLength) problems.Add(TooLong($"lossReasons[{i}].key"));
            var name = pipeline.LossReasonNames.FirstOrDefault(n => n.Key == key);
            if (name is null) continue;
            Name(problems, $"lossReasons[{i}].name.en", name.En);
            Name(problems, $"lossReasons[{i}].name.zh", name.Zh);
        }
    }

    private static void Name(List<FieldProblem> problems, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new FieldProblem(field, new DomainError("name_required_field")));
        else if (name.Length > PipelineSettings.MaxNameLength) problems.Add(TooLong(field));
    }

    private static FieldProblem TooLong(string field) => FieldProblem.Of(field, "name_too_long", ("max", Number(PipelineSettings.MaxNameLength)));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

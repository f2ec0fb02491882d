using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Nurture;

/// <summary>What makes nurture rules usable, as problems named by field; template syntax is checked where templates are rendered.</summary>
internal static class NurtureValidation
{
    public const int MaxDays = 365;
    public const int MaxPlans = 20;
    public const int MaxSteps = 20;
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 8_000;

    public static IReadOnlyList<FieldProblem> Problems(NurtureRules rules)
    {
        var problems = new List<FieldProblem>();
        foreach (var (stage, days) in rules.UntouchedDays)
        {
            if (stage.IsClosed()) problems.Add(FieldProblem.Of($"untouchedDays.{stage.Key()}", "stage_closed_no_reminder", ("stage", stage.Key())));
            else if (days is < 1 or > MaxDays) problems.Add(OutOfRange($"untouchedDays.{stage.Key()}", days, 1));
        }
        if (rules.QualificationIncompleteAfterDays is { } after && after is < 1 or > MaxDays)
        {
            problems.Add(OutOfRange("qualificationIncompleteAfterDays", after, 1));
        }
        if (rules.Plans.Count > MaxPlans) problems.Add(FieldProblem.Of("plans", "too_many", ("max", N(MaxPlans))));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < rules.Plans.Count; p++)
        {
            var plan = rules.Plans[p];
            if (string.IsNullOrWhiteSpace(plan.Name)) problems.Add(new FieldProblem($"plans[{p}].name", new DomainError("name_required_field")));
            else if (plan.Name.Length > 60) problems.Add(FieldProblem.Of($"plans[{p}].name", "name_too_long", ("max", "60")));
            else if (!names.Add(plan.Name.Trim())) problems.Add(FieldProblem.Of($"plans[{p}].name", "duplicate_key", ("value", plan.Name)));
            if (plan.Steps.Count is 0 or > MaxSteps) problems.Add(FieldProblem.Of($"plans[{p}].steps", "steps_count", ("max", N(MaxSteps))));
            for (var i = 0; i < Math.Min(plan.Steps.Count, MaxSteps); i++) Step(problems, $"plans[{p}].steps[{i}]", plan.Steps[i]);
        }
        if (rules.AutoEnrolPlanOnNurture is { } auto && rules.Plan(auto) is null)
        {
            problems.Add(FieldProblem.Of("autoEnrolPlan", "plan_unknown", ("plan", auto), ("allowed", string.Join(", ", rules.Plans.Select(x => x.Name)))));
        }
        return problems;
    }

    private static void Step(List<FieldProblem> problems, string at, FollowUpStep step)
    {
        if (step.Day is < 0 or > MaxDays) problems.Add(OutOfRange($"{at}.day", step.Day, 0));
        if (step.Kind != FollowUpStepKind.Email) return;
        Text(problems, $"{at}.subject.en", step.Subject, MaxSubjectLength, required: true);
        Text(problems, $"{at}.body.en", step.Body, MaxBodyLength, required: true);
        Text(problems, $"{at}.subject.zh", step.SubjectZh, MaxSubjectLength, required: false);
        Text(problems, $"{at}.body.zh", step.BodyZh, MaxBodyLength, required: false);
    }

    private static void Text(List<FieldProblem> problems, string field, string? text, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) problems.Add(new FieldProblem(field, new DomainError("text_required")));
        }
        else if (text.Length > max) problems.Add(FieldProblem.Of(field, "name_too_long", ("max", N(max))));
    }

    private static FieldProblem OutOfRange(string field, int value, int min) =>
        FieldProblem.Of(field, "days_out_of_range", ("value", N(value)), ("min", N(min)), ("max", N(MaxDays)));

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

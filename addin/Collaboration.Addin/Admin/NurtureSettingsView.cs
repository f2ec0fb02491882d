using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Addin.Administration;

public sealed record PlanStepView(int Day, string? Kind, string? Action, LocalizedName? Subject, LocalizedName? Body)
{
    public static PlanStepView From(FollowUpStep s) => new(s.Day, s.Kind.ToString().ToLowerInvariant(), s.Action,
        s.Kind == FollowUpStepKind.Email ? new LocalizedName(s.Subject, s.SubjectZh) : null,
        s.Kind == FollowUpStepKind.Email ? new LocalizedName(s.Body, s.BodyZh) : null);

    public FollowUpStep ToStep(string field, List<FieldProblem> problems)
    {
        if (!Enum.TryParse<FollowUpStepKind>(Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            problems.Add(FieldProblem.Of($"{field}.kind", "unknown_key", ("value", Kind ?? ""), ("allowed", "email, call, task")));
        }
        var action = string.IsNullOrWhiteSpace(Action) ? kind.ToString().ToLowerInvariant() : Action.Trim();
        if (action.Length > 100) problems.Add(FieldProblem.Of($"{field}.action", "name_too_long", ("max", "100")));
        return new FollowUpStep(Day, action, kind, Subject?.En, Body?.En) { SubjectZh = Blank(Subject?.Zh), BodyZh = Blank(Body?.Zh) };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

public sealed record PlanView(string? Name, IReadOnlyList<PlanStepView>? Steps);

/// <summary>
/// The tenant's nurture rules as <c>/api/admin/nurture</c> shows and takes them: untouched days per open stage, the
/// digest time (HH:mm, for reps who set none), the weekly digest switch, follow-up plans and the plan a deal entering Nurture follows.
/// </summary>
public sealed record NurtureSettingsView(IReadOnlyDictionary<string, int>? UntouchedDays, string? DigestTime, bool? WeeklyDigest,
    IReadOnlyList<PlanView>? Plans, string? AutoEnrolPlan, bool? RemindCloseDatePassed, bool? RemindFollowUpDue, int? QualificationIncompleteAfterDays)
{
    public static NurtureSettingsView From(NurtureRules r) => new(
        r.UntouchedDays.OrderBy(d => d.Key).ToDictionary(d => d.Key.Key(), d => d.Value),
        r.DigestAt?.ToString("HH:mm", CultureInfo.InvariantCulture), r.WeeklyDigest,
        r.Plans.Select(p => new PlanView(p.Name, p.Steps.Select(PlanStepView.From).ToList())).ToList(),
        r.AutoEnrolPlanOnNurture, r.RemindCloseDatePassed, r.RemindFollowUpDue, r.QualificationIncompleteAfterDays);

    /// <summary>The rules the view describes; shape problems are named by field, the domain then checks the rest. Absent parts keep <paramref name="current"/>.</summary>
    public NurtureRules ToRules(NurtureRules current)
    {
        var problems = new List<FieldProblem>();
        var untouched = new Dictionary<Stage, int>();
        foreach (var (key, days) in (UntouchedDays ?? current.UntouchedDays.ToDictionary(d => d.Key.Key(), d => d.Value)).Take(20))
        {
            if (StageFacts.TryParseKey(key, out var stage) && !int.TryParse(key, out _)) untouched[stage] = days;
            else problems.Add(FieldProblem.Of($"untouchedDays.{(key.Length > 30 ? key[..30] : key)}", "unknown_key", ("value", key),
                ("allowed", string.Join(", ", StageFacts.OpenStages.Select(s => s.Key())))));
        }
        TimeOnly? digestAt = current.DigestAt;
        if (DigestTime is not null)
        {
            if (DigestTime.Length == 0) digestAt = null;
            else if (TimeOnly.TryParseExact(DigestTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) digestAt = at;
            else problems.Add(FieldProblem.Of("digestTime", "unknown_key", ("value", DigestTime.Length > 20 ? DigestTime[..20] : DigestTime), ("allowed", "HH:mm")));
        }
        var plans = current.Plans;
        if (Plans is not null)
        {
            plans = Plans.Take(50).Select((p, i) => new FollowUpPlan(p.Name?.Trim() ?? "",
                (p.Steps ?? []).Take(50).Select((s, j) => s.ToStep($"plans[{i}].steps[{j}]", problems)).ToList())).ToList();
        }
        if (problems.Count > 0) throw new InvalidFieldsException("invalid_nurture", problems);
        return current with
        {
            UntouchedDays = untouched,
            DigestAt = digestAt,
            WeeklyDigest = WeeklyDigest ?? current.WeeklyDigest,
            Plans = plans,
            AutoEnrolPlanOnNurture = AutoEnrolPlan is null ? current.AutoEnrolPlanOnNurture : AutoEnrolPlan.Length == 0 ? null : AutoEnrolPlan.Trim(),
            RemindCloseDatePassed = RemindCloseDatePassed ?? current.RemindCloseDatePassed,
            RemindFollowUpDue = RemindFollowUpDue ?? current.RemindFollowUpDue,
            QualificationIncompleteAfterDays = QualificationIncompleteAfterDays ?? current.QualificationIncompleteAfterDays,
        };
    }
}

using Collaboration.Domain.Nurture;

namespace Collaboration.Addin.Opportunities;

public sealed record FollowUpStepView(int Number, int Day, DateOnly DueOn, string Action, FollowUpStepKind Kind, bool Done, bool EmailSent);

/// <summary>A deal's follow-up plan as the pane shows it: its steps numbered from 1, with their due dates.</summary>
public sealed record FollowUpPlanView(
    Guid EnrolmentId, string Plan, DateOnly StartedOn, bool Running, int StepsDone, DateTimeOffset? StoppedAt, PlanStopReason? StopReason,
    IReadOnlyList<FollowUpStepView> Steps)
{
    public static FollowUpPlanView From(FollowUpEnrolment enrolment) => new(
        enrolment.Id, enrolment.PlanName, enrolment.StartedOn, enrolment.IsRunning, enrolment.StepsDone, enrolment.StoppedAt, enrolment.StopReason,
        enrolment.Steps.Select((s, i) => new FollowUpStepView(i + 1, s.Day, enrolment.StartedOn.AddDays(s.Day), s.Action, s.Kind, i < enrolment.StepsDone, s.EmailSent)).ToList());
}

public sealed record FollowUpPlanStepOption(int Day, string Action, FollowUpStepKind Kind);

/// <summary>One of the tenant's follow-up plans, as the pane offers it to start (no email templates).</summary>
public sealed record FollowUpPlanOption(string Name, IReadOnlyList<FollowUpPlanStepOption> Steps)
{
    public static FollowUpPlanOption From(FollowUpPlan plan) =>
        new(plan.Name, plan.Steps.Select(s => new FollowUpPlanStepOption(s.Day, s.Action, s.Kind)).ToList());
}

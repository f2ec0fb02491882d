using Collaboration.Domain.Contracts;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Nurture;

/// <summary>The reminder rules as pure functions of a deal, the tenant's rules and the owner's local date.</summary>
public static class ReminderEvaluator
{
    public static IEnumerable<Reminder> For(Opportunity deal, NurtureRules rules, DateTimeOffset now, DateOnly today)
    {
        if (deal.IsClosed) yield break;

        if (rules.UntouchedDays.TryGetValue(deal.Stage, out var days))
        {
            var lastTouch = deal.LastActivityAt is { } activity && activity > deal.StageEnteredAt ? activity : deal.StageEnteredAt;
            var due = lastTouch.AddDays(days);
            if (due <= now) yield return Remind(deal, ReminderRule.Untouched, DateOnly.FromDateTime(due.UtcDateTime), deal.Stage.Key());
        }

        if (rules.RemindCloseDatePassed && deal.CloseDate is { } close && close < today)
        {
            yield return Remind(deal, ReminderRule.CloseDatePassed, close.AddDays(1), null);
        }

        if (rules.RemindFollowUpDue && deal.Stage == Stage.Nurture && deal.NextFollowUpOn is { } followUp && followUp <= today)
        {
            yield return Remind(deal, ReminderRule.FollowUpDue, followUp, deal.NextStep);
        }

        if (rules.QualificationIncompleteAfterDays is { } grace && deal.Stage == Stage.Qualify
            && deal.StageEnteredAt.AddDays(grace) <= now && MissingBant(deal.Bant) is { Count: > 0 } missing)
        {
            yield return Remind(deal, ReminderRule.QualificationIncomplete, DateOnly.FromDateTime(deal.StageEnteredAt.AddDays(grace).UtcDateTime),
                string.Join(',', missing));
        }
    }

    public static IEnumerable<Reminder> For(FollowUpEnrolment enrolment, Opportunity deal, DateOnly today) =>
        deal.IsClosed ? [] : enrolment.DueSteps(today).Select((step, i) =>
            Remind(deal, ReminderRule.PlanStep, enrolment.StartedOn.AddDays(step.Day), PlanStepDetail(enrolment, step)) with { PlanStepNumber = enrolment.StepsDone + i + 1 });

    /// <summary>
    /// An overdue payment or delivery of a deal that is not lost; won deals too, as payments and deliveries follow the win.
    /// Its detail is "payment:amount:currency" or "delivery"; it is due on the milestone's due date.
    /// </summary>
    public static IEnumerable<Reminder> For(Milestone milestone, Opportunity deal, NurtureRules rules, DateOnly today)
    {
        if (!rules.RemindMilestoneOverdue || deal.Stage == Stage.Lost || milestone.OpportunityId != deal.Id || !milestone.IsOverdue(today)) yield break;
        var detail = milestone.Kind == MilestoneKind.Payment
            ? $"payment:{(milestone.Amount ?? 0).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture)}:{milestone.Currency}"
            : "delivery";
        yield return Remind(deal, ReminderRule.MilestoneOverdue, milestone.DueOn, detail) with { MilestoneId = milestone.Id };
    }

    /// <summary>plan:day:action, then for an email step that was tried ":email_sent" or ":email_failed:" and the error.</summary>
    public static string PlanStepDetail(FollowUpEnrolment enrolment, FollowUpStep step) => step switch
    {
        { EmailSent: true } => $"{enrolment.PlanName}:{step.Day}:{step.Action}:email_sent",
        { EmailError: { } error } => $"{enrolment.PlanName}:{step.Day}:{step.Action}:email_failed:{error}",
        _ => $"{enrolment.PlanName}:{step.Day}:{step.Action}",
    };

    /// <summary>The BANT items nothing is known about yet, as term keys.</summary>
    public static IReadOnlyList<string> MissingBant(Bant bant)
    {
        var missing = new List<string>();
        if (bant.BudgetAmount is null && bant.BudgetStatus == BudgetStatus.Unknown) missing.Add("budget");
        if (!bant.HasDecisionMaker) missing.Add("authority");
        if (bant.Need == NeedLevel.Unknown) missing.Add("need");
        if (bant.Timeframe == Timeframe.Unknown && bant.TargetDate is null) missing.Add("timeline");
        return missing;
    }

    private static Reminder Remind(Opportunity deal, ReminderRule rule, DateOnly dueOn, string? detail) =>
        new(deal.Id, deal.Name, deal.OwnerId, rule, dueOn, detail) { OpportunityVersion = deal.Version };
}

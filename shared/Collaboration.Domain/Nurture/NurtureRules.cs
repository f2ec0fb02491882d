using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Nurture;

public enum ReminderRule
{
    /// <summary>No activity and no stage move for the stage's number of days (Pipedrive's "rotting").</summary>
    Untouched,
    CloseDatePassed,
    FollowUpDue,

    /// <summary>Still in Qualify after some days with BANT items unknown.</summary>
    QualificationIncomplete,

    /// <summary>A step of a follow-up plan the deal's contact is enrolled in.</summary>
    PlanStep,

    /// <summary>A payment not paid or a delivery not delivered by its due date (won deals too: they follow the win).</summary>
    MilestoneOverdue,
}

/// <summary>Something the owner should do about a deal, from <see cref="DueOn"/> on.</summary>
public sealed record Reminder(Guid OpportunityId, string OpportunityName, string OwnerId, ReminderRule Rule, DateOnly DueOn, string? Detail = null)
{
    /// <summary>The deal's version the reminder was worked out from; null in digests written before versions were recorded.</summary>
    public int? OpportunityVersion { get; init; }

    /// <summary>For a <see cref="ReminderRule.PlanStep"/>: which step of the plan (1-based) is due, so it can be marked done.</summary>
    public int? PlanStepNumber { get; init; }

    /// <summary>For a <see cref="ReminderRule.MilestoneOverdue"/>: the payment or delivery, so it can be marked paid or delivered.</summary>
    public Guid? MilestoneId { get; init; }
}

/// <summary>A tenant's reminder rules; <see cref="Default"/> ships, tenants tune it.</summary>
public sealed record NurtureRules
{
    public static NurtureRules Default { get; } = new();

    /// <summary>Days a deal may sit in a stage without activity; a stage not listed never goes stale.</summary>
    public IReadOnlyDictionary<Stage, int> UntouchedDays { get; init; } = new Dictionary<Stage, int>
    {
        [Stage.New] = 3,
        [Stage.Qualify] = 7,
        [Stage.Nurture] = 30,
        [Stage.Proposal] = 10,
        [Stage.Negotiation] = 7,
        [Stage.Contract] = 5,
    };

    public bool RemindCloseDatePassed { get; init; } = true;
    public bool RemindFollowUpDue { get; init; } = true;

    /// <summary>Whether overdue payments and deliveries are reminders (<see cref="ReminderRule.MilestoneOverdue"/>).</summary>
    public bool RemindMilestoneOverdue { get; init; } = true;

    /// <summary>Days in Qualify after which missing BANT items are a reminder; null turns the rule off.</summary>
    public int? QualificationIncompleteAfterDays { get; init; } = 5;

    public IReadOnlyList<FollowUpPlan> Plans { get; init; } = [FollowUpPlan.Standard];

    /// <summary>The plan a deal is enrolled in when it enters Nurture; null (the default) leaves enrolment to the rep.</summary>
    public string? AutoEnrolPlanOnNurture { get; init; }

    /// <summary>When a rep who set no digest time of their own gets the daily digest, in their time zone; null keeps 08:00.</summary>
    public TimeOnly? DigestAt { get; init; }

    /// <summary>Whether managers get the weekly digest.</summary>
    public bool WeeklyDigest { get; init; } = true;

    public IReadOnlyList<FieldProblem> Validate() => NurtureValidation.Problems(this);

    public FollowUpPlan? Plan(string name) => Plans.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

public enum FollowUpStepKind
{
    /// <summary>Something the rep does; only ever a reminder.</summary>
    Task,

    /// <summary>An email to the deal's contact: sent from the rep's mailbox where follow-up mail is on, else a reminder.</summary>
    Email,

    Call,
}

/// <summary>
/// One step of a plan. An <see cref="FollowUpStepKind.Email"/> step carries its <see cref="Subject"/> and text
/// <see cref="Body"/> templates ({contact}, {deal} and {rep} are filled in). In an enrolment's copy of the steps,
/// <see cref="EmailAttemptedAt"/> and <see cref="EmailError"/> record what became of the email.
/// </summary>
public sealed record FollowUpStep(int Day, string Action, FollowUpStepKind Kind = FollowUpStepKind.Task, string? Subject = null, string? Body = null)
{
    /// <summary>The email's subject for a Chinese-speaking rep; null falls back to <see cref="Subject"/>.</summary>
    public string? SubjectZh { get; init; }

    public string? BodyZh { get; init; }

    /// <summary>When the email was handed to the mailer (set before sending, so it is never sent twice).</summary>
    public DateTimeOffset? EmailAttemptedAt { get; init; }

    /// <summary>Why sending failed; null when it was sent (or not tried).</summary>
    public string? EmailError { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool EmailSent => EmailAttemptedAt is not null && EmailError is null;

    public static string Fill(string template, string contact, string deal, string rep) =>
        template.Replace("{contact}", contact, StringComparison.Ordinal).Replace("{deal}", deal, StringComparison.Ordinal)
            .Replace("{rep}", rep, StringComparison.Ordinal);
}

/// <summary>A nurture cadence: what to do on which day after enrolment.</summary>
public sealed record FollowUpPlan(string Name, IReadOnlyList<FollowUpStep> Steps)
{
    public static FollowUpPlan Standard { get; } = new("standard",
    [
        new FollowUpStep(0, "send_brochure", FollowUpStepKind.Email, "Our brochure",
            "Hello {contact},\n\nthank you for your interest. As promised, here is our brochure.\n\nBest regards,\n{rep}"),
        new FollowUpStep(7, "call", FollowUpStepKind.Call),
        new FollowUpStep(21, "send_case_study", FollowUpStepKind.Email, "How a customer like you succeeded",
            "Hello {contact},\n\nI thought this case study could be useful for {deal}.\n\nBest regards,\n{rep}"),
    ]);
}

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
}

/// <summary>Something the owner should do about a deal, from <see cref="DueOn"/> on.</summary>
public sealed record Reminder(Guid OpportunityId, string OpportunityName, string OwnerId, ReminderRule Rule, DateOnly DueOn, string? Detail = null);

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

    /// <summary>Days in Qualify after which missing BANT items are a reminder; null turns the rule off.</summary>
    public int? QualificationIncompleteAfterDays { get; init; } = 5;

    public IReadOnlyList<FollowUpPlan> Plans { get; init; } = [FollowUpPlan.Standard];

    public FollowUpPlan? Plan(string name) => Plans.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

public sealed record FollowUpStep(int Day, string Action);

/// <summary>A nurture cadence: what to do on which day after enrolment.</summary>
public sealed record FollowUpPlan(string Name, IReadOnlyList<FollowUpStep> Steps)
{
    public static FollowUpPlan Standard { get; } = new("standard",
    [
        new FollowUpStep(0, "send_brochure"),
        new FollowUpStep(7, "call"),
        new FollowUpStep(21, "send_case_study"),
    ]);
}

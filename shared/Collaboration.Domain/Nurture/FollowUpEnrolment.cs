using Collaboration.Domain.Common;

namespace Collaboration.Domain.Nurture;

public enum PlanStopReason
{
    /// <summary>The rep stopped it.</summary>
    Stopped,

    /// <summary>The customer wrote back: an inbound email was logged to the deal.</summary>
    CustomerReplied,

    LeftNurture,
    DealClosed,
}

/// <summary>A deal's contact following a <see cref="FollowUpPlan"/> from <see cref="StartedOn"/>; steps are done one by one.</summary>
public sealed class FollowUpEnrolment
{
    private FollowUpEnrolment() { }

    public FollowUpEnrolment(string tenantId, Guid opportunityId, Guid? contactId, FollowUpPlan plan, DateOnly startedOn, string enrolledBy)
    {
        if (plan.Steps.Count == 0) throw new ArgumentException("A plan needs steps.", nameof(plan));
        TenantId = tenantId;
        OpportunityId = opportunityId;
        ContactId = contactId;
        PlanName = plan.Name;
        Steps = plan.Steps.OrderBy(s => s.Day).ToList();
        StartedOn = startedOn;
        EnrolledBy = enrolledBy;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public Guid? ContactId { get; private set; }
    public string PlanName { get; private set; } = "";

    /// <summary>A copy of the plan's steps as enrolled: changing the plan later does not move running enrolments.</summary>
    public List<FollowUpStep> Steps { get; private set; } = [];

    public DateOnly StartedOn { get; private set; }
    public string EnrolledBy { get; private set; } = "";

    /// <summary>How many steps, in order, are done.</summary>
    public int StepsDone { get; private set; }

    public bool IsComplete => StepsDone >= Steps.Count;

    public DateTimeOffset? StoppedAt { get; private set; }
    public PlanStopReason? StopReason { get; private set; }

    /// <summary>Still reminding and sending: neither stopped nor complete.</summary>
    public bool IsRunning => StoppedAt is null && !IsComplete;

    public IEnumerable<FollowUpStep> DueSteps(DateOnly today) =>
        StoppedAt is not null ? [] : Steps.Skip(StepsDone).Where(s => StartedOn.AddDays(s.Day) <= today);

    /// <summary>Stops the plan: no more reminders or emails. Idempotent; the first reason stays.</summary>
    public void Stop(PlanStopReason reason, DateTimeOffset at)
    {
        if (StoppedAt is not null) return;
        StoppedAt = at;
        StopReason = reason;
    }

    /// <summary>Due email steps not yet handed to a mailer, by index into <see cref="Steps"/>.</summary>
    public IEnumerable<int> UnsentEmailSteps(DateOnly today) =>
        StoppedAt is not null ? [] : Enumerable.Range(StepsDone, Steps.Count - StepsDone)
            .Where(i => Steps[i] is { Kind: FollowUpStepKind.Email, EmailAttemptedAt: null } s && StartedOn.AddDays(s.Day) <= today);

    /// <summary>Claims an email step before it is sent: once claimed it is never sent again, even after a crash.</summary>
    public bool ClaimEmail(int step, DateTimeOffset now)
    {
        if (Steps[step].EmailAttemptedAt is not null) return false;
        Steps = [.. Steps.Select((s, i) => i == step ? s with { EmailAttemptedAt = now } : s)];
        return true;
    }

    public void EmailFailed(int step, string error) =>
        Steps = [.. Steps.Select((s, i) => i == step ? s with { EmailError = error.Length > 500 ? error[..500] : error } : s)];

    /// <summary>Marks the next open step done; idempotent once the plan is complete.</summary>
    public void CompleteNextStep()
    {
        if (!IsComplete) StepsDone++;
    }

    /// <summary>
    /// Marks step <paramref name="number"/> (1-based, in plan order) done, with any earlier step still open: steps are
    /// counted in order, and a rep who did a later step has moved past the earlier ones. Idempotent.
    /// </summary>
    public void CompleteStep(int number)
    {
        if (number < 1 || number > Steps.Count)
        {
            throw new DomainException(DomainError.Of("plan_step_unknown",
                ("step", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("count", Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        if (StoppedAt is not null) throw new DomainException(DomainError.Of("plan_stopped", ("plan", PlanName)));
        if (number > StepsDone) StepsDone = number;
    }
}

using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Nurture;

/// <summary>What a rep does with reminders: see them, snooze them, enrol a deal's contact in a follow-up plan.</summary>
public sealed class NurtureService(ICrmDatabase database, TimeProvider clock)
{
    /// <summary>The reminders due now on the actor's own open deals (what tomorrow's digest would say, today).</summary>
    public async Task<IReadOnlyList<Reminder>> DueAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var now = clock.GetUtcNow();
        var zone = LocalClock.Zone(await db.Users.Where(u => u.ObjectId == actor.UserObjectId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct));
        var today = LocalClock.Today(now, zone);
        var rules = await RulesAsync(db, ct);
        var deals = (await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == actor.UserObjectId).ToListAsync(ct))
            .Where(d => !d.IsClosed).ToList();
        var ids = deals.Select(d => d.Id).ToList();
        var enrolments = (await db.FollowUpEnrolments.AsNoTracking().Where(e => ids.Contains(e.OpportunityId)).ToListAsync(ct)).ToLookup(e => e.OpportunityId);
        var overdue = await Contracts.OverdueMilestones.LoadAsync(db, [actor.UserObjectId], today, rules, ct);
        ids.AddRange(overdue.Select(o => o.Deal.Id).Where(id => !ids.Contains(id)));
        var snoozes = await db.Snoozes.AsNoTracking().Where(s => s.Until > now && ids.Contains(s.OpportunityId)).ToListAsync(ct);
        return deals.SelectMany(d => ReminderEvaluator.For(d, rules, now, today).Concat(enrolments[d.Id].SelectMany(e => ReminderEvaluator.For(e, d, today))))
            .Concat(Contracts.OverdueMilestones.RemindersOf(overdue, actor.UserObjectId, rules, today))
            .Where(r => !snoozes.Any(s => s.Covers(r, now)))
            .OrderBy(r => r.DueOn).ToList();
    }

    /// <summary>Puts off one rule's reminder for a deal by a day or a week from now.</summary>
    public async Task<DateTimeOffset> SnoozeAsync(Actor actor, Guid opportunityId, ReminderRule rule, SnoozeLength length, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureVisibleAsync(db, actor, opportunityId, ct);
        var snooze = await db.Snoozes.FirstOrDefaultAsync(s => s.OpportunityId == opportunityId && s.Rule == rule, ct);
        if (snooze is null)
        {
            snooze = new Snooze(actor.TenantId, opportunityId, rule, actor.UserObjectId);
            db.Snoozes.Add(snooze);
        }
        snooze.Extend(length, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return snooze.Until;
    }

    /// <summary>Enrols the deal (and its primary contact) in a plan of the tenant's rules, starting today.</summary>
    public async Task<FollowUpEnrolment> EnrolAsync(Actor actor, Guid opportunityId, string planName, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await EnsureVisibleAsync(db, actor, opportunityId, ct);
        var plan = (await RulesAsync(db, ct)).Plan(planName) ?? throw new NotFoundException("plan");
        var now = clock.GetUtcNow();
        var zone = LocalClock.Zone(await db.Users.Where(u => u.ObjectId == deal.OwnerId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct));
        var enrolment = new FollowUpEnrolment(actor.TenantId, deal.Id, deal.PrimaryContactId, plan, LocalClock.Today(now, zone), actor.UserObjectId);
        db.FollowUpEnrolments.Add(enrolment);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    public async Task<FollowUpEnrolment> CompleteStepAsync(Actor actor, Guid enrolmentId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var enrolment = await db.FollowUpEnrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct) ?? throw new NotFoundException("enrolment");
        await EnsureVisibleAsync(db, actor, enrolment.OpportunityId, ct);
        enrolment.CompleteNextStep();
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>
    /// Starts a plan of the tenant's rules on an open deal, from today in the owner's time zone. One plan runs at a time:
    /// a deal already following one is refused, naming it.
    /// </summary>
    public async Task<FollowUpEnrolment> StartPlanAsync(Actor actor, Guid opportunityId, string? planName, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await EnsureVisibleAsync(db, actor, opportunityId, ct);
        if (deal.IsClosed) throw new DomainException(DomainError.Of("deal_closed", ("stage", deal.Stage.Key())));
        var rules = await RulesAsync(db, ct);
        var plan = rules.Plan(planName?.Trim() ?? "") ?? throw new DomainException(DomainError.Of("plan_unknown",
            ("plan", planName?.Trim() ?? ""), ("allowed", string.Join(", ", rules.Plans.Select(p => p.Name)))));
        if ((await FollowUpPlans.RunningAsync(db, deal.Id, ct)).FirstOrDefault() is { } running)
        {
            throw new DomainException(DomainError.Of("plan_running", ("plan", running.PlanName)));
        }
        var now = clock.GetUtcNow();
        var enrolment = new FollowUpEnrolment(actor.TenantId, deal.Id, deal.PrimaryContactId, plan,
            await FollowUpPlans.OwnersTodayAsync(db, deal.OwnerId, now, ct), actor.UserObjectId);
        db.FollowUpEnrolments.Add(enrolment);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>Stops the deal's running plan: no more reminders or emails from it.</summary>
    public async Task<FollowUpEnrolment> StopPlanAsync(Actor actor, Guid opportunityId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureVisibleAsync(db, actor, opportunityId, ct);
        var running = (await FollowUpPlans.RunningAsync(db, opportunityId, ct)).FirstOrDefault()
            ?? throw new DomainException(new DomainError("plan_not_running"));
        running.Stop(PlanStopReason.Stopped, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return running;
    }

    /// <summary>Marks step <paramref name="number"/> (1-based) of the deal's running plan done, with any earlier open step.</summary>
    public async Task<FollowUpEnrolment> CompletePlanStepAsync(Actor actor, Guid opportunityId, int number, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureVisibleAsync(db, actor, opportunityId, ct);
        var enrolment = await LatestAsync(db, opportunityId, ct) ?? throw new DomainException(new DomainError("plan_not_running"));
        enrolment.CompleteStep(number);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>The deal's most recent plan, running or not; null when it never followed one.</summary>
    public async Task<FollowUpEnrolment?> CurrentPlanAsync(Actor actor, Guid opportunityId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureVisibleAsync(db, actor, opportunityId, ct);
        return await LatestAsync(db, opportunityId, ct);
    }

    private static async Task<FollowUpEnrolment?> LatestAsync(CrmDbContext db, Guid opportunityId, CancellationToken ct) =>
        (await db.FollowUpEnrolments.Where(e => e.OpportunityId == opportunityId).ToListAsync(ct))
            .OrderByDescending(e => e.IsRunning).ThenByDescending(e => e.StartedOn).FirstOrDefault();

    /// <summary>The follow-up plans of the actor's tenant, as a rep picks one to start.</summary>
    public async Task<IReadOnlyList<FollowUpPlan>> PlansAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        return (await RulesAsync(db, ct)).Plans;
    }

    public async Task ChangeRulesAsync(string tenantId, NurtureRules rules, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var settings = await db.NurtureSettings.FirstOrDefaultAsync(ct);
        if (settings is null) db.NurtureSettings.Add(new TenantNurtureSettings(tenantId, rules));
        else settings.Change(rules);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<NurtureRules> RulesAsync(CrmDbContext db, CancellationToken ct) =>
        await db.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct) ?? NurtureRules.Default;

    private static async Task<Domain.Opportunities.Opportunity> EnsureVisibleAsync(CrmDbContext db, Actor actor, Guid opportunityId, CancellationToken ct)
    {
        var deal = await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId, ct);
        if (deal is null || !await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct))
        {
            throw new NotFoundException("deal");
        }
        return deal;
    }
}

using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Nurture;

/// <summary>What a rep does with reminders: see them, snooze them, enrol a deal's contact in a follow-up plan.</summary>
public sealed class NurtureService(CrmDatabase database, TimeProvider clock)
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
        var snoozes = await db.Snoozes.AsNoTracking().Where(s => s.Until > now && ids.Contains(s.OpportunityId)).ToListAsync(ct);
        return deals.SelectMany(d => ReminderEvaluator.For(d, rules, now, today).Concat(enrolments[d.Id].SelectMany(e => ReminderEvaluator.For(e, d, today))))
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
        if (deal is null || !(await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct)).Contains(deal.OwnerId))
        {
            throw new NotFoundException("deal");
        }
        return deal;
    }
}

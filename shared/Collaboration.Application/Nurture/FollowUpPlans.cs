using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Nurture;

/// <summary>
/// What a deal's changes do to its follow-up plans, in the unit of work of the change: entering Nurture enrols it in the
/// tenant's automatic plan (when one is set), leaving Nurture or closing stops running plans, and a reply from the
/// customer (an inbound email logged to the deal) stops them too.
/// </summary>
internal static class FollowUpPlans
{
    public static async Task OnStageChangedAsync(CrmDbContext db, Opportunity deal, Stage before, ChangeContext context, CancellationToken ct)
    {
        if (deal.Stage == before) return;
        if (before == Stage.Nurture || deal.IsClosed)
        {
            foreach (var running in await RunningAsync(db, deal.Id, ct))
            {
                running.Stop(deal.IsClosed ? PlanStopReason.DealClosed : PlanStopReason.LeftNurture, context.At);
            }
        }
        if (deal.Stage != Stage.Nurture) return;
        var rules = await RulesAsync(db, ct);
        if (rules.AutoEnrolPlanOnNurture is not { } planName || rules.Plan(planName) is not { } plan) return;
        if ((await RunningAsync(db, deal.Id, ct)).Count > 0) return;
        db.FollowUpEnrolments.Add(new FollowUpEnrolment(deal.TenantId, deal.Id, deal.PrimaryContactId, plan,
            await OwnersTodayAsync(db, deal.OwnerId, context.At, ct), context.ActorId));
    }

    /// <summary>The customer wrote back on or after the day a plan started: the plan has done its job.</summary>
    public static async Task OnCustomerRepliedAsync(CrmDbContext db, Opportunity deal, DateTimeOffset receivedAt, DateTimeOffset now, CancellationToken ct)
    {
        var running = await RunningAsync(db, deal.Id, ct);
        if (running.Count == 0) return;
        var receivedOn = await OwnersTodayAsync(db, deal.OwnerId, receivedAt, ct);
        foreach (var enrolment in running.Where(e => receivedOn >= e.StartedOn)) enrolment.Stop(PlanStopReason.CustomerReplied, now);
    }

    public static async Task<List<FollowUpEnrolment>> RunningAsync(CrmDbContext db, Guid dealId, CancellationToken ct) =>
        (await db.FollowUpEnrolments.Where(e => e.OpportunityId == dealId && e.StoppedAt == null).ToListAsync(ct))
            .Where(e => e.IsRunning).ToList();

    public static async Task<NurtureRules> RulesAsync(CrmDbContext db, CancellationToken ct) =>
        await db.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct) ?? NurtureRules.Default;

    public static async Task<DateOnly> OwnersTodayAsync(CrmDbContext db, string ownerId, DateTimeOffset now, CancellationToken ct) =>
        LocalClock.Today(now, LocalClock.Zone(await db.Users.Where(u => u.ObjectId == ownerId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct)));
}

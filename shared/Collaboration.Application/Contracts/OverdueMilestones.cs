using Collaboration.Application.Persistence;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Contracts;

/// <summary>
/// The payments and deliveries still open after their due date on the deals of some owners, won deals included (the
/// digest and the reminders list otherwise read open deals only), for <see cref="ReminderEvaluator"/>.
/// </summary>
internal static class OverdueMilestones
{
    /// <summary>Bounded: a rep with more overdue milestones than this is told about the earliest ones.</summary>
    public const int MaxPerRun = 2000;

    public static async Task<IReadOnlyList<(Milestone Milestone, Opportunity Deal)>> LoadAsync(
        CrmDbContext db, IReadOnlyCollection<string> owners, DateOnly latestToday, NurtureRules rules, CancellationToken ct)
    {
        if (!rules.RemindMilestoneOverdue || owners.Count == 0) return [];
        var rows = await db.Milestones.AsNoTracking()
            .Where(m => m.PaidOn == null && m.DeliveredOn == null && m.DueOn < latestToday)
            .Join(db.Opportunities.AsNoTracking().Where(o => owners.Contains(o.OwnerId) && o.Stage != Stage.Lost),
                m => m.OpportunityId, o => o.Id, (m, o) => new { Milestone = m, Deal = o })
            .OrderBy(r => r.Milestone.DueOn)
            .Take(MaxPerRun)
            .ToListAsync(ct);
        return rows.Select(r => (r.Milestone, r.Deal)).ToList();
    }

    public static IEnumerable<Reminder> RemindersOf(IReadOnlyList<(Milestone Milestone, Opportunity Deal)> overdue, string ownerId, NurtureRules rules, DateOnly today) =>
        overdue.Where(o => o.Deal.OwnerId == ownerId).SelectMany(o => ReminderEvaluator.For(o.Milestone, o.Deal, rules, today));
}

using Collaboration.Application.Notifications;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Nurture;

/// <summary>
/// Once a day per rep, at their local digest time (08:00 by default, in User.TimeZone), gathers the reminders that
/// are due on their open deals into one digest delivery. A snoozed reminder stays out until its snooze ends.
/// </summary>
public sealed class NurtureRunner(CrmDatabase database, TimeProvider clock, ILogger<NurtureRunner> logger)
{
    public static string DigestSource(DateOnly localDate) => $"digest:{localDate:yyyy-MM-dd}";

    /// <summary>Writes the digests that are due in every tenant; returns how many it wrote.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var written = 0;
        foreach (var tenantId in await CrossTenantQueries.TenantIdsAsync(database, ct))
        {
            written += await RunTenantAsync(tenantId, ct);
        }
        return written;
    }

    public async Task<int> RunTenantAsync(string tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = database.Open(tenantId);
        var settings = await db.NotificationSettings.ToDictionaryAsync(s => s.UserObjectId, ct);
        var due = new List<(Domain.Users.User User, DateOnly Today, TimeZoneInfo Zone)>();
        foreach (var user in await db.Users.AsNoTracking().ToListAsync(ct))
        {
            var zone = LocalClock.Zone(user.TimeZone);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var today = DateOnly.FromDateTime(local.DateTime);
            var mine = settings.GetValueOrDefault(user.ObjectId);
            var digestAt = mine?.DigestAt ?? NotificationSettings.DefaultDigestAt;
            if (TimeOnly.FromDateTime(local.DateTime) < digestAt || mine?.LastDigestOn >= today) continue;
            due.Add((user, today, zone));
        }
        if (due.Count == 0) return 0;

        var rules = await db.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct) ?? NurtureRules.Default;
        var owners = due.Select(d => d.User.ObjectId).ToList();
        var deals = await db.Opportunities.AsNoTracking()
            .Where(o => owners.Contains(o.OwnerId) && o.Stage != Stage.Won && o.Stage != Stage.Lost).ToListAsync(ct);
        var dealIds = deals.Select(d => d.Id).ToList();
        var enrolments = (await db.FollowUpEnrolments.AsNoTracking().Where(e => dealIds.Contains(e.OpportunityId)).ToListAsync(ct))
            .ToLookup(e => e.OpportunityId);
        var snoozes = await db.Snoozes.AsNoTracking().Where(s => s.Until > now && dealIds.Contains(s.OpportunityId)).ToListAsync(ct);
        var sources = due.Select(d => DigestSource(d.Today)).Distinct().ToList();
        var existing = (await db.Deliveries.AsNoTracking()
                .Where(d => d.RecipientKind == RecipientKind.User && sources.Contains(d.SourceKey))
                .Select(d => new { d.SourceKey, d.Recipient }).ToListAsync(ct))
            .Select(d => (d.SourceKey, d.Recipient)).ToHashSet();

        var written = 0;
        foreach (var (user, today, zone) in due)
        {
            var reminders = deals.Where(d => d.OwnerId == user.ObjectId)
                .SelectMany(deal => ReminderEvaluator.For(deal, rules, now, today)
                    .Concat(enrolments[deal.Id].SelectMany(e => ReminderEvaluator.For(e, deal, today))))
                .Where(r => !snoozes.Any(s => s.Covers(r, now)))
                .OrderBy(r => r.DueOn).ThenBy(r => r.OpportunityName, StringComparer.Ordinal)
                .ToList();
            if (!settings.TryGetValue(user.ObjectId, out var mine))
            {
                mine = new NotificationSettings(tenantId, user.ObjectId);
                db.NotificationSettings.Add(mine);
            }
            mine.DigestConsidered(today);
            var source = DigestSource(today);
            if (reminders.Count == 0 || !existing.Add((source, user.ObjectId))) continue;
            var message = new DeliveryMessage
            {
                Kind = NotificationKind.Digest, TenantId = tenantId, At = now, Locale = user.Locale, TimeZone = user.TimeZone,
                OwnerId = user.ObjectId, OwnerName = user.DisplayName, Reminders = reminders,
            };
            db.Deliveries.Add(new Delivery(tenantId, RecipientKind.User, user.ObjectId, source, null,
                NotificationKind.Digest, DeliveryPayload.Serialize(message), now, mine.QuietHours.NextAllowed(now, zone)));
            written++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "Digests of tenant {Tenant} were written concurrently elsewhere", tenantId);
            return 0;
        }
        return written;
    }
}

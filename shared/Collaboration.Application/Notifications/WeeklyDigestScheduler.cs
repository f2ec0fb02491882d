using System.Text.Json;
using Collaboration.Application.Persistence;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Notifications;

/// <summary>What a weekly digest delivery carries: the composed digest and the names of the people it mentions.</summary>
public sealed record WeeklyDigestDelivery(WeeklyDigestContent Digest, IReadOnlyDictionary<string, string> Names)
{
    public string Serialize() => JsonSerializer.Serialize(this, DeliveryPayload.Options);

    public static WeeklyDigestDelivery? Read(string? content) =>
        content is null ? null : JsonSerializer.Deserialize<WeeklyDigestDelivery>(content, DeliveryPayload.Options);
}

/// <summary>
/// Writes each manager's weekly digest as a delivery once their Monday 08:00 (<see cref="WeeklyDigestSchedule.NextRunAfter"/>,
/// in their own time zone) has come, through the same pipeline as every other notification (leases, retries, quiet hours
/// are not applied: the digest is scheduled for the morning). One delivery per (manager, week): the source key is the
/// week's Monday, so a second pass or a second host writes nothing. A run missed by more than <see cref="CatchUp"/>
/// (the host was down all Monday) is skipped rather than sent late.
/// </summary>
public sealed class WeeklyDigestScheduler(ICrmDatabase database, WeeklyDigestComposer composer, ReportAudience audience, TimeProvider clock,
    ILogger<WeeklyDigestScheduler> logger)
{
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(12);

    public static string Source(DateOnly weekStart) => $"weekly:{weekStart:yyyy-MM-dd}";

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
        var written = 0;
        await using (var settings = database.Open(tenantId))
        {
            var rules = await settings.NurtureSettings.AsNoTracking().Select(s => s.Rules).FirstOrDefaultAsync(ct);
            if (rules is { WeeklyDigest: false }) return 0;
        }
        foreach (var (managerId, timeZone, locale) in await composer.ManagersAsync(tenantId, ct))
        {
            var runAt = WeeklyDigestSchedule.NextRunAfter(now - TimeSpan.FromDays(7), timeZone);
            if (runAt > now || now - runAt > CatchUp) continue;
            var weekStart = WeeklyDigestSchedule.WeekBefore(runAt, timeZone);
            var source = Source(weekStart);
            await using var db = database.Open(tenantId);
            if (await db.Deliveries.AnyAsync(d => d.SourceKey == source && d.RecipientKind == RecipientKind.User && d.Recipient == managerId, ct)) continue;

            var manager = new Actor(tenantId, managerId, ChangeSurface.System, locale);
            var digest = await composer.ComposeAsync(manager, weekStart, now, ct);
            var names = (await audience.VisiblePeopleAsync(manager, ct)).ToDictionary(p => p.ObjectId, p => p.DisplayName);
            var message = new DeliveryMessage
            {
                Kind = NotificationKind.WeeklyDigest,
                TenantId = tenantId,
                At = now,
                Locale = locale,
                TimeZone = timeZone,
                OwnerId = managerId,
                Content = new WeeklyDigestDelivery(digest, names).Serialize(),
            };
            db.Deliveries.Add(new Delivery(tenantId, RecipientKind.User, managerId, source, null, NotificationKind.WeeklyDigest,
                DeliveryPayload.Serialize(message), now, now));
            try
            {
                await db.SaveChangesAsync(ct);
                written++;
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "The weekly digest of {Manager} for {Week} was written elsewhere first", managerId, weekStart);
            }
        }
        return written;
    }
}

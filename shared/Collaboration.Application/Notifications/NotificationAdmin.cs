using Collaboration.Application.Persistence;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Notifications;

public sealed record ParkedDelivery(long Id, RecipientKind RecipientKind, string Recipient, NotificationKind Kind, string SourceKey,
    int Attempts, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset ParkedAt);

/// <summary>What a tenant admin sees of deliveries that could not be sent, and the way to try them again.</summary>
public sealed class NotificationAdmin(ICrmDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlyList<ParkedDelivery>> ParkedAsync(string tenantId, int take = 100, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Parked)
            .OrderByDescending(d => d.NextAttemptAt).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new ParkedDelivery(d.Id, d.RecipientKind, d.Recipient, d.Kind, d.SourceKey, d.Attempts, d.LastError, d.CreatedAt, d.NextAttemptAt))
            .ToListAsync(ct);
    }

    /// <summary>Deletes sent deliveries older than <paramref name="sentBefore"/>; returns how many.</summary>
    public async Task<int> PurgeSentAsync(string tenantId, DateTimeOffset sentBefore, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.Deliveries.Where(d => d.Status == DeliveryStatus.Sent && d.SentAt < sentBefore).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Puts a parked delivery back in the queue with a fresh attempt count and wakes this process's sender; false when it
    /// is not parked (already retried, or not this tenant's).
    /// </summary>
    public async Task<bool> RetryAsync(string tenantId, long deliveryId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var now = clock.GetUtcNow();
        var retried = await db.Deliveries.Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Parked)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), ct) == 1;
        if (retried) database.DeliveriesWritten.Set();
        return retried;
    }
}

using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Notifications;

/// <summary>
/// The only reads that look across tenants, for background jobs that must find which tenants have work.
/// They return tenant ids and nothing else: the work itself happens in each tenant's own unit of work.
/// </summary>
internal static class CrossTenantQueries
{
    public static async Task<List<string>> TenantsWithPendingOutboxAsync(ICrmDatabase database, int maxAttempts, CancellationToken ct)
    {
        await using var system = database.Open((string?)null);
        return await system.Outbox.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.ProcessedAt == null && m.Attempts < maxAttempts)
            .Select(m => m.TenantId).Distinct().ToListAsync(ct);
    }

    public static async Task<List<string>> TenantsWithDueDeliveriesAsync(ICrmDatabase database, DateTimeOffset now, CancellationToken ct)
    {
        await using var system = database.Open((string?)null);
        return await system.Deliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Status == Domain.Notifications.DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .Select(d => d.TenantId).Distinct().ToListAsync(ct);
    }

    public static async Task<List<string>> TenantIdsAsync(ICrmDatabase database, CancellationToken ct)
    {
        await using var system = database.Open((string?)null);
        return await system.Tenants.IgnoreQueryFilters().AsNoTracking().Select(t => t.Id).ToListAsync(ct);
    }
}

using System.Text.Json;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Notifications;

/// <summary>
/// Sends due deliveries through the <see cref="INotificationChannel"/>. A sender first leases a batch
/// (<c>LockedBy</c>/<c>LockedUntil</c>, set by one conditional UPDATE; on PostgreSQL its candidate rows are picked
/// with <c>FOR UPDATE SKIP LOCKED</c> so concurrent senders take different ones), then sends one by one, and
/// records each outcome with an UPDATE that only matches while it still holds the lease.
/// </summary>
public sealed class DeliverySender(
    ICrmDatabase database, INotificationChannel channel, NotificationRateLimiter limiter, NotificationOptions options,
    TimeProvider clock, ILogger<DeliverySender> logger)
{
    /// <summary>Sends one batch per tenant with due deliveries; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var tenantId in await CrossTenantQueries.TenantsWithDueDeliveriesAsync(database, clock.GetUtcNow(), ct))
        {
            sent += await SendTenantBatchAsync(tenantId, ct);
        }
        return sent;
    }

    public async Task<int> SendTenantBatchAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var lease = $"{options.WorkerId}:{Guid.NewGuid():N}";
        var leaseUntil = clock.GetUtcNow() + options.LeaseDuration;
        var claimed = await ClaimAsync(db, tenantId, lease, ct);
        var sent = 0;
        var held = new HashSet<(RecipientKind, string)>();
        HashSet<long>? stillHeld = null;
        foreach (var delivery in claimed)
        {
            ct.ThrowIfCancellationRequested();
            if (held.Contains((delivery.RecipientKind, delivery.Recipient))) continue;
            // A slow batch (a starved process, a slow channel) renews its lease half-way, so that another sender never
            // claims a row this one is about to send; a row whose lease already ran out is left to whoever claims it.
            if (clock.GetUtcNow() > leaseUntil - options.LeaseDuration / 2)
            {
                (leaseUntil, stillHeld) = await RenewAsync(db, lease, ct);
            }
            if (stillHeld is not null && !stillHeld.Contains(delivery.Id)) continue;
            var wait = limiter.TryAcquire(tenantId, $"{delivery.RecipientKind}:{delivery.Recipient}");
            if (wait > TimeSpan.Zero)
            {
                // The rest of this recipient's batch waits too, in one statement, keeping its order.
                held.Add((delivery.RecipientKind, delivery.Recipient));
                await DeferAsync(db, delivery.RecipientKind, delivery.Recipient, lease, clock.GetUtcNow() + wait, ct);
                continue;
            }
            if (await SendOneAsync(db, delivery, lease, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(CrmDbContext db, Delivery delivery, string lease, CancellationToken ct)
    {
        var attempt = delivery.Attempts + 1;
        try
        {
            var message = DeliveryPayload.Deserialize(delivery.Payload);
            var receipt = await channel.SendAsync(
                new OutgoingNotification(delivery.Id, delivery.TenantId, delivery.RecipientKind, delivery.Recipient, message, attempt), ct);
            var now = clock.GetUtcNow();
            var marked = await Owned(db, delivery.Id, lease).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sent)
                .SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.ExternalId, receipt.MessageId)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.LockedBy, (string?)null)
                .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (marked == 0)
            {
                logger.LogWarning("Delivery {Id} was sent after its lease ran out; another sender may send it again", delivery.Id);
            }
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(db, delivery.Id, lease);
            throw;
        }
        catch (NotificationChannelException ex)
        {
            await FailAsync(db, delivery, lease, attempt, ex.Message, ex.Permanent, ex.RetryAfter);
        }
        catch (JsonException ex)
        {
            await FailAsync(db, delivery, lease, attempt, "Unreadable payload: " + ex.Message, permanent: true, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await FailAsync(db, delivery, lease, attempt, ex.Message, permanent: false, null);
        }
        return false;
    }

    private async Task FailAsync(CrmDbContext db, Delivery delivery, string lease, int attempt, string error, bool permanent, TimeSpan? retryAfter)
    {
        var now = clock.GetUtcNow();
        var park = permanent || attempt >= options.MaxDeliveryAttempts;
        var next = now + (retryAfter ?? Backoff(attempt));
        logger.Log(park ? LogLevel.Error : LogLevel.Warning,
            "Delivery {Id} to {Recipient} failed (attempt {Attempt}): {Error}; {Outcome}",
            delivery.Id, delivery.Recipient, attempt, error, park ? "parked" : $"retry at {next:O}");
        await Owned(db, delivery.Id, lease).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, park ? DeliveryStatus.Parked : DeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, attempt)
            .SetProperty(d => d.NextAttemptAt, park ? now : next)
            .SetProperty(d => d.LastError, Delivery.TrimError(error))
            .SetProperty(d => d.LockedBy, (string?)null)
            .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>Exponential from <see cref="NotificationOptions.RetryBaseDelay"/>, capped, with full jitter in its upper half.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential > options.RetryMaxDelay ? options.RetryMaxDelay : exponential;
        return capped * (0.5 + Random.Shared.NextDouble() * 0.5);
    }

    /// <summary>The rate limit said wait: put it back for later without counting an attempt.</summary>
    private static Task<int> DeferAsync(CrmDbContext db, RecipientKind kind, string recipient, string lease, DateTimeOffset until, CancellationToken ct) =>
        db.Deliveries.Where(d => d.LockedBy == lease && d.RecipientKind == kind && d.Recipient == recipient && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, until)
            .SetProperty(d => d.LockedBy, (string?)null)
            .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), ct);

    private static Task<int> ReleaseAsync(CrmDbContext db, long id, string lease) =>
        Owned(db, id, lease).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LockedBy, (string?)null)
            .SetProperty(d => d.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);

    private async Task<(DateTimeOffset Until, HashSet<long> Held)> RenewAsync(CrmDbContext db, string lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.LeaseDuration;
        await db.Deliveries.Where(d => d.LockedBy == lease && d.Status == DeliveryStatus.Pending && d.LockedUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, until), ct);
        var held = await db.Deliveries.Where(d => d.LockedBy == lease && d.Status == DeliveryStatus.Pending && d.LockedUntil > now)
            .Select(d => d.Id).ToListAsync(ct);
        return (until, held.ToHashSet());
    }

    private static IQueryable<Delivery> Owned(CrmDbContext db, long id, string lease) =>
        db.Deliveries.Where(d => d.Id == id && d.LockedBy == lease && d.Status == DeliveryStatus.Pending);

    private async Task<List<Delivery>> ClaimAsync(CrmDbContext db, string tenantId, string lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.LeaseDuration;
        var batch = options.DeliveryBatchSize;
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Deliveries" SET "LockedBy" = {lease}, "LockedUntil" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "Deliveries"
                    WHERE "TenantId" = {tenantId} AND "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                      AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "NextAttemptAt", "Id" LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // The batch size is written into the SQL (it is a setting, one text per process): SQLite prepares a statement
            // whose LIMIT is a bound parameter again on every run. EF.Constant works only inside the query's expression.
            await db.Deliveries
                .Where(d => db.Deliveries
                    .Where(c => c.Status == DeliveryStatus.Pending && c.NextAttemptAt <= now && (c.LockedUntil == null || c.LockedUntil < now))
                    .OrderBy(c => c.NextAttemptAt).ThenBy(c => c.Id).Select(c => c.Id).Take(EF.Constant(batch))
                    .Contains(d.Id) && (d.LockedUntil == null || d.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedBy, lease).SetProperty(d => d.LockedUntil, until), ct);
        }
        return await db.Deliveries.AsNoTracking().Where(d => d.LockedBy == lease)
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).ToListAsync(ct);
    }
}

using System.Globalization;
using System.Text.Json;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Collaboration.Application.Notifications;

/// <summary>
/// Turns outbox rows into deliveries. Per tenant and batch, in one transaction: claim pending rows (PostgreSQL:
/// <c>FOR UPDATE SKIP LOCKED</c>, so concurrent dispatchers take different rows; SQLite: the write transaction
/// is exclusive), plan notifications with the rules, insert the deliveries that do not exist yet and mark the rows
/// processed. The unique (source, recipient) key makes a second pass over the same row a no-op.
/// </summary>
public sealed class OutboxDispatcher(
    ICrmDatabase database, IEnumerable<INotificationRule> rules, NotificationOptions options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private static readonly Dictionary<string, Type> EventTypes = new[]
    {
        typeof(StageChanged), typeof(QualificationChanged), typeof(OwnerAssigned), typeof(DealClosed), typeof(ReviewRequested),
        typeof(QuoteApprovalRequested), typeof(QuoteDecided),
    }.ToDictionary(t => t.Name);

    private readonly INotificationRule[] _rules = rules.ToArray();

    /// <summary>Processes pending outbox rows of every tenant, one batch per tenant; returns how many rows it handled.</summary>
    public async Task<int> DispatchAsync(CancellationToken ct = default)
    {
        var handled = 0;
        foreach (var tenantId in await CrossTenantQueries.TenantsWithPendingOutboxAsync(database, options.MaxOutboxAttempts, ct))
        {
            handled += await DispatchTenantAsync(tenantId, ct);
        }
        return handled;
    }

    /// <summary>Keeps dispatching until no tenant has pending rows.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var total = 0;
        for (int handled; (handled = await DispatchAsync(ct)) > 0;) total += handled;
        return total;
    }

    public async Task<int> DispatchTenantAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var rows = await ClaimAsync(db, tenantId, ct);
        if (rows.Count == 0) return 0;

        var now = clock.GetUtcNow();
        var events = new List<(OutboxMessage Row, NotificationEvent Event)>();
        foreach (var row in rows)
        {
            try
            {
                if (Read(row) is { } e) events.Add((row, e));
                else row.MarkProcessed(now);
            }
            catch (JsonException ex)
            {
                logger.LogError(ex, "Outbox row {Id} ({Type}) cannot be read", row.Id, row.Type);
                row.RecordFailure(ex.Message);
            }
        }

        var dealIds = events.Select(e => e.Event.Event.OpportunityId).Distinct().ToList();
        var audience = new NotificationAudience(
            await db.Users.AsNoTracking().ToDictionaryAsync(u => u.ObjectId, ct),
            await db.Subscriptions.AsNoTracking().ToListAsync(ct));
        var mutes = (await db.Mutes.AsNoTracking().Where(m => dealIds.Contains(m.OpportunityId)).ToListAsync(ct))
            .Select(m => (m.UserObjectId, m.OpportunityId)).ToHashSet();
        var quietHours = await db.NotificationSettings.AsNoTracking().Where(s => s.QuietFrom != null)
            .ToDictionaryAsync(s => s.UserObjectId, s => s.QuietHours, ct);
        var sourceKeys = events.Select(e => Delivery.OutboxSource(e.Row.Id)).ToList();
        var existing = (await db.Deliveries.AsNoTracking().Where(d => sourceKeys.Contains(d.SourceKey))
            .Select(d => new { d.SourceKey, d.RecipientKind, d.Recipient }).ToListAsync(ct))
            .Select(d => (d.SourceKey, d.RecipientKind, d.Recipient)).ToHashSet();

        foreach (var (row, notificationEvent) in events)
        {
            var source = Delivery.OutboxSource(row.Id);
            foreach (var planned in Plan(notificationEvent, audience))
            {
                if (!existing.Add((source, planned.RecipientKind, planned.Recipient))) continue;
                if (planned.RecipientKind == RecipientKind.User && mutes.Contains((planned.Recipient, notificationEvent.Event.OpportunityId))) continue;
                var dueAt = now;
                if (planned.RecipientKind == RecipientKind.User && quietHours.TryGetValue(planned.Recipient, out var quiet))
                {
                    dueAt = quiet.NextAllowed(now, LocalClock.Zone(audience.User(planned.Recipient)?.TimeZone));
                }
                var message = NotificationMessages.For(notificationEvent, planned, audience);
                db.Deliveries.Add(new Delivery(tenantId, planned.RecipientKind, planned.Recipient, source, row.Id,
                    planned.Kind, DeliveryPayload.Serialize(message), now, dueAt));
            }
            row.MarkProcessed(now);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (db.ChangeTracker.Entries<Delivery>().Any()) database.DeliveriesWritten.Set();
        }
        catch (DbUpdateException ex)
        {
            // Another dispatcher wrote a delivery for one of these rows first: the next pass sees it and skips it.
            logger.LogWarning(ex, "Outbox batch of tenant {Tenant} lost a race; it will be retried", tenantId);
            return 0;
        }
        return rows.Count;
    }

    // Every delivery names a deal, its owner and often its amount: it goes only where its viewer may see that deal,
    // whatever rule planned it. Filtered before de-duplication, so a conversation one subscriber may not be told
    // about still hears from another subscription that may.
    private IEnumerable<PlannedNotification> Plan(NotificationEvent notificationEvent, NotificationAudience audience) =>
        _rules.SelectMany(rule => rule.Plan(notificationEvent, audience))
            .Where(p => audience.MaySee(p, notificationEvent.Event))
            .DistinctBy(p => (p.RecipientKind, p.Recipient));

    private static NotificationEvent? Read(OutboxMessage row) =>
        EventTypes.TryGetValue(row.Type, out var type)
            ? new NotificationEvent(row.Id, row.TenantId, (DomainEvent)(JsonSerializer.Deserialize(row.Payload, type, CrmDbContext.EventJson)
                ?? throw new JsonException("Empty event payload.")))
            : null;

    private static string SqliteClaim(int batchSize) => """
        SELECT * FROM "Outbox"
        WHERE "TenantId" = {0} AND "ProcessedAt" IS NULL AND "Attempts" < {1}
        ORDER BY "Id" LIMIT
        """ + " " + batchSize.ToString(CultureInfo.InvariantCulture);

    private Task<List<OutboxMessage>> ClaimAsync(CrmDbContext db, string tenantId, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            // The tenant condition is in the SQL itself; the query filter is ignored only so EF sends this statement as is.
            return db.Outbox.FromSql($"""
                SELECT * FROM "Outbox"
                WHERE "TenantId" = {tenantId} AND "ProcessedAt" IS NULL AND "Attempts" < {options.MaxOutboxAttempts}
                ORDER BY "Id" LIMIT {options.OutboxBatchSize}
                FOR UPDATE SKIP LOCKED
                """).IgnoreQueryFilters().ToListAsync(ct);
        }
        // The batch size is written into the SQL: SQLite prepares a statement whose LIMIT is a bound parameter again on
        // every run. As above, the tenant condition is in the SQL itself.
        return db.Outbox.FromSqlRaw(SqliteClaim(options.OutboxBatchSize), tenantId, options.MaxOutboxAttempts).IgnoreQueryFilters().ToListAsync(ct);
    }
}

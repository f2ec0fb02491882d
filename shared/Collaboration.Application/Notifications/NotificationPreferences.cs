using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Notifications;

/// <summary>What reps and channels choose to hear: subscriptions, mutes, quiet hours, digest time.</summary>
public sealed class NotificationPreferences(ICrmDatabase database, AdminPolicy admins, TimeProvider clock)
{
    /// <summary>
    /// Subscribes a conversation; subscribing twice to the same filter is one subscription. A rep may subscribe their
    /// own chat with the bot; any other conversation (a channel, a group chat, one the bot has not stored as the rep's)
    /// only an admin or a manager. Either way the subscription covers the deals its subscriber may see.
    /// </summary>
    public async Task<Subscription> SubscribeAsync(Actor actor, string conversationKey, SubscriptionFilter filter, string? team = null, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureMayManageAsync(db, actor, conversationKey, ct);
        var wantedTeam = filter == SubscriptionFilter.MyTeam
            ? team ?? await db.Users.Where(u => u.ObjectId == actor.UserObjectId).Select(u => u.Team).FirstOrDefaultAsync(ct)
            : null;
        var existing = await db.Subscriptions.FirstOrDefaultAsync(
            s => s.ConversationKey == conversationKey && s.Filter == filter && s.Team == wantedTeam, ct);
        if (existing is not null) return existing;
        var subscription = new Subscription(actor.TenantId, conversationKey, filter, wantedTeam, actor.UserObjectId, clock.GetUtcNow());
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>Removing a channel's subscriptions is, like making them, for admins and managers.</summary>
    public async Task<int> UnsubscribeAsync(Actor actor, string conversationKey, SubscriptionFilter? filter = null, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await EnsureMayManageAsync(db, actor, conversationKey, ct);
        return await db.Subscriptions.Where(s => s.ConversationKey == conversationKey && (filter == null || s.Filter == filter))
            .ExecuteDeleteAsync(ct);
    }

    private async Task EnsureMayManageAsync(CrmDbContext db, Actor actor, string conversationKey, CancellationToken ct)
    {
        if (!await IsOwnPersonalChatAsync(db, actor, conversationKey, ct) && !await IsAdminOrManagerAsync(db, actor, ct))
        {
            throw new DomainException(new DomainError("channel_subscription_managers_only"));
        }
    }

    private static Task<bool> IsOwnPersonalChatAsync(CrmDbContext db, Actor actor, string conversationKey, CancellationToken ct) =>
        db.ConversationReferences.AnyAsync(r => r.ConversationId == conversationKey && r.UserObjectId == actor.UserObjectId
            && (r.ConversationType == null || r.ConversationType == "personal"), ct);

    private async Task<bool> IsAdminOrManagerAsync(CrmDbContext db, Actor actor, CancellationToken ct) =>
        await admins.IsAdminAsync(actor, roles: null, ct)
        || await db.Users.AnyAsync(u => u.ManagerObjectId == actor.UserObjectId, ct);

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(string tenantId, string conversationKey, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.Subscriptions.AsNoTracking().Where(s => s.ConversationKey == conversationKey).ToListAsync(ct);
    }

    public async Task MuteAsync(Actor actor, Guid opportunityId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        if (await db.Mutes.AnyAsync(m => m.UserObjectId == actor.UserObjectId && m.OpportunityId == opportunityId, ct)) return;
        db.Mutes.Add(new Mute(actor.TenantId, actor.UserObjectId, opportunityId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Muted twice at once: one mute is what was asked for.
            if (!await IsMutedAsync(actor, opportunityId, ct)) throw;
        }
    }

    public async Task UnmuteAsync(Actor actor, Guid opportunityId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await db.Mutes.Where(m => m.UserObjectId == actor.UserObjectId && m.OpportunityId == opportunityId).ExecuteDeleteAsync(ct);
    }

    public async Task<bool> IsMutedAsync(Actor actor, Guid opportunityId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        return await db.Mutes.AnyAsync(m => m.UserObjectId == actor.UserObjectId && m.OpportunityId == opportunityId, ct);
    }

    /// <summary>Quiet hours in the rep's own time zone, e.g. 20:00–07:00; null ends turn them off.</summary>
    public Task SetQuietHoursAsync(Actor actor, TimeOnly? from, TimeOnly? until, CancellationToken ct = default) =>
        ChangeSettingsAsync(actor, s => s.SetQuietHours(from, until), ct);

    public Task SetDigestTimeAsync(Actor actor, TimeOnly at, CancellationToken ct = default) =>
        ChangeSettingsAsync(actor, s => s.SetDigestTime(at), ct);

    private async Task ChangeSettingsAsync(Actor actor, Action<NotificationSettings> change, CancellationToken ct)
    {
        await using var db = database.Open(actor.TenantId);
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserObjectId == actor.UserObjectId, ct);
        if (settings is null)
        {
            settings = new NotificationSettings(actor.TenantId, actor.UserObjectId);
            db.NotificationSettings.Add(settings);
        }
        change(settings);
        await db.SaveChangesAsync(ct);
    }
}

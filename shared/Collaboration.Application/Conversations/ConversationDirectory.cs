using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Conversations;

/// <summary>Remembers the conversations the bot may write to later, one row per (tenant, conversation).</summary>
public sealed class ConversationDirectory(ICrmDatabase database, TimeProvider clock)
{
    public async Task RememberAsync(string tenantId, string conversationId, ConversationAddress address, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Open(tenantId);
            var record = await db.ConversationReferences.FirstOrDefaultAsync(r => r.ConversationId == conversationId, ct);
            if (record is null)
            {
                db.ConversationReferences.Add(new ConversationReferenceRecord(tenantId, conversationId, address, clock.GetUtcNow()));
            }
            else
            {
                record.Apply(address, clock.GetUtcNow());
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two first messages raced to create the row: the other one won, update theirs.
            }
        }
    }

    public async Task ForgetAsync(string tenantId, string conversationId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var record = await db.ConversationReferences.FirstOrDefaultAsync(r => r.ConversationId == conversationId, ct);
        if (record is null) return;
        record.Deactivate(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<ConversationReferenceRecord?> FindAsync(string tenantId, string conversationId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == conversationId, ct);
    }

    /// <summary>The rep's active personal conversations, newest first: where a proactive note to them goes.</summary>
    public async Task<IReadOnlyList<ConversationReferenceRecord>> ForUserAsync(string tenantId, string userObjectId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await db.ConversationReferences.AsNoTracking()
            .Where(r => r.UserObjectId == userObjectId && r.IsActive)
            .OrderByDescending(r => r.UpdatedAt)
            .ToListAsync(ct);
    }
    /// <summary>
    /// The rep's personal conversation with the bot: the newest active one, else the newest deactivated one (so a
    /// caller can tell "blocked" from "never talked"); null when there is none.
    /// </summary>
    public async Task<ConversationReferenceRecord?> PersonalAsync(string tenantId, string userObjectId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var records = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.UserObjectId == userObjectId && (r.ConversationType == null || r.ConversationType == "personal"))
            .ToListAsync(ct);
        return records.OrderByDescending(r => r.IsActive).ThenByDescending(r => r.UpdatedAt).FirstOrDefault();
    }

    /// <summary>The newest active conversation of the tenant that names the bot: where its service URL and bot id come from.</summary>
    public async Task<ConversationReferenceRecord?> AnyActiveAsync(string tenantId, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return (await db.ConversationReferences.AsNoTracking().Where(r => r.IsActive && r.BotId != null).ToListAsync(ct))
            .OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
    }
}

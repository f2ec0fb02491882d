using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Conversations;

/// <summary>
/// Where the bot last posted a quote's card in answer to a rep (a Teams message it may update): when the manager decides,
/// that very card is updated in place instead of a new one being posted. One row per quote; the newest post wins.
/// </summary>
public sealed class QuoteCardMessage
{
    public const int MaxIdLength = 512;

    private QuoteCardMessage() { }

    public QuoteCardMessage(string tenantId, Guid opportunityId, int quoteNumber, PostedMessage posted, DateTimeOffset at)
    {
        TenantId = tenantId;
        OpportunityId = opportunityId;
        QuoteNumber = quoteNumber;
        Move(posted, at);
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public int QuoteNumber { get; private set; }
    public string ServiceUrl { get; private set; } = "";
    public string ConversationId { get; private set; } = "";
    public string? ConversationType { get; private set; }
    public string? BotId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public DateTimeOffset PostedAt { get; private set; }

    public PostedMessage Posted => new(ServiceUrl, ConversationId, ConversationType, BotId, ActivityId);

    public void Move(PostedMessage posted, DateTimeOffset at)
    {
        (ServiceUrl, ConversationId, ConversationType, BotId, ActivityId) = (posted.ServiceUrl, posted.ConversationId, posted.ConversationType, posted.BotId, posted.ActivityId);
        PostedAt = at;
    }
}

/// <summary>A message the bot posted in a conversation: what the Connector needs to update it.</summary>
public sealed record PostedMessage(string ServiceUrl, string ConversationId, string? ConversationType, string? BotId, string ActivityId)
{
    /// <summary>Ids and URLs come from Teams; ones longer than the columns hold are not remembered at all.</summary>
    public bool IsStorable => ServiceUrl.Length is > 0 and <= 500 && ConversationId.Length is > 0 and <= QuoteCardMessage.MaxIdLength
        && ActivityId.Length is > 0 and <= QuoteCardMessage.MaxIdLength && (BotId?.Length ?? 0) <= 200 && (ConversationType?.Length ?? 0) <= 20;
}

public sealed class QuoteCardMessages(ICrmDatabase database, TimeProvider clock)
{
    public async Task RememberAsync(string tenantId, Guid opportunityId, int quoteNumber, PostedMessage posted, CancellationToken ct = default)
    {
        if (!posted.IsStorable) return;
        await using var db = database.Open(tenantId);
        var row = await db.QuoteCardMessages.FirstOrDefaultAsync(m => m.OpportunityId == opportunityId && m.QuoteNumber == quoteNumber, ct);
        if (row is null) db.QuoteCardMessages.Add(new QuoteCardMessage(tenantId, opportunityId, quoteNumber, posted, clock.GetUtcNow()));
        else row.Move(posted, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two posts of the same quote's card at once: one of them is remembered, which is all that is needed.
        }
    }

    public async Task<PostedMessage?> FindAsync(string tenantId, Guid opportunityId, int quoteNumber, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        var row = await db.QuoteCardMessages.AsNoTracking().FirstOrDefaultAsync(m => m.OpportunityId == opportunityId && m.QuoteNumber == quoteNumber, ct);
        return row?.Posted;
    }
}

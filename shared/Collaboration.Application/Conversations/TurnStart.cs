using Collaboration.Application.Persistence;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Conversations;

/// <summary>
/// What a typed Teams turn needs before it can read the rep's words: the tenant's pipeline (stage names), the time zone
/// the rep stored (dates) and whether the bot already knows this conversation at this address (proactive messages).
/// </summary>
public sealed record TurnStart(PipelineSettings Pipeline, string? StoredTimeZone, bool ConversationKnownAtAddress);

/// <summary>
/// Reads <see cref="TurnStart"/> in one statement: three reads of a few bytes each were three statements (and three
/// query compilations) on every message, more than the deals the rep asked for.
/// </summary>
public sealed class TurnStartQuery(ICrmDatabase database)
{
    private sealed record Row(PipelineSettings Pipeline, string? TimeZone, bool? ConversationActive, string? ConversationServiceUrl);

    private static readonly PerProvider<Func<CrmDbContext, string, string, CancellationToken, Task<Row?>>> Read = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string userObjectId, string conversationId, CancellationToken ct) => db.Tenants.AsNoTracking()
            .Select(t => new Row(
                t.Pipeline,
                db.Users.Where(u => u.ObjectId == userObjectId).Select(u => u.TimeZone).FirstOrDefault(),
                db.ConversationReferences.Where(r => r.ConversationId == conversationId).Select(r => (bool?)r.IsActive).FirstOrDefault(),
                db.ConversationReferences.Where(r => r.ConversationId == conversationId).Select(r => r.ServiceUrl).FirstOrDefault()))
            .FirstOrDefault()));

    public async Task<TurnStart> ReadAsync(Actor actor, string? conversationId, string? serviceUrl, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var row = await Read.For(db)(db, actor.UserObjectId, conversationId ?? "", ct);
        if (row is null) return new TurnStart(PipelineSettings.Default, null, false);
        var known = row.ConversationActive == true && !string.IsNullOrEmpty(serviceUrl) && row.ConversationServiceUrl == serviceUrl;
        return new TurnStart(row.Pipeline ?? PipelineSettings.Default, row.TimeZone, known);
    }
}

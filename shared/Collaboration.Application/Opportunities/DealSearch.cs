using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Opportunities;

/// <summary>
/// Finds deals to share from anywhere a rep types (Teams' message extension): by a few words of the name or account
/// among the deals the rep may see (the same rule as every other deal query), or, with no words, the rep's own most
/// recently changed deals. The words and the number of results are bounded, whatever the caller asks for.
/// </summary>
public sealed class DealSearch(ICrmDatabase database)
{
    /// <summary>Characters of the search text read; the rest is ignored.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Results one search returns at most.</summary>
    public const int MaxResults = 10;

    public async Task<IReadOnlyList<DealSummary>> SearchAsync(Actor actor, string? text, int limit = MaxResults, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxResults);
        var words = Bound(text);
        await using var db = database.Open(actor.TenantId);
        if (words.Length == 0) return await RecentAsync(db, actor, limit, ct);

        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var candidates = await db.Opportunities.AsNoTracking()
            .Where(o => visible.Contains(o.OwnerId))
            .Select(o => new DealCandidate(o.Id, o.Name,
                db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault(),
                o.Stage != Stage.Won && o.Stage != Stage.Lost))
            .ToListAsync(ct);
        var ranked = DealNameMatcher.Rank(words, candidates, limit);
        if (ranked.Count == 0) return [];

        var ids = ranked.Select(c => c.Id).ToList();
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { Deal = o, AccountName = db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault() })
            .ToListAsync(ct);
        var byId = rows.ToDictionary(r => r.Deal.Id, r => OpportunityQueries.Summarize(r.Deal, r.AccountName));
        return ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    /// <summary>The search text as read: trimmed and cut to <see cref="MaxQueryLength"/> characters (never inside a surrogate pair).</summary>
    public static string Bound(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length <= MaxQueryLength) return trimmed;
        var end = char.IsHighSurrogate(trimmed[MaxQueryLength - 1]) ? MaxQueryLength - 1 : MaxQueryLength;
        return trimmed[..end].Trim();
    }

    private static async Task<IReadOnlyList<DealSummary>> RecentAsync(CrmDbContext db, Actor actor, int limit, CancellationToken ct)
    {
        var rows = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == actor.UserObjectId)
            .OrderByDescending(o => o.UpdatedAt)
            .Take(limit)
            .Select(o => new { Deal = o, AccountName = db.Accounts.Where(a => a.Id == o.AccountId).Select(a => a.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => OpportunityQueries.Summarize(r.Deal, r.AccountName)).ToList();
    }
}

using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Reviews;

/// <summary>One closed deal's review as a search result.</summary>
public sealed record ReviewHit(
    Guid DealId, string DealName, string OwnerId, Stage Outcome, decimal? Amount, string Currency, DateTimeOffset? ClosedAt,
    string? LossReason, IReadOnlyList<string> Factors, string? Competitor, string? Lessons, DateTimeOffset RecordedAt);

/// <summary>
/// Finds recorded win/loss reviews by their words: every term must appear (case-insensitively) in the review's factors,
/// lessons or competitor, the deal's loss reason or its name; a competitor filter must match the review's (or the deal's)
/// competitor. Only closed deals whose owner the actor may see are searched, newest review first.
/// </summary>
/// <remarks>
/// Reviews are stored as JSON on the deal, which neither provider searches portably, so the visible reviewed deals are
/// read and matched in memory; a tenant's reviewed deals are few (one per closed deal at most).
/// </remarks>
public sealed class ReviewSearch(ICrmDatabase database)
{
    public async Task<IReadOnlyList<ReviewHit>> SearchAsync(Actor actor, string? text, string? competitor = null, int limit = 10, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var owners = (await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct)).ToList();
        var reviewed = await db.Opportunities.AsNoTracking()
            .Where(o => owners.Contains(o.OwnerId) && o.Review != null && (o.Stage == Stage.Won || o.Stage == Stage.Lost))
            .ToListAsync(ct);
        var terms = (text ?? "").Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rival = string.IsNullOrWhiteSpace(competitor) ? null : competitor.Trim();
        return reviewed
            .Where(o => rival is null || Contains(o.Review!.Competitor, rival) || Contains(o.Competitor, rival))
            .Where(o => terms.All(term => Haystack(o).Any(field => Contains(field, term))))
            .OrderByDescending(o => o.Review!.RecordedAt).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(o => new ReviewHit(o.Id, o.Name, o.OwnerId, o.Stage, o.Amount, o.Currency, o.ClosedAt, o.LossReason,
                o.Review!.Factors, o.Review.Competitor ?? o.Competitor, o.Review.Lessons, o.Review.RecordedAt))
            .ToList();
    }

    private static IEnumerable<string?> Haystack(Opportunity deal) =>
        deal.Review!.Factors.Append(deal.Review.Lessons).Append(deal.Review.Competitor).Append(deal.Competitor).Append(deal.LossReason).Append(deal.Name);

    private static bool Contains(string? field, string term) =>
        field is not null && field.Contains(term, StringComparison.CurrentCultureIgnoreCase);
}

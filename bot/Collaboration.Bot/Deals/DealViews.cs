using Collaboration.Application;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;

namespace Collaboration.Bot.Deals;

/// <summary>What a deal card shows, read for the rep: the deal, its newest timeline entries in the rep's language, and its payments and deliveries.</summary>
public sealed class DealViews(OpportunityQueries queries, DealTimeline timeline)
{
    public async Task<DealView> LoadAsync(Actor actor, Guid id, CancellationToken ct) =>
        await WithRecentAsync(actor, await queries.DetailAsync(actor, id, 20, ct), ct);

    public async Task<DealView> WithRecentAsync(Actor actor, DealDetail detail, CancellationToken ct)
    {
        var recent = await timeline.RecentAsync(actor, detail, DealCards.RecentEntries, ct);
        return DealView.From(detail) with { Recent = recent.Timeline, Milestones = recent.Milestones };
    }

    /// <summary>The newest entries for the Timeline card; one more than it lists, so it can say there are more.</summary>
    public Task<IReadOnlyList<DealTimelineEntry>> TimelineAsync(Actor actor, Guid id, CancellationToken ct) =>
        timeline.ForAsync(actor, id, DealCards.TimelineEntries + 1, ct);
}

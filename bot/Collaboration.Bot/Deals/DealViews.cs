using Collaboration.Application;
using Collaboration.Application.Contracts;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;

namespace Collaboration.Bot.Deals;

/// <summary>What a deal card shows, read for the rep: the deal, its newest timeline entries in the rep's language, and its payments and deliveries.</summary>
public sealed class DealViews(OpportunityQueries queries, DealTimeline timeline, ContractService contracts)
{
    public async Task<DealView> LoadAsync(Actor actor, Guid id, CancellationToken ct) =>
        await WithRecentAsync(actor, await queries.DetailAsync(actor, id, 20, ct), ct);

    public async Task<DealView> WithRecentAsync(Actor actor, DealDetail detail, CancellationToken ct) =>
        DealView.From(detail) with
        {
            Recent = await timeline.ForAsync(actor, detail, DealCards.RecentEntries, ct),
            Milestones = await contracts.MilestonesAsync(actor, detail, ct),
        };

    /// <summary>The newest entries for the Timeline card; one more than it lists, so it can say there are more.</summary>
    public Task<IReadOnlyList<DealTimelineEntry>> TimelineAsync(Actor actor, Guid id, CancellationToken ct) =>
        timeline.ForAsync(actor, id, DealCards.TimelineEntries + 1, ct);
}

using Collaboration.Application;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;

namespace Collaboration.Bot.Reports;

/// <summary>The Review phase: reports over the deals the rep may see, win/loss reviews recorded from the prompt, and searched.</summary>
public sealed class ReportHandler(
    PipelineReports reports,
    ReportAudience audience,
    ReviewSearch reviewSearch,
    OpportunityService deals,
    OpportunityQueries queries,
    TimeProvider clock)
{
    public async Task<BotReply> ReportAsync(ReportCommand command, BotTurn turn, CancellationToken ct)
    {
        var (actor, context) = (turn.Actor, turn.Context);
        var now = clock.GetUtcNow();
        var (from, to) = ReportWords.Range(command.Period, DateOnly.FromDateTime(now.UtcDateTime));
        var filter = new ReportFilter(from, to)
        {
            AsOf = now,
            OwnerIds = command.Scope == ReportScope.Mine ? [actor.UserObjectId] : null,
        };
        var heading = new ReportHeading(command.Period, command.Scope, from, to);
        return BotReply.Of(command.Kind switch
        {
            ReportKind.Pipeline => ReportCards.Pipeline(await reports.ConversionAsync(actor, filter, ct), await queries.PipelineAsync(actor, ct), heading, context),
            ReportKind.Forecast => ReportCards.Forecast(await reports.ForecastAsync(actor, filter, ct), heading, context),
            ReportKind.WinRate => ReportCards.WinRate(await reports.WinRateAsync(actor, filter with { GroupBy = ReportDimensions.Owner }, ct), await NamesAsync(actor, ct), heading, context),
            _ => ReportCards.LossReasons(await reports.LossReasonsAsync(actor, filter, ct), heading, context),
        });
    }

    public async Task<BotReply> SearchReviewsAsync(ReviewSearchCommand search, BotTurn turn, CancellationToken ct)
    {
        var hits = await reviewSearch.SearchAsync(turn.Actor, search.Text, search.Competitor, 10, ct);
        return BotReply.Of(ReportCards.Reviews(hits, search.Text, search.Competitor, await NamesAsync(turn.Actor, ct), turn.Context));
    }

    /// <summary>Records the review from the prompt; the saved review replaces the prompt card.</summary>
    public async Task<BotReply> RecordReviewAsync(RecordReviewCommand command, BotTurn turn, CancellationToken ct)
    {
        var deal = (await deals.RecordReviewAsync(turn.Actor, command.DealId, command.Factors, command.Competitor, command.Lessons, ct)).Deal;
        var review = deal.Review!;
        var hit = new ReviewHit(deal.Id, deal.Name, deal.OwnerId, deal.Stage, deal.Amount, deal.Currency, deal.ClosedAt, deal.LossReason,
            review.Factors, review.Competitor, review.Lessons, review.RecordedAt);
        return new BotReply(ReportCards.ReviewSaved(hit, turn.Context), [], true);
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(Actor actor, CancellationToken ct) =>
        (await audience.VisiblePeopleAsync(actor, ct)).ToDictionary(p => p.ObjectId, p => p.DisplayName);
}

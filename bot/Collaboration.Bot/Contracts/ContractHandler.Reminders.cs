using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Contracts;

namespace Collaboration.Bot.Contracts;

public sealed partial class ContractHandler
{
    /// <summary>
    /// The "Paid" / "Delivered" button of an overdue milestone's reminder. Marking a payment received does not depend on
    /// what else changed on the deal since the reminder was drawn, so a newer deal version does not stop it; a milestone
    /// done meanwhile is said to be done (and not marked again), one gone or on a deal the rep no longer sees is not found.
    /// The answer replaces the reminders with those still due.
    /// </summary>
    public async Task<BotReply> MarkDoneAsync(MilestoneDoneCommand command, BotTurn turn, CancellationToken ct)
    {
        var (actor, locale) = (turn.Actor, turn.Locale);
        var milestones = await contracts.MilestonesAsync(actor, command.DealId, ct);
        if (milestones.FirstOrDefault(m => m.Id == command.MilestoneId) is not { } milestone) return BotReply.Of(RefusalCards.NotFound(turn.Context));
        var deal = (await queries.DetailAsync(actor, command.DealId, 1, ct)).Deal;
        var name = CardText.Markdown(deal.Name);
        string notice;
        if (milestone.Kind == MilestoneKind.Payment)
        {
            notice = milestone.PaidOn is { } paidOn
                ? BotTexts.T("milestones.already_paid", locale, ("amount", Amount(milestone, locale)), ("name", name), ("date", BotTexts.Date(paidOn, locale)))
                : BotTexts.T("milestones.done_paid", locale, ("amount", Amount(await contracts.MarkDoneAsync(actor, command.DealId, milestone.Id, ct), locale)), ("name", name));
        }
        else
        {
            notice = milestone.DeliveredOn is { } deliveredOn
                ? BotTexts.T("milestones.already_delivered", locale, ("name", name), ("date", BotTexts.Date(deliveredOn, locale)))
                : BotTexts.T("milestones.done_delivered", locale, ("name", name), ("date", BotTexts.Date((await contracts.MarkDoneAsync(actor, command.DealId, milestone.Id, ct)).DeliveredOn, locale)));
        }
        return new BotReply(NotificationCards.Reminders(await nurture.DueAsync(actor, ct), await queries.PipelineAsync(actor, ct), turn.Context, notice: notice), [], Changed: true);
    }
}

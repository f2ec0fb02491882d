using Collaboration.Application.Capture;
using Collaboration.Application.Nurture;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;

namespace Collaboration.Bot.Reminders;

/// <summary>
/// The reminders due on the rep's deals, and a click on one (on the reminders card or a notification): it is done,
/// and the answer is the reminders still due (the clicked card is replaced), or the deal card when a notification
/// carried it. Clicks that change the deal are checked against the version the card carries, as a deal card's are:
/// on an older (or missing) version nothing is applied. A snooze or a plan step marked done changes no deal and is never stale.
/// </summary>
public sealed class ReminderHandler(OpportunityService deals, OpportunityQueries queries, NurtureService nurture, StaleCard stale, DealViews views)
{
    public async Task<BotReply> ListAsync(BotTurn turn, CancellationToken ct) =>
        BotReply.Of(NotificationCards.Reminders(await nurture.DueAsync(turn.Actor, ct), await queries.PipelineAsync(turn.Actor, ct), turn.Context));

    public async Task<BotReply> RunAsync(ReminderCommand command, BotTurn turn, CancellationToken ct)
    {
        var (actor, context, id) = (turn.Actor, turn.Context, command.DealId);
        var changesDeal = command is not (SnoozeReminderCommand or PlanStepDoneReminderCommand);
        var current = await queries.DetailAsync(actor, id, 50, ct);
        if (changesDeal && current.Deal.Version != command.Version)
        {
            return await stale.ReplyAsync(actor, current, command.RenderedAt, null, command.Version, context, ct);
        }
        string notice;
        var isError = false;
        try
        {
            (notice, isError) = await DoAsync(command, current, changesDeal ? command.Version : null, turn, ct);
        }
        catch (ConcurrencyConflictException)
        {
            // Changed between the check above and the write.
            return await stale.ReplyAsync(actor, await queries.DetailAsync(actor, id, 50, ct), command.RenderedAt, null, command.Version, context, ct);
        }
        catch (DomainException refused) when (refused is not NotFoundException)
        {
            (notice, isError) = (RefusalCards.Describe(refused.Error, turn.Locale), true);
        }
        if (command.AnswerWithDeal)
        {
            var view = await views.LoadAsync(actor, id, ct);
            return new BotReply(DealCards.Deal(view, context, new DealCardNotes(notice, isError)), [], Changed: true);
        }
        return new BotReply(NotificationCards.Reminders(await nurture.DueAsync(actor, ct), await queries.PipelineAsync(actor, ct), context,
            notice: notice, noticeIsError: isError), [], Changed: true);
    }

    private async Task<(string Notice, bool IsError)> DoAsync(ReminderCommand command, DealDetail current, int? expected, BotTurn turn, CancellationToken ct)
    {
        var (actor, locale, id) = (turn.Actor, turn.Locale, command.DealId);
        var name = CardText.Markdown(current.Deal.Name);
        switch (command)
        {
            case TouchReminderCommand:
                await deals.LogInteractionAsync(actor, id, new InteractionInput(InteractionKind.Note, BotTexts.T("reminder.touch_text", locale), Direction.Outbound), ct);
                return (BotTexts.T("reminder.done.touch", locale, ("name", name)), false);
            case SnoozeReminderCommand snooze:
                var until = await nurture.SnoozeAsync(actor, id, snooze.Rule, snooze.Length, ct);
                return (BotTexts.T("reminder.done.snooze", locale, ("name", name), ("until", BotTexts.When(until, locale))), false);
            case PlanStepDoneReminderCommand { Step: { } step }:
                var plan = await nurture.CompletePlanStepAsync(actor, id, step, ct);
                return (BotTexts.T("reminder.done.step", locale, ("step", step.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("plan", CardText.Markdown(plan.PlanName)), ("name", name)), false);
            case PlanStepDoneReminderCommand:
                throw new DomainException(DomainError.Of("plan_step_unknown", ("step", "?"), ("count", "?")));
            case FollowUpReminderCommand { On: null }:
                return (BotTexts.T("reminder.need_date", locale), true);
            case FollowUpReminderCommand { On: { } on }:
                await deals.UpdateDetailsAsync(actor, id, expected, new OpportunityService.DealDetailsUpdate(NextFollowUpOn: on), ct);
                return (BotTexts.T("reminder.done.followup", locale, ("name", name), ("date", BotTexts.Date(on, locale))), false);
            case MoveReminderCommand move:
                var target = move.Target ?? throw new DomainException(new DomainError("unknown_stage"));
                var moved = await deals.MoveStageAsync(actor, id, expected, target, ct: ct);
                return (BotTexts.T("reminder.done.move", locale, ("name", name),
                    ("stage", CardText.Markdown(current.Pipeline.For(moved.Deal.Stage).DisplayName(locale)))), false);
            default:
                throw new InvalidOperationException($"{command.GetType().Name} is not a reminder action.");
        }
    }
}

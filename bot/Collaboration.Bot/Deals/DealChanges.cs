using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Nurture;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

using DealDetailsUpdate = Collaboration.Application.Opportunities.OpportunityService.DealDetailsUpdate;

namespace Collaboration.Bot.Deals;

/// <summary>
/// One change to a deal, typed or clicked. A click is applied only to the version its card was drawn from: on any
/// other the rep gets the fresh card and what changed since. The answer is the deal card, and the prompts the use
/// case says are due (qualification, or the owner's review after a close); a refusal is a note on the deal card.
/// </summary>
public sealed class DealChanges(OpportunityService deals, NurtureService nurture, OpportunityQueries queries, StaleCard stale, DealViews views)
{
    public async Task<BotReply> ApplyAsync(DealCommand command, Guid id, BotTurn turn, CancellationToken ct)
    {
        var (actor, context) = (turn.Actor, turn.Context);
        var drawn = command.Drawn;
        // A click on a card that carries its version, for a change the use case checks against that version: nothing
        // needs reading first (a stale card fails as a conflict, answered below like a version seen here).
        var before = drawn is not null && IsVersionChecked(command) ? null : await queries.DetailAsync(actor, id, drawn is null ? 20 : 50, ct);
        if (drawn is not null && before is not null && before.Deal.Version != drawn.Version)
        {
            return await stale.ReplyAsync(actor, before, drawn.RenderedAt, drawn.Score, drawn.Version, context, ct);
        }
        try
        {
            var (done, outcome) = await ChangeAsync(command, id, drawn?.Version, before, turn, ct)
                ?? await EditAsync(command, id, drawn?.Version ?? before!.Deal.Version, turn, ct);
            // The saved aggregate draws the card; only its recent timeline is read again (it has the change just made).
            var detail = outcome is null ? null
                : before is not null && queries.AfterSave(before, outcome.Deal) is { } after ? after
                : await queries.AfterChangeAsync(actor, outcome, ct: ct);
            var view = detail is null ? await views.LoadAsync(actor, id, ct) : await views.WithRecentAsync(actor, detail, ct);
            IReadOnlyList<JsonObject> followUps = outcome?.QualificationGaps.Count > 0 ? [DealCards.QualificationPrompt(view, context)] : [];
            IReadOnlyList<CardForUser>? forOthers = null;
            if (outcome is { ReviewFrom: { } owner, Deal: var deal })
            {
                JsonObject Prompt(CardContext c) => ReportCards.ReviewPrompt(deal.Id, deal.Name, deal.Stage == Stage.Won, deal.Competitor, c);
                if (owner == actor.UserObjectId) followUps = [Prompt(context)];
                else forOthers = [new CardForUser(owner, Prompt)];
            }
            return new BotReply(DealCards.Deal(view, context, new DealCardNotes(done)), followUps, true, forOthers);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await queries.DetailAsync(actor, id, 50, ct);
            return await stale.ReplyAsync(actor, current, drawn?.RenderedAt ?? before?.Deal.UpdatedAt, drawn?.Score ?? before?.Score.Total,
                drawn?.Version ?? before?.Deal.Version, context, ct);
        }
        catch (DomainException refused) when (refused is not NotFoundException)
        {
            var current = await views.LoadAsync(actor, id, ct);
            Stage? gated = refused.Error.Code == "bant_below_threshold" ? IntendedStage(command, before?.Deal.Stage ?? current.Stage) : null;
            return BotReply.Of(DealCards.Deal(current, context, new DealCardNotes(RefusalCards.Describe(refused.Error, turn.Locale), true, null, gated)));
        }
    }

    /// <summary>Changes whose use case refuses any version but the expected one, and needs nothing read before it.</summary>
    private static bool IsVersionChecked(DealCommand command) => command is MoveDealCommand or QualifyDealCommand or WonCommand or LostCommand;

    /// <summary>The stage a command aims for: a move's target, Won, or else the next stage ("advance", and what a gate offers to override to).</summary>
    private static Stage? IntendedStage(DealCommand command, Stage current) => command switch
    {
        MoveDealCommand move => move.Target,
        WonCommand => Stage.Won,
        _ => current.Next(),
    };

    /// <summary>Does the change; returns what to tell the rep, and the use case's outcome (none for a logged touch).</summary>
    private async Task<(string Done, DealOutcome? Outcome)?> ChangeAsync(DealCommand command, Guid id, int? expected, DealDetail? before, BotTurn turn, CancellationToken ct)
    {
        var (actor, locale) = (turn.Actor, turn.Locale);
        switch (command)
        {
            case AdvanceDealCommand:
                var next = IntendedStage(command, before!.Deal.Stage) ?? throw Refusal("no_next_stage");
                return Moved(await deals.MoveStageAsync(actor, id, expected, next, ct: ct));
            case MoveDealCommand move:
                var target = move.Target ?? throw Refusal("unknown_stage");
                return Moved(await deals.MoveStageAsync(actor, id, expected, target, move.OverrideReason, ct: ct));
            case QualifyDealCommand qualify:
                return (BotTexts.T("done.qualified", locale), await deals.UpdateQualificationAsync(actor, id, expected, qualify.Update, ct));
            case LogInteractionCommand log:
                if (string.IsNullOrWhiteSpace(log.Text)) throw Refusal("log_text_required");
                var logged = await deals.LogInteractionAsync(actor, id, new InteractionInput(log.Kind, log.Text, Direction.Outbound), ct);
                return (logged.AlreadyLogged ? BotTexts.T("done.already_logged", locale) : BotTexts.T("done.logged", locale, ("kind", BotTexts.Kind(log.Kind, locale))), null);
            case WonCommand won:
                return (BotTexts.T("done.won", locale), await deals.CloseWonAsync(actor, id, expected, won.Amount, won.CloseDate, ct: ct));
            case LostCommand lost:
                return (BotTexts.T("done.lost", locale), await deals.CloseLostAsync(actor, id, expected, lost.Reason, lost.Competitor, ct));
            default:
                return null;
        }

        (string, DealOutcome?) Moved(DealOutcome moved) => (moved.Deal.Stage switch
        {
            Stage.Won => BotTexts.T("done.won", locale),
            Stage.Lost => BotTexts.T("done.lost", locale),
            _ => BotTexts.T("done.moved", locale, ("stage", CardText.Markdown(moved.Pipeline.For(moved.Deal.Stage).DisplayName(locale)))),
        }, moved);
    }

    /// <summary>
    /// One edit of the deal's details (typed, or the card's Edit form with several), reopen or follow-up plan: always
    /// against <paramref name="expected"/>, so an edit made meanwhile by someone else is never overwritten.
    /// </summary>
    private async Task<(string Done, DealOutcome? Outcome)> EditAsync(DealCommand command, Guid id, int expected, BotTurn turn, CancellationToken ct)
    {
        var (actor, locale) = (turn.Actor, turn.Locale);
        switch (command)
        {
            case ReopenDealCommand reopen:
                return (BotTexts.T("done.reopened", locale), await deals.ReopenAsync(actor, id, expected, reopen.Reason, ct));
            case StartFollowUpPlanCommand start:
                var started = await nurture.StartPlanAsync(actor, id, start.Plan, ct);
                return (BotTexts.T("done.plan_started", locale, ("plan", CardText.Markdown(started.PlanName))), null);
            case StopFollowUpPlanCommand:
                var stopped = await nurture.StopPlanAsync(actor, id, ct);
                return (BotTexts.T("done.plan_stopped", locale, ("plan", CardText.Markdown(stopped.PlanName))), null);
            case EditDealCommand form:
                var update = form.Edits.Aggregate(new DealDetailsUpdate(), (all, edit) => DealEdits.Merge(all, DealEdits.Of(edit, locale).Update));
                var edited = await deals.UpdateDetailsAsync(actor, id, expected, update, ct);
                return (BotTexts.T(edited.Deal.Version == expected ? "done.unchanged" : "done.edited", locale), edited);
            case AssignDealCommand { Assignee: { AadObjectId: null, UserId: { Length: > 0 } memberId } person } assign when turn.Members is { } members:
                // Teams sent the mention with its Teams id only: the conversation's member list knows the person's object id.
                var objectId = await members.AadObjectIdAsync(memberId, ct);
                return await DetailsAsync(objectId is null ? assign : assign with { Assignee = person with { AadObjectId = objectId } });
            default:
                return await DetailsAsync(command);
        }

        async Task<(string, DealOutcome?)> DetailsAsync(DealCommand edit)
        {
            var (done, details) = DealEdits.Of(edit, locale);
            return (done, await deals.UpdateDetailsAsync(actor, id, expected, details, ct));
        }
    }

    private static DomainException Refusal(string code) => new(new DomainError(code));
}

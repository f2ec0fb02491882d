using System.Globalization;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Quotes;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// Reads a card click into the same commands the rep's words become (<see cref="CommandParser"/>), so one table runs
/// both. A click that changes a deal carries the version its card was drawn from; without one it names no deal.
/// </summary>
public static class CardActionParser
{
    /// <param name="parseWords">How the rep's words are read: a pick list carries the command the rep typed.</param>
    public static async Task<BotCommand> ParseAsync(CardAction? action, Func<string, Task<BotCommand>> parseWords)
    {
        if (action is null) return new HelpCommand();
        if (QuoteVerbs.Parse(action) is { } quoteClick) return quoteClick;
        var verb = action.Verb;
        if (verb == NotifyVerbs.RetryParked)
        {
            return new RetryParkedCommand(long.TryParse(action.Get(NotifyVerbs.DeliveryId), NumberStyles.None, CultureInfo.InvariantCulture, out var delivery) ? delivery : null);
        }
        if (verb == NotificationCards.MilestoneDone)
        {
            return action.DealId is { } dealId
                ? new MilestoneDoneCommand(dealId, Guid.TryParse(action.Get(NotificationCards.MilestoneId), out var milestone) ? milestone : null, action.Version)
                : new MissingDealCommand();
        }
        var knownVerb = verb is CardVerbs.Show or CardVerbs.Pick or CardVerbs.Timeline or ReportCards.ReviewVerb or NotifyVerbs.Mute
            || NotifyVerbs.Reminder.Contains(verb) || CardVerbs.Changing.Contains(verb);
        if (!knownVerb) return new HelpCommand();
        if (action.DealId is not { } id) return new MissingDealCommand();

        switch (verb)
        {
            case CardVerbs.Show:
                return new ShowDealCommand("") { DealId = id };
            case CardVerbs.Timeline:
                return new ShowTimelineCommand("") { DealId = id };
            case CardVerbs.Pick:
                var typed = action.Get(CardData.Command) is { } text ? await parseWords(text) : null;
                return typed is DealCommand command ? command with { DealId = id } : new ShowDealCommand("") { DealId = id };
            case ReportCards.ReviewVerb:
                var factors = (action.Get(ReportCards.Factors) ?? "").Split(['\n', '\r', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return new RecordReviewCommand(id, factors, action.Get(ReportCards.Competitor), action.Get(ReportCards.Lessons));
            case NotifyVerbs.Mute:
                return new MuteDealCommand("", Mute: true) { DealId = id };
        }
        if (NotifyVerbs.Reminder.Contains(verb)) return Reminder(action, id);
        if (action.Version is not { } version) return new MissingDealCommand();
        return DealChange(action) with { DealId = id, Drawn = new DrawnCard(version, action.RenderedAt, action.Score) };
    }

    private static DealCommand DealChange(CardAction action) => action.Verb switch
    {
        CardVerbs.Advance => new AdvanceDealCommand(""),
        CardVerbs.Move => new MoveDealCommand("", StageOf(action.Get(CardData.Target) ?? action.Get(CardData.Stage)), action.Get(CardData.Target) ?? action.Get(CardData.Stage) ?? "")
        {
            OverrideReason = action.Get(CardData.OverrideReason) ?? action.Get(CardData.GateReason),
        },
        CardVerbs.Qualify => new QualifyDealCommand("", QualificationOf(action)),
        CardVerbs.Log => new LogInteractionCommand("", action.Enum<InteractionKind>(CardData.Kind) ?? InteractionKind.Note, action.Get(CardData.Text) ?? ""),
        CardVerbs.Won => new WonCommand("", AmountParser.TryParse(action.Get(CardData.WonAmount), out var amount) ? amount.Value : null)
        {
            CloseDate = DateParser.TryParse(action.Get(CardData.WonDate), out var date) ? date : null,
        },
        CardVerbs.Edit => EditFormParser.Parse(action),
        CardVerbs.Reopen => new ReopenDealCommand("", action.Get(CardData.ReopenReason)),
        _ => new LostCommand("", action.Get(CardData.LossReason), action.Get(CardData.Competitor)),
    };

    private static ReminderCommand Reminder(CardAction action, Guid id)
    {
        var (version, at, withDeal) = (action.Version, action.RenderedAt, action.Get(NotifyVerbs.Origin) == NotifyVerbs.FromDeal);
        return action.Verb switch
        {
            NotifyVerbs.Touch => new TouchReminderCommand(id, version, at, withDeal),
            NotifyVerbs.Snooze => new SnoozeReminderCommand(id, version, at, withDeal,
                action.Enum<ReminderRule>(NotifyVerbs.Rule) ?? ReminderRule.Untouched, action.Enum<SnoozeLength>(NotifyVerbs.Length) ?? SnoozeLength.Day),
            NotifyVerbs.StepDone => new PlanStepDoneReminderCommand(id, version, at, withDeal,
                int.TryParse(action.Get(NotifyVerbs.Step), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : null),
            NotifyVerbs.FollowUp => new FollowUpReminderCommand(id, version, at, withDeal,
                DateParser.TryParse(action.Get(action.Get(NotifyVerbs.DateInput) ?? NotifyVerbs.FollowUpOn), out var on) ? on : null),
            _ => new MoveReminderCommand(id, version, at, withDeal, StageOf(action.Get(action.Get(NotifyVerbs.StageInput) ?? CardData.Stage))),
        };
    }

    private static Stage? StageOf(string? key) => StageFacts.TryParseKey(key, out var stage) ? stage : null;

    private static BantUpdate QualificationOf(CardAction action)
    {
        var budget = AmountParser.TryParse(action.Get(CardData.BudgetAmount), out var amount) ? amount : null;
        var decisionMaker = action.Get(CardData.DecisionMaker);
        return new BantUpdate
        {
            BudgetAmount = budget?.Value,
            BudgetCurrency = budget?.Currency,
            BudgetStatus = action.Enum<BudgetStatus>(CardData.BudgetStatus),
            DecisionMakerName = decisionMaker,
            DecisionMakerKnown = decisionMaker is null ? null : true,
            Need = action.Enum<NeedLevel>(CardData.Need),
            Timeframe = action.Enum<Timeframe>(CardData.Timeline),
        };
    }
}

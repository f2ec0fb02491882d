using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Commands;

/// <summary>A click whose card names no deal it can be applied to (no id, or no version where one is needed): answered as not found.</summary>
public sealed record MissingDealCommand : BotCommand;

/// <summary>The review prompt's answer: what decided the deal, the competitor and the lessons.</summary>
public sealed record RecordReviewCommand(Guid DealId, IReadOnlyList<string> Factors, string? Competitor, string? Lessons) : BotCommand;

/// <summary>An admin puts a parked delivery back in the queue; null when the card carried no readable id.</summary>
public sealed record RetryParkedCommand(long? DeliveryId) : BotCommand;

/// <summary>
/// A click on a reminder (on the reminders card or a notification). Those that change the deal are checked against
/// <see cref="Version"/> (a missing version never matches); <see cref="AnswerWithDeal"/>: answer with the deal card,
/// not the reminders still due.
/// </summary>
public abstract record ReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal) : BotCommand;

public sealed record TouchReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal)
    : ReminderCommand(DealId, Version, RenderedAt, AnswerWithDeal);

/// <summary>Changes no deal, so it is never stale.</summary>
public sealed record SnoozeReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal, ReminderRule Rule, SnoozeLength Length)
    : ReminderCommand(DealId, Version, RenderedAt, AnswerWithDeal);

/// <summary><see cref="On"/> is null when the card's date input could not be read.</summary>
public sealed record FollowUpReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal, DateOnly? On)
    : ReminderCommand(DealId, Version, RenderedAt, AnswerWithDeal);

/// <summary><see cref="Target"/> is null when the card's stage input names no stage.</summary>
public sealed record MoveReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal, Stage? Target)
    : ReminderCommand(DealId, Version, RenderedAt, AnswerWithDeal);

/// <summary>The Done button of a follow-up plan step's reminder: marks step <see cref="Step"/> (1-based) done. Changes no deal, so it is never stale.</summary>
public sealed record PlanStepDoneReminderCommand(Guid DealId, int? Version, DateTimeOffset? RenderedAt, bool AnswerWithDeal, int? Step)
    : ReminderCommand(DealId, Version, RenderedAt, AnswerWithDeal);

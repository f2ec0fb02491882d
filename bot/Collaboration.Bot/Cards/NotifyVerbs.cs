using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>Verbs and values of the cards notifications and reminders carry.</summary>
public static class NotifyVerbs
{
    public const string Mute = "mute";
    public const string Touch = "reminder.touch";
    public const string Snooze = "reminder.snooze";
    public const string FollowUp = "reminder.followup";
    public const string MoveStage = "reminder.move";
    public const string StepDone = "reminder.step_done";

    public const string Rule = "rule";
    public const string Length = "length";
    public const string FollowUpOn = "followUpOn";
    public const string Step = "step";

    /// <summary>Which input of the card holds the date or the stage: each reminder has its own, as input ids must be unique.</summary>
    public const string DateInput = "dateInput";
    public const string StageInput = "stageInput";

    /// <summary>Set to <see cref="FromDeal"/> when a notification card (not the reminders) carries the action: the answer is the deal card.</summary>
    public const string Origin = "origin";
    public const string FromDeal = "deal";

    /// <summary>An admin puts a parked delivery back in the queue (<see cref="DeliveryId"/> names it).</summary>
    public const string RetryParked = "parked.retry";
    public const string DeliveryId = "deliveryId";

    public static readonly IReadOnlySet<string> Reminder = new HashSet<string> { Touch, Snooze, FollowUp, MoveStage, StepDone };
}

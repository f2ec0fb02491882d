using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Domain.Nurture;

namespace Collaboration.Bot.Cards;

/// <summary>An overdue payment or delivery among the reminders: what is overdue, and one click to say it is paid or delivered.</summary>
public static partial class NotificationCards
{
    /// <summary>The "Paid" / "Delivered" button: it names the milestone (<see cref="MilestoneId"/>) and carries the deal's version.</summary>
    public const string MilestoneDone = "milestone.done";
    public const string MilestoneId = "milestoneId";

    private static string ReminderLine(Reminder reminder, string locale)
    {
        var due = BotTexts.Date(reminder.DueOn, locale);
        if (reminder.Rule != ReminderRule.MilestoneOverdue) return BotTexts.T("reminder." + reminder.Rule, locale, ("due", due));
        var parts = (reminder.Detail ?? "").Split(':');
        return parts is ["payment", var amount, var currency] && decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? BotTexts.T("milestones.reminder_payment", locale, ("amount", BotTexts.Money(value, currency, locale)), ("due", due))
            : BotTexts.T("milestones.reminder_delivery", locale, ("due", due));
    }

    /// <summary>Paid (or Delivered), and the usual snoozes; a won deal has no stage to move nor follow-up to set.</summary>
    private static JsonArray MilestoneActions(Reminder reminder, Func<(string Key, string Value)[], JsonObject> data, string locale)
    {
        var actions = new JsonArray();
        if (reminder.MilestoneId is { } id)
        {
            var isPayment = reminder.Detail?.StartsWith("payment", StringComparison.Ordinal) == true;
            actions.Add(DealCards.Execute(BotTexts.T(isPayment ? "milestones.reminder_paid" : "milestones.reminder_delivered", locale), MilestoneDone,
                data([(MilestoneId, id.ToString())])));
        }
        actions.Add(DealCards.Execute(BotTexts.T("reminder.snooze_day", locale), NotifyVerbs.Snooze, data([(NotifyVerbs.Length, nameof(SnoozeLength.Day))])));
        actions.Add(DealCards.Execute(BotTexts.T("reminder.snooze_week", locale), NotifyVerbs.Snooze, data([(NotifyVerbs.Length, nameof(SnoozeLength.Week))])));
        return actions;
    }
}

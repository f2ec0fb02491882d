using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>What is due on the rep's deals, and the deliveries that could not be sent.</summary>
public static partial class NotificationCards
{
    public static JsonObject Reminders(IReadOnlyList<Reminder> reminders, PipelineSettings pipeline, CardContext context, DateTimeOffset? asOf = null,
        string? notice = null, bool noticeIsError = false)
    {
        var locale = context.Locale;
        var body = new JsonArray();
        if (notice is not null)
        {
            body.Add(DealCards.Container([DealCards.Text(notice, weight: "Bolder", color: noticeIsError ? "Attention" : "Good")], style: noticeIsError ? "attention" : "good"));
        }
        body.Add(DealCards.Text(BotTexts.T("reminders.title", locale, ("count", reminders.Count.ToString(CultureInfo.InvariantCulture))), size: "Medium", weight: "Bolder"));
        if (reminders.Count == 0)
        {
            body.Add(DealCards.Text(BotTexts.T("reminders.none", locale)));
            return DealCards.Card(body, []);
        }
        var index = 0;
        foreach (var reminder in reminders.Take(MaxReminders))
        {
            index++;
            var item = new JsonArray
            {
                DealCards.Text(CardText.Markdown(reminder.OpportunityName), weight: "Bolder"),
                DealCards.Text(ReminderLine(reminder, locale), isSubtle: true, spacing: "None"),
                new JsonObject { ["type"] = "ActionSet", ["actions"] = ReminderActions(reminder, index, pipeline, context, asOf ?? context.RenderedAt) },
            };
            var container = DealCards.Container(item);
            container["separator"] = true;
            body.Add(container);
        }
        if (reminders.Count > MaxReminders)
        {
            body.Add(DealCards.Text(BotTexts.T("reminders.more", locale, ("count", (reminders.Count - MaxReminders).ToString(CultureInfo.InvariantCulture))), isSubtle: true));
        }
        return DealCards.Card(body, []);
    }

    /// <summary>For admins: the deliveries that could not be sent, newest first, each with its error and a button to retry it.</summary>
    public static JsonObject Parked(IReadOnlyList<ParkedDelivery> parked, CardContext context, string? notice = null, bool noticeIsError = false)
    {
        var locale = context.Locale;
        var body = new JsonArray();
        if (notice is not null)
        {
            body.Add(DealCards.Container([DealCards.Text(notice, weight: "Bolder", color: noticeIsError ? "Attention" : "Good")], style: noticeIsError ? "attention" : "good"));
        }
        body.Add(DealCards.Text(BotTexts.T("parked.title", locale), size: "Medium", weight: "Bolder"));
        if (parked.Count == 0) body.Add(DealCards.Text(BotTexts.T("parked.none", locale)));
        foreach (var p in parked)
        {
            var id = p.Id.ToString(CultureInfo.InvariantCulture);
            var retry = DealCards.Execute(BotTexts.T("parked.retry", locale), NotifyVerbs.RetryParked, new JsonObject { [NotifyVerbs.DeliveryId] = id });
            var container = DealCards.Container(
            [
                DealCards.Text(BotTexts.T("parked.line", locale, ("id", id), ("kind", p.Kind.ToString()),
                    ("recipient", CardText.Markdown(p.Recipient)), ("attempts", p.Attempts.ToString(CultureInfo.InvariantCulture))), weight: "Bolder"),
                DealCards.Text(CardText.Markdown(p.LastError ?? "") + " · " + BotTexts.When(p.ParkedAt, locale), isSubtle: true, spacing: "None"),
                new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { retry } },
            ]);
            container["separator"] = true;
            body.Add(container);
        }
        return DealCards.Card(body, []);
    }

    private static JsonArray ReminderActions(Reminder reminder, int index, PipelineSettings pipeline, CardContext context, DateTimeOffset asOf)
    {
        var locale = context.Locale;
        var dateId = $"{NotifyVerbs.FollowUpOn}.{index}";
        var stageId = $"{CardData.Stage}.{index}";
        JsonObject Data(params (string Key, string Value)[] values)
        {
            var data = DealData(reminder.OpportunityId, reminder.OpportunityVersion, asOf);
            data[NotifyVerbs.Rule] = reminder.Rule.ToString();
            foreach (var (key, value) in values) data[key] = value;
            return data;
        }
        if (reminder.Rule == ReminderRule.MilestoneOverdue) return MilestoneActions(reminder, Data, locale);
        var date = new JsonObject
        {
            ["type"] = "Input.Date",
            ["id"] = dateId,
            ["label"] = BotTexts.T("reminder.followup_date", locale),
            ["value"] = context.RenderedAt.UtcDateTime.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["isRequired"] = true,
            ["errorMessage"] = BotTexts.T("reminder.need_date", locale),
        };
        var stageInput = StageInput(stageId, Stage.Proposal, null, pipeline, locale);
        var actions = new JsonArray();
        if (reminder is { Rule: ReminderRule.PlanStep, PlanStepNumber: { } step })
        {
            actions.Add(DealCards.Execute(BotTexts.T("reminder.step_done", locale), NotifyVerbs.StepDone,
                Data((NotifyVerbs.Step, step.ToString(CultureInfo.InvariantCulture)))));
        }
        JsonArray usual =
        [
            DealCards.Execute(BotTexts.T("reminder.touch", locale), NotifyVerbs.Touch, Data()),
            DealCards.Execute(BotTexts.T("reminder.snooze_day", locale), NotifyVerbs.Snooze, Data((NotifyVerbs.Length, nameof(SnoozeLength.Day)))),
            DealCards.Execute(BotTexts.T("reminder.snooze_week", locale), NotifyVerbs.Snooze, Data((NotifyVerbs.Length, nameof(SnoozeLength.Week)))),
            SubCard(BotTexts.T("reminder.followup", locale), [date], DealCards.Execute(BotTexts.T("action.save", locale), NotifyVerbs.FollowUp, Data((NotifyVerbs.DateInput, dateId)))),
            SubCard(BotTexts.T("reminder.move", locale), [stageInput], DealCards.Execute(BotTexts.T("action.move", locale), NotifyVerbs.MoveStage, Data((NotifyVerbs.StageInput, stageId)))),
        ];
        foreach (var action in usual) actions.Add(action!.DeepClone());
        return actions;
    }

    private static JsonObject SubCard(string title, JsonArray body, JsonObject action) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body, ["actions"] = new JsonArray { action } },
    };

    /// <summary>
    /// The deal's actions on a notification: open it (the full deal card, with every action), and for the owner log a
    /// touch, move the stage (the same inputs as a reminder's) and mute it. They carry the deal's version the message
    /// describes and the time of the change, as a deal card carries the version it was drawn from: a click after a later
    /// change is answered with the fresh deal card and what changed since, and is not applied.
    /// </summary>
}

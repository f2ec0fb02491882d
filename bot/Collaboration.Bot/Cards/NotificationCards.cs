using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>
/// The proactive cards (Adaptive Cards 1.5, in the recipient's language): a stage change, a deal given to someone,
/// a deal won for subscribed channels, and the daily reminders with one-click actions. User text goes through
/// <see cref="CardText"/>; stages are named as the tenant's pipeline names them, in the recipient's language.
/// </summary>
public static partial class NotificationCards
{
    /// <summary>How many reminders one card lists; the rest come with the "reminders" command.</summary>
    public const int MaxReminders = 8;

    public static JsonObject StageChanged(DeliveryMessage message, PipelineSettings pipeline, CardContext context)
    {
        var locale = context.Locale;
        var name = CardText.Markdown(message.OpportunityName);
        var from = message.FromStage is { } f ? CardText.Markdown(pipeline.For(f).DisplayName(locale)) : BotTexts.T("none", locale);
        var to = message.ToStage is { } t ? CardText.Markdown(pipeline.For(t).DisplayName(locale)) : BotTexts.T("none", locale);
        var who = CardText.Markdown(message.ActorName ?? message.ActorId);
        var channel = message.Subscription is not null;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("notify.stage.title", locale, ("name", name), ("from", from), ("to", to)), size: "Medium", weight: "Bolder"),
            DealCards.Text(channel
                ? BotTexts.T("notify.stage.intro_channel", locale, ("who", who), ("owner", CardText.Markdown(message.OwnerName ?? message.OwnerId)))
                : BotTexts.T("notify.stage.intro", locale, ("who", who)), isSubtle: true, spacing: "None"),
            StageProgress(message.ToStage, locale),
            Facts(message, locale, includeOwner: channel),
        };
        return DealCards.Card(body, DealActions(message, pipeline, context, allowMute: !channel));
    }

    public static JsonObject OwnerAssigned(DeliveryMessage message, PipelineSettings pipeline, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("notify.assigned.title", locale, ("name", CardText.Markdown(message.OpportunityName))), size: "Medium", weight: "Bolder"),
            DealCards.Text(BotTexts.T("notify.assigned.intro", locale, ("who", CardText.Markdown(message.ActorName ?? message.ActorId))), isSubtle: true, spacing: "None"),
            Facts(message, locale, includeOwner: false),
        };
        return DealCards.Card(body, DealActions(message, pipeline, context, allowMute: true));
    }

    public static JsonObject DealWon(DeliveryMessage message, PipelineSettings pipeline, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Text("🏆 " + BotTexts.T("notify.won.title", locale, ("name", CardText.Markdown(message.OpportunityName))), size: "Medium", weight: "Bolder", color: "Good"),
            DealCards.Text(BotTexts.T("notify.won.intro", locale, ("owner", CardText.Markdown(message.OwnerName ?? message.OwnerId))), spacing: "None"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    DealCards.Fact(BotTexts.T("fact.amount", locale), BotTexts.Money(message.Amount, CardText.Markdown(message.Currency ?? ""), locale)),
                    DealCards.Fact(BotTexts.T("notify.fact.via", locale), Surface(message.Surface, locale)),
                    DealCards.Fact(BotTexts.T("notify.fact.when", locale), BotTexts.When(message.At, locale)),
                },
            },
        };
        return DealCards.Card(body, DealActions(message, pipeline, context, allowMute: false));
    }

    /// <summary>
    /// The reminders due, each with one-click actions: log a touch, snooze a day or a week, set the next follow-up, move the
    /// stage. The actions carry each deal's version as of <paramref name="asOf"/> (when the reminders were worked out; by
    /// default when the card is drawn), so a click after a later change to the deal is caught.
    /// </summary>
    public static string Surface(ChangeSurface? surface, string locale) => BotTexts.T("surface." + (surface ?? ChangeSurface.System), locale);

    private static JsonArray DealActions(DeliveryMessage message, PipelineSettings pipeline, CardContext context, bool allowMute)
    {
        var locale = context.Locale;
        var actions = new JsonArray();
        if (message.OpportunityId is not { } id) return actions;
        JsonObject Data(params (string Key, string Value)[] values)
        {
            var data = DealData(id, message.OpportunityVersion, message.At);
            foreach (var (key, value) in values) data[key] = value;
            return data;
        }
        actions.Add(DealCards.Execute(BotTexts.T("notify.open", locale), CardVerbs.Show, Data()));
        if (!allowMute) return actions;
        actions.Add(DealCards.Execute(BotTexts.T("reminder.touch", locale), NotifyVerbs.Touch, Data((NotifyVerbs.Origin, NotifyVerbs.FromDeal))));
        actions.Add(SubCard(BotTexts.T("reminder.move", locale), [StageInput(CardData.Stage, message.ToStage?.Next() ?? Stage.Proposal, message.ToStage, pipeline, locale)],
            DealCards.Execute(BotTexts.T("action.move", locale), NotifyVerbs.MoveStage,
                Data((NotifyVerbs.Origin, NotifyVerbs.FromDeal), (NotifyVerbs.StageInput, CardData.Stage)))));
        actions.Add(DealCards.Execute(BotTexts.T("notify.mute", locale), NotifyVerbs.Mute, Data()));
        return actions;
    }

    /// <summary>The deal, its version (when known) and when that version was read: what a click is checked against.</summary>
    private static JsonObject DealData(Guid id, int? version, DateTimeOffset asOf)
    {
        var data = new JsonObject
        {
            [CardData.DealId] = id.ToString(),
            [CardData.RenderedAt] = asOf.ToString("O", CultureInfo.InvariantCulture),
        };
        if (version is { } v) data[CardData.Version] = v;
        return data;
    }

    private static JsonObject StageInput(string id, Stage selected, Stage? current, PipelineSettings pipeline, string locale)
    {
        var stages = new JsonArray();
        foreach (var stage in StageFacts.OpenStages.Append(Stage.Won).Append(Stage.Lost))
        {
            if (stage == current) continue;
            stages.Add(new JsonObject { ["title"] = CardText.Plain(pipeline.For(stage).DisplayName(locale)), ["value"] = stage.Key() });
        }
        return new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = BotTexts.T("input.stage", locale),
            ["choices"] = stages,
            ["style"] = "compact",
            ["value"] = selected.Key(),
        };
    }

    private static JsonObject Facts(DeliveryMessage message, string locale, bool includeOwner)
    {
        var facts = new JsonArray
        {
            DealCards.Fact(BotTexts.T("notify.fact.changed_by", locale), CardText.Markdown(message.ActorName ?? message.ActorId)),
            DealCards.Fact(BotTexts.T("notify.fact.via", locale), Surface(message.Surface, locale)),
            DealCards.Fact(BotTexts.T("notify.fact.when", locale), BotTexts.When(message.At, locale)),
        };
        if (includeOwner) facts.Add(DealCards.Fact(BotTexts.T("notify.fact.owner", locale), CardText.Markdown(message.OwnerName ?? message.OwnerId)));
        if (message.Reason is { Length: > 0 } reason) facts.Add(DealCards.Fact(BotTexts.T("notify.fact.reason", locale), CardText.Markdown(reason)));
        return new JsonObject { ["type"] = "FactSet", ["facts"] = facts };
    }

    private static JsonObject StageProgress(Stage? stage, string locale)
    {
        var current = (stage ?? Stage.New).PhaseOf();
        var columns = new JsonArray();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var (mark, color, subtle) = phase < current ? ("✓", "Good", false) : phase == current ? ("●", stage == Stage.Lost ? "Attention" : "Accent", false) : ("○", "Default", true);
            var text = DealCards.Text($"{mark} {BotTexts.Phase(phase, locale)}", size: "Small", color: color, isSubtle: subtle);
            columns.Add(new JsonObject { ["type"] = "Column", ["width"] = "auto", ["items"] = new JsonArray { text } });
        }
        return new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns };
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Cards;

/// <summary>The deal card's forms: qualification (also sent alone as a prompt), stage chooser, log, won and lost.</summary>
public static partial class DealCards
{
    public static JsonObject QualificationPrompt(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            Text(BotTexts.T("qualify.title", locale, ("name", CardText.Markdown(deal.Name))), size: "Medium", weight: "Bolder"),
        };
        if (deal.Gaps.Count == 0)
        {
            body.Add(Text(BotTexts.T("qualify.done", locale)));
            return Card(body, [Execute(BotTexts.T("list.open", locale), CardVerbs.Show, ShowData(deal.Id))]);
        }
        body.Add(Text(BotTexts.T("qualify.text", locale, ("missing", ErrorMessages.TermList(deal.Gaps, locale)))));
        foreach (var input in QualificationInputs(deal, deal.Gaps, locale)) body.Add(input!.DeepClone());
        return Card(body, [Execute(BotTexts.T("action.save", locale), CardVerbs.Qualify, DealData(deal, context))]);
    }

    /// <summary>Several deals matched: the rep picks one, and the command they typed goes on with it. Never a guess.</summary>
    private static JsonObject StageChooser(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var choices = new JsonArray();
        foreach (var stage in StageFacts.OpenStages.Append(Stage.Won).Append(Stage.Lost))
        {
            if (stage == deal.Stage) continue;
            choices.Add(Choice(CardText.Plain(deal.StageName(stage, locale)), stage.Key()));
        }
        var body = new JsonArray
        {
            ChoiceSet(CardData.Stage, BotTexts.T("input.stage", locale), choices, (deal.Stage.Next() ?? Stage.Won).Key(), expanded: false),
            TextInput(CardData.OverrideReason, BotTexts.T("input.override_reason", locale)),
        };
        return SubCard(body, Execute(BotTexts.T("action.move", locale), CardVerbs.Move, DealData(deal, context)));
    }

    private static JsonArray QualificationInputs(DealView deal, IReadOnlyList<string>? only, string locale)
    {
        bool Wanted(string gap) => only is null || only.Contains(gap);
        var inputs = new JsonArray();
        if (Wanted("budget_amount"))
        {
            var input = TextInput(CardData.BudgetAmount, BotTexts.T("input.budget_amount", locale));
            if (deal.Bant.BudgetAmount is { } amount) input["value"] = amount.ToString(CultureInfo.InvariantCulture);
            inputs.Add(input);
        }
        if (Wanted("budget_status"))
        {
            inputs.Add(EnumChoices(CardData.BudgetStatus, BotTexts.T("input.budget_status", locale),
                Enum.GetValues<BudgetStatus>().Where(s => s != BudgetStatus.Unknown), s => BotTexts.BudgetStatus(s, locale), deal.Bant.BudgetStatus, BudgetStatus.Unknown));
        }
        if (Wanted("decision_maker"))
        {
            var input = TextInput(CardData.DecisionMaker, BotTexts.T("input.decision_maker", locale));
            if (deal.Bant.DecisionMakerName is { } name) input["value"] = CardText.Plain(name);
            inputs.Add(input);
        }
        if (Wanted("need"))
        {
            inputs.Add(EnumChoices(CardData.Need, BotTexts.T("input.need", locale),
                Enum.GetValues<NeedLevel>().Where(n => n != NeedLevel.Unknown).Reverse(), n => BotTexts.Need(n, locale), deal.Bant.Need, NeedLevel.Unknown));
        }
        if (Wanted("timeline"))
        {
            inputs.Add(EnumChoices(CardData.Timeline, BotTexts.T("input.timeline", locale),
                Enum.GetValues<Timeframe>().Where(t => t != Timeframe.Unknown).Reverse(), t => BotTexts.Timeframe(t, locale), deal.Bant.Timeframe, Timeframe.Unknown));
        }
        return inputs;
    }

    private static JsonObject EnumChoices<T>(string id, string label, IEnumerable<T> values, Func<T, string> title, T current, T unknown) where T : struct, Enum
    {
        var choices = new JsonArray();
        foreach (var value in values) choices.Add(Choice(title(value), value.ToString()));
        return ChoiceSet(id, label, choices, EqualityComparer<T>.Default.Equals(current, unknown) ? null : current.ToString(), expanded: false);
    }

    private static JsonObject LogCard(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var kinds = new JsonArray();
        foreach (var kind in new[] { InteractionKind.Call, InteractionKind.Meeting, InteractionKind.Note, InteractionKind.Email, InteractionKind.Chat })
        {
            kinds.Add(Choice(BotTexts.Kind(kind, locale), kind.ToString()));
        }
        var text = TextInput(CardData.Text, BotTexts.T("input.text", locale));
        text["isMultiline"] = true;
        text["isRequired"] = true;
        text["errorMessage"] = BotTexts.T("input.text", locale);
        return SubCard([ChoiceSet(CardData.Kind, BotTexts.T("input.kind", locale), kinds, InteractionKind.Call.ToString(), expanded: false), text],
            Execute(BotTexts.T("action.save", locale), CardVerbs.Log, DealData(deal, context)));
    }

    private static JsonObject WonCard(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var amount = new JsonObject { ["type"] = "Input.Number", ["id"] = CardData.WonAmount, ["label"] = BotTexts.T("input.won_amount", locale), ["min"] = 0 };
        if (deal.Amount is { } a) amount["value"] = a;
        var date = new JsonObject { ["type"] = "Input.Date", ["id"] = CardData.WonDate, ["label"] = BotTexts.T("input.won_date", locale) };
        if (deal.CloseDate is { } d) date["value"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return SubCard([amount, date], Execute(BotTexts.T("action.won", locale), CardVerbs.Won, DealData(deal, context)));
    }

    private static JsonObject LostCard(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var reasons = new JsonArray();
        foreach (var reason in deal.Pipeline.LossReasons) reasons.Add(Choice(CardText.Plain(reason), reason));
        var reasonInput = ChoiceSet(CardData.LossReason, BotTexts.T("input.loss_reason", locale), reasons, null, expanded: false);
        reasonInput["isRequired"] = true;
        reasonInput["errorMessage"] = BotTexts.T("input.loss_reason", locale);
        return SubCard([reasonInput, TextInput(CardData.Competitor, BotTexts.T("input.competitor", locale))],
            Execute(BotTexts.T("action.lost", locale), CardVerbs.Lost, DealData(deal, context)));
    }
}

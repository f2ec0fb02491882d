using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Cards;

/// <summary>
/// Every Adaptive Card (schema 1.5) the bot sends. Actions are Action.Execute with an Action.Submit fallback; each
/// carries the deal id, the version the card was drawn from and when, so a stale click is caught rather than applied.
/// </summary>
public static class DealCards
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Deal(DealView deal, CardContext context, DealCardNotes? notes = null)
    {
        notes ??= new DealCardNotes();
        var locale = context.Locale;
        var body = new JsonArray();
        if (notes.ChangedSince is { } changed)
        {
            var container = new JsonArray { Text(BotTexts.T("stale.title", locale), weight: "Bolder", color: "Warning") };
            foreach (var line in changed) container.Add(Text("• " + line, isSubtle: true));
            body.Add(Container(container, style: "warning"));
        }
        if (notes.Notice is { } notice)
        {
            body.Add(Container([Text(notice, weight: "Bolder", color: notes.NoticeIsError ? "Attention" : "Good")],
                style: notes.NoticeIsError ? "attention" : "good"));
        }
        body.Add(Text(CardText.Markdown(deal.Name), size: "Large", weight: "Bolder"));
        if (deal.AccountName is { Length: > 0 } account) body.Add(Text(CardText.Markdown(account), isSubtle: true, spacing: "None"));
        body.Add(Progress(deal.Stage, locale));

        var missing = deal.Gaps.Count == 0 ? BotTexts.T("nothing_missing", locale) : ErrorMessages.TermList(deal.Gaps, locale);
        var facts = new JsonArray
        {
            Fact(BotTexts.T("fact.stage", locale), CardText.Markdown(deal.StageName(deal.Stage, locale))),
            Fact(BotTexts.T("fact.amount", locale), BotTexts.Money(deal.Amount, deal.Currency, locale)),
            Fact(BotTexts.T("fact.probability", locale), deal.Probability.ToString(CultureInfo.InvariantCulture) + "%"),
            Fact(BotTexts.T("fact.weighted", locale), BotTexts.Money(deal.WeightedAmount, deal.Currency, locale)),
            Fact(BotTexts.T("fact.close_date", locale), BotTexts.Date(deal.CloseDate, locale)),
            Fact(BotTexts.T("fact.bant", locale), $"{deal.Score.ToString(CultureInfo.InvariantCulture)}/100 ({BotTexts.Rating(deal.Rating, locale)})"),
            Fact(BotTexts.T("fact.missing", locale), missing),
            Fact(BotTexts.T("fact.next_step", locale), deal.NextStep is { } next ? CardText.Markdown(next) : BotTexts.T("none", locale)),
            Fact(BotTexts.T("fact.last_activity", locale), BotTexts.When(deal.LastActivityAt, locale)),
        };
        if (deal.ReferredBy is { } referrer) facts.Add(Fact(BotTexts.T("fact.referred_by", locale), CardText.Markdown(referrer)));
        if (deal.LossReason is { } loss) facts.Add(Fact(BotTexts.T("fact.loss_reason", locale), CardText.Markdown(loss)));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });

        if (notes.GatedTarget is { } gated) body.Add(GatedSection(deal, gated, context));

        var actions = new JsonArray();
        if (!deal.IsClosed)
        {
            if (deal.Stage.Next() is { } nextStage)
            {
                actions.Add(Execute(BotTexts.T("action.advance", locale, ("stage", CardText.Plain(deal.StageName(nextStage, locale)))), CardVerbs.Advance, DealData(deal, context)));
            }
            actions.Add(ShowCard(BotTexts.T("action.choose_stage", locale), StageChooser(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.qualify", locale), SubCard(QualificationInputs(deal, null, locale),
                Execute(BotTexts.T("action.save", locale), CardVerbs.Qualify, DealData(deal, context)))));
            actions.Add(ShowCard(BotTexts.T("action.log", locale), LogCard(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.won", locale), WonCard(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.lost", locale), LostCard(deal, context)));
        }
        else
        {
            body.Add(Text(BotTexts.T("closed_note", locale), isSubtle: true));
            actions.Add(ShowCard(BotTexts.T("action.log", locale), LogCard(deal, context)));
        }
        return Card(body, actions);
    }

    /// <summary>Asks for the BANT items still unknown, with inputs that fill them.</summary>
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
    public static JsonObject PickList(string query, IReadOnlyList<DealCandidate> candidates, string? command, CardContext context)
    {
        var locale = context.Locale;
        var choices = new JsonArray();
        foreach (var c in candidates)
        {
            var title = c.AccountName is { Length: > 0 } account ? $"{c.Name} ({account})" : c.Name;
            choices.Add(Choice(CardText.Plain(title), c.Id.ToString()));
        }
        var body = new JsonArray
        {
            Text(BotTexts.T("pick.title", locale), size: "Medium", weight: "Bolder"),
            Text(BotTexts.T("pick.text", locale, ("name", CardText.Markdown(query)))),
            ChoiceSet(CardData.DealId, BotTexts.T("pick.title", locale), choices, candidates.Count > 0 ? candidates[0].Id.ToString() : null, expanded: true),
        };
        var data = new JsonObject { [CardData.Verb] = CardVerbs.Pick };
        if (command is not null) data[CardData.Command] = command;
        return Card(body, [Execute(BotTexts.T("pick.open", locale), CardVerbs.Pick, data)]);
    }

    /// <summary>The rep's open deals, with a chooser to open one.</summary>
    public static JsonObject DealList(IReadOnlyList<DealSummary> deals, PipelineSettings pipeline, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray { Text(BotTexts.T("list.title", locale), size: "Medium", weight: "Bolder") };
        if (deals.Count == 0)
        {
            body.Add(Text(BotTexts.T("list.empty", locale)));
            return Card(body, []);
        }
        var choices = new JsonArray();
        foreach (var d in deals.Take(15))
        {
            var stage = pipeline.For(d.Stage).DisplayName(locale);
            var amount = BotTexts.Money(d.Amount, d.Currency, locale);
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["separator"] = true,
                ["columns"] = new JsonArray
                {
                    Column([Text(CardText.Markdown(d.Name), weight: "Bolder")], "stretch"),
                    Column([Text(CardText.Markdown(stage), isSubtle: true)], "auto"),
                    Column([Text(amount)], "auto"),
                    Column([Text($"{d.QualificationScore.ToString(CultureInfo.InvariantCulture)}/100")], "auto"),
                },
            });
            choices.Add(Choice(CardText.Plain($"{d.Name} · {stage} · {amount}"), d.Id.ToString()));
        }
        body.Add(ChoiceSet(CardData.DealId, BotTexts.T("list.choose", locale), choices, deals[0].Id.ToString(), expanded: false));
        return Card(body, [Execute(BotTexts.T("list.open", locale), CardVerbs.Show, new JsonObject { [CardData.Verb] = CardVerbs.Show })]);
    }

    public static JsonObject Help(CardContext context, string? unknownText = null)
    {
        var locale = context.Locale;
        var body = new JsonArray();
        if (unknownText is not null)
        {
            body.Add(Text(BotTexts.T("help.unknown", locale, ("text", CardText.Markdown(unknownText))), color: "Attention"));
        }
        body.Add(Text(BotTexts.T("help.title", locale), size: "Medium", weight: "Bolder"));
        body.Add(Text(BotTexts.T("help.intro", locale), isSubtle: true));
        var facts = new JsonArray();
        foreach (var command in CommandCatalog.Listed)
        {
            facts.Add(Fact(CardText.Markdown(command.ExampleIn(locale)), command.DescriptionIn(locale)));
        }
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        return Card(body, []);
    }

    /// <summary>A short answer: something done, not found, refused or failed.</summary>
    public static JsonObject Notice(string title, string text, CardContext context, bool isError = false)
    {
        _ = context;
        var body = new JsonArray
        {
            Text(title, size: "Medium", weight: "Bolder", color: isError ? "Attention" : null),
            Text(text),
        };
        return Card(body, []);
    }

    private static JsonObject Progress(Stage stage, string locale)
    {
        var current = stage.PhaseOf();
        var columns = new JsonArray();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var (mark, color, weight, subtle) = phase < current ? ("✓", "Good", "Default", false)
                : phase == current ? ("●", stage == Stage.Lost ? "Attention" : "Accent", "Bolder", false)
                : ("○", "Default", "Default", true);
            columns.Add(Column([Text($"{mark} {BotTexts.Phase(phase, locale)}", size: "Small", weight: weight, color: color, isSubtle: subtle)], "auto"));
        }
        return new JsonObject { ["type"] = "ColumnSet", ["spacing"] = "Medium", ["columns"] = columns };
    }

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

    private static JsonObject GatedSection(DealView deal, Stage target, CardContext context)
    {
        var locale = context.Locale;
        var data = DealData(deal, context);
        data[CardData.Target] = target.Key();
        var items = new JsonArray
        {
            Text(BotTexts.T("gated.title", locale), weight: "Bolder", color: "Attention"),
            Text(BotTexts.T("gated.text", locale) + " " + BotTexts.T("fact.missing", locale) + ": " + ErrorMessages.TermList(deal.Gaps, locale)),
            TextInput(CardData.GateReason, BotTexts.T("input.override_reason", locale)),
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray { Execute(BotTexts.T("action.override", locale) + " → " + CardText.Plain(deal.StageName(target, locale)), CardVerbs.Move, data) },
            },
        };
        return Container(items, style: "emphasis");
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

    private static JsonObject DealData(DealView deal, CardContext context) => new()
    {
        [CardData.DealId] = deal.Id.ToString(),
        [CardData.Version] = deal.Version,
        [CardData.RenderedAt] = context.RenderedAt.ToString("O", CultureInfo.InvariantCulture),
        [CardData.Score] = deal.Score,
    };

    private static JsonObject ShowData(Guid id) => new() { [CardData.DealId] = id.ToString() };

    internal static JsonObject Card(JsonArray body, JsonArray actions)
    {
        var card = new JsonObject
        {
            ["$schema"] = Schema,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions.Count > 0) card["actions"] = actions;
        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    private static JsonObject SubCard(JsonArray body, JsonObject action) => new()
    {
        ["type"] = "AdaptiveCard",
        ["body"] = body,
        ["actions"] = new JsonArray { action },
    };

    internal static JsonObject Execute(string title, string verb, JsonObject data)
    {
        data[CardData.Verb] = verb;
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
        };
    }

    private static JsonObject ShowCard(string title, JsonObject card) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    internal static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool isSubtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (isSubtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    internal static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    internal static JsonObject Container(JsonArray items, string? style = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = items };
        if (style is not null) container["style"] = style;
        return container;
    }

    private static JsonObject Column(JsonArray items, string width) => new() { ["type"] = "Column", ["width"] = width, ["items"] = items };

    private static JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject ChoiceSet(string id, string label, JsonArray choices, string? value, bool expanded)
    {
        var set = new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = id, ["label"] = label, ["choices"] = choices, ["style"] = expanded ? "expanded" : "compact" };
        if (value is not null) set["value"] = value;
        return set;
    }

    internal static JsonObject TextInput(string id, string label) => new() { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
}

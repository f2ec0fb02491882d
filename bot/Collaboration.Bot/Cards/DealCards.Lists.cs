using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Texts;

namespace Collaboration.Bot.Cards;

/// <summary>Cards that are not about one deal: a pick list, the rep's deals, help and short notices.</summary>
public static partial class DealCards
{
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
}

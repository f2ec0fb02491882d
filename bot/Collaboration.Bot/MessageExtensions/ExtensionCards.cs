using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>What the message extension draws besides the deal card: a result's thumbnail and the "Log to deal" form.</summary>
public static class ExtensionCards
{
    public const string DealInput = "dealId";
    public const string DealNameInput = "dealName";
    public const string TextInput = "text";
    public const string MessageIdData = "messageId";

    /// <summary>The thumbnail Teams lists a result as: the deal's name, its stage and its amount (plain text: Teams shows it as is).</summary>
    public static JsonObject Preview(DealView deal, string locale) => new()
    {
        ["title"] = CardText.Plain(deal.Name),
        ["subtitle"] = CardText.Plain(deal.StageName(deal.Stage, locale)),
        ["text"] = CardText.Plain(BotTexts.Money(deal.Amount, deal.Currency, locale)),
    };

    /// <summary>
    /// The form: one of the rep's recent deals, or words of any deal's name, and the message's text (which the rep may
    /// shorten). <paramref name="problem"/> says what was wrong with the last try; <paramref name="choices"/> replaces the
    /// recent deals with the ones a name matched.
    /// </summary>
    public static JsonObject LogForm(IReadOnlyList<(Guid Id, string Name)> choices, string text, string? messageId, CardContext context,
        string? problem = null, string? dealName = null)
    {
        var locale = context.Locale;
        var body = new JsonArray { DealCards.Text(BotTexts.T("msgext.log_title", locale), size: "Medium", weight: "Bolder") };
        if (problem is not null) body.Add(DealCards.Text(problem, color: "Attention"));
        if (choices.Count > 0)
        {
            var options = new JsonArray();
            foreach (var (id, title) in choices) options.Add(new JsonObject { ["title"] = CardText.Plain(title), ["value"] = id.ToString() });
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = DealInput,
                ["label"] = BotTexts.T("msgext.log_deal", locale),
                ["style"] = "compact",
                ["choices"] = options,
            });
        }
        var name = DealCards.TextInput(DealNameInput, BotTexts.T("msgext.log_deal_name", locale));
        name["maxLength"] = DealSearch.MaxQueryLength;
        if (dealName is { Length: > 0 }) name["value"] = dealName;
        body.Add(name);
        var message = DealCards.TextInput(TextInput, BotTexts.T("msgext.log_text", locale));
        message["isMultiline"] = true;
        message["maxLength"] = ExtensionInvoke.MaxMessageText;
        message["value"] = text;
        body.Add(message);

        var data = new JsonObject();
        if (messageId is not null) data[MessageIdData] = messageId;
        var submit = new JsonObject { ["type"] = "Action.Submit", ["title"] = BotTexts.T("msgext.log_submit", locale), ["data"] = data };
        return DealCards.Card(body, [submit]);
    }

    public static IReadOnlyList<(Guid Id, string Name)> Choices(IEnumerable<DealSummary> deals) => deals.Select(d => (d.Id, d.Name)).ToList();

    public static IReadOnlyList<(Guid Id, string Name)> Choices(IEnumerable<DealCandidate> deals) => deals.Select(d => (d.Id, d.Name)).ToList();
}

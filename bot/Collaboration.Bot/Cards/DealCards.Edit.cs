using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.Cards;

/// <summary>
/// The Edit form of a deal card and the reopen forms. Inputs start from the deal's values (the name and next step, which
/// are user text, as placeholders: a value defused for display would be saved back changed); an input left empty
/// changes nothing, except the probability, whose empty value gives it back to the stage. Submitted with the version
/// the card was drawn from, so the whole form is one change, applied to that version only.
/// </summary>
public static partial class DealCards
{
    public const int MaxCurrencyLength = 3;
    public const int MaxEmailLength = 254;

    /// <summary>The dataset Teams fills a people picker from: the tenant's users, answered by their object id.</summary>
    public const string PeopleDataset = "graph.microsoft.com/users";

    private static JsonObject EditCard(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var name = Limited(TextInput(CardData.EditName, BotTexts.T("input.edit_name", locale)), Opportunity.MaxNameLength);
        name["placeholder"] = CardText.Plain(deal.Name);
        var amount = new JsonObject { ["type"] = "Input.Number", ["id"] = CardData.EditAmount, ["label"] = BotTexts.T("input.edit_amount", locale), ["min"] = 0 };
        if (deal.Amount is { } a) amount["value"] = a;
        var currency = Limited(TextInput(CardData.EditCurrency, BotTexts.T("input.edit_currency", locale)), MaxCurrencyLength);
        currency["value"] = deal.Currency;
        var probability = new JsonObject
        {
            ["type"] = "Input.Number",
            ["id"] = CardData.EditProbability,
            ["label"] = BotTexts.T("input.edit_probability", locale),
            ["min"] = 0,
            ["max"] = 100,
            ["placeholder"] = BotTexts.T("input.edit_probability_auto", locale),
        };
        if (deal.ManualProbability is { } p) probability["value"] = p;
        var nextStep = Limited(TextInput(CardData.EditNextStep, BotTexts.T("input.edit_next_step", locale)), Opportunity.MaxNextStepLength);
        if (deal.NextStep is { } step) nextStep["placeholder"] = CardText.Plain(step);
        var contact = Limited(TextInput(CardData.EditContact, BotTexts.T("input.edit_contact", locale)), MaxEmailLength);
        contact["style"] = "Email";
        if (deal.PrimaryContactEmail is { } email) contact["value"] = email;
        var owner = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = CardData.EditOwner,
            ["label"] = BotTexts.T("input.edit_owner", locale),
            ["choices"] = new JsonArray(),
            ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = PeopleDataset },
            ["isMultiSelect"] = false,
            ["placeholder"] = BotTexts.T("input.edit_owner_placeholder", locale),
        };
        var body = new JsonArray
        {
            name, amount, currency,
            DateInput(CardData.EditCloseDate, BotTexts.T("input.edit_close_date", locale), deal.CloseDate),
            probability, nextStep,
            DateInput(CardData.EditNextStepDue, BotTexts.T("input.edit_next_step_due", locale), deal.NextStepDue),
            contact, owner,
        };
        return SubCard(body, Execute(BotTexts.T("action.save", locale), CardVerbs.Edit, DealData(deal, context)));
    }

    /// <summary>The closed deal card's Reopen form: why, then back to the stage it closed from.</summary>
    private static JsonObject ReopenCard(DealView deal, CardContext context) =>
        SubCard([ReasonInput(context.Locale)], Execute(BotTexts.T("action.reopen", context.Locale), CardVerbs.Reopen, DealData(deal, context)));

    /// <summary>"reopen Contoso" without a reason: asks why, and reopens when the rep answers.</summary>
    public static JsonObject ReopenPrompt(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            Text(BotTexts.T("reopen.title", locale, ("name", CardText.Markdown(deal.Name))), size: "Medium", weight: "Bolder"),
            Text(BotTexts.T("reopen.text", locale, ("stage", CardText.Markdown(deal.StageName(deal.Stage, locale))))),
            ReasonInput(locale),
        };
        return Card(body, [Execute(BotTexts.T("action.reopen", locale), CardVerbs.Reopen, DealData(deal, context))]);
    }

    private static JsonObject ReasonInput(string locale)
    {
        var reason = Limited(TextInput(CardData.ReopenReason, BotTexts.T("input.reopen_reason", locale)), OpportunityChange.MaxValueLength);
        reason["isRequired"] = true;
        reason["errorMessage"] = BotTexts.T("input.reopen_reason", locale);
        return reason;
    }

    private static JsonObject DateInput(string id, string label, DateOnly? value)
    {
        var input = new JsonObject { ["type"] = "Input.Date", ["id"] = id, ["label"] = label };
        if (value is { } d) input["value"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return input;
    }

    private static JsonObject Limited(JsonObject input, int maxLength)
    {
        input["maxLength"] = maxLength;
        return input;
    }
}

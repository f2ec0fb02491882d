using System.Globalization;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// Reads the deal card's Edit form into the edit commands typed words become. An empty input changes nothing, except
/// the probability: empty gives it back to the stage. A value that cannot be read stays in its command, unreadable,
/// so the whole form is refused naming that field and nothing is saved.
/// </summary>
public static class EditFormParser
{
    public static EditDealCommand Parse(CardAction action)
    {
        var edits = new List<DealCommand>();
        if (action.Get(CardData.EditName) is { } name) edits.Add(new RenameDealCommand("", name));

        var amountText = action.Get(CardData.EditAmount);
        var currency = action.Get(CardData.EditCurrency)?.ToUpperInvariant();
        if (amountText is not null || currency is not null)
        {
            decimal? amount = amountText is not null && AmountParser.TryParse(amountText, out var parsed) && parsed.Currency is null ? parsed.Value : null;
            edits.Add(new SetAmountCommand("", amount, currency, amountText ?? ""));
        }

        if (action.Get(CardData.EditCloseDate) is { } closeText)
        {
            edits.Add(new SetCloseDateCommand("", DateParser.TryParse(closeText, out var close) ? close : null, closeText));
        }

        var probabilityText = action.Get(CardData.EditProbability);
        edits.Add(probabilityText is null
            ? new SetProbabilityCommand("", null, StageDefault: true, "")
            : new SetProbabilityCommand("", Percent(probabilityText), StageDefault: false, probabilityText));

        var nextStep = action.Get(CardData.EditNextStep);
        var dueText = action.Get(CardData.EditNextStepDue);
        if (nextStep is not null || dueText is not null)
        {
            edits.Add(new SetNextStepCommand("", nextStep ?? "", DateParser.TryParse(dueText, out var due) ? due : null) { DueText = dueText });
        }

        if (action.Get(CardData.EditContact) is { } contact)
        {
            edits.Add(new SetPrimaryContactCommand("", contact.Contains('@', StringComparison.Ordinal) ? contact : null, contact));
        }

        if (action.Get(CardData.EditOwner) is { } owner)
        {
            edits.Add(new AssignDealCommand("", new MentionedPerson(null, owner, owner, owner), owner));
        }
        return new EditDealCommand("", edits);
    }

    private static int? Percent(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100 && value == decimal.Truncate(value)
            ? (int)value : null;
}

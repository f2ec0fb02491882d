using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;

using DealDetailsUpdate = Collaboration.Application.Opportunities.OpportunityService.DealDetailsUpdate;

namespace Collaboration.Bot.Deals;

/// <summary>What each edit of a deal's details asks of the one details use case, and what the rep is told when it is done.</summary>
public static class DealEdits
{
    /// <summary>A value that could not be read refuses the edit (naming the field) before anything is saved.</summary>
    public static (string Done, DealDetailsUpdate Update) Of(DealCommand command, string locale)
    {
        switch (command)
        {
            case SetAmountCommand amount:
                if (amount.Amount is null && amount.AmountText.Length > 0) throw Unreadable(ChangedField.Amount, amount.AmountText);
                return (BotTexts.T("done.amount", locale), new DealDetailsUpdate(Amount: amount.Amount, Currency: amount.Currency));
            case SetCloseDateCommand close:
                var date = close.CloseDate ?? throw Unreadable(ChangedField.CloseDate, close.DateText);
                return (BotTexts.T("done.close_date", locale, ("date", BotTexts.Date(date, locale))), new DealDetailsUpdate(CloseDate: date));
            case SetProbabilityCommand { StageDefault: true }:
                return (BotTexts.T("done.probability_auto", locale), new DealDetailsUpdate(ClearManualProbability: true));
            case SetProbabilityCommand probability:
                var percent = probability.Percent ?? throw Unreadable(ChangedField.Probability, probability.ValueText);
                return (BotTexts.T("done.probability", locale), new DealDetailsUpdate(ManualProbability: percent));
            case SetNextStepCommand next:
                if (next is { Due: null, DueText: { } dueText }) throw Unreadable(ChangedField.NextStepDue, dueText);
                return (BotTexts.T("done.next_step", locale), new DealDetailsUpdate(NextStep: next.Text.Length == 0 ? null : next.Text, NextFollowUpOn: next.Due));
            case SetPrimaryContactCommand contact:
                var email = contact.Email ?? throw Unreadable(ChangedField.PrimaryContact, contact.ContactText);
                return (BotTexts.T("done.contact", locale), new DealDetailsUpdate(PrimaryContactEmail: email));
            case AssignDealCommand assign:
                var owner = assign.Assignee?.AadObjectId ?? throw new DomainException(new DomainError("mention_required"));
                return (BotTexts.T("done.assigned", locale, ("name", CardText.Markdown(assign.Assignee.Name))), new DealDetailsUpdate(OwnerObjectId: owner));
            case RenameDealCommand rename:
                return (BotTexts.T("done.renamed", locale), new DealDetailsUpdate(Name: rename.NewName));
            default:
                throw new InvalidOperationException($"{command.GetType().Name} does not change a deal.");
        }
    }

    /// <summary>Both updates in one: a later edit of the same field wins.</summary>
    public static DealDetailsUpdate Merge(DealDetailsUpdate first, DealDetailsUpdate then) => new(
        then.Name ?? first.Name, then.Amount ?? first.Amount, then.Currency ?? first.Currency, then.CloseDate ?? first.CloseDate,
        then.ManualProbability ?? first.ManualProbability, (first.ClearManualProbability || then.ClearManualProbability) && (then.ManualProbability ?? first.ManualProbability) is null,
        then.NextStep ?? first.NextStep, then.NextFollowUpOn ?? first.NextFollowUpOn, then.PrimaryContactEmail ?? first.PrimaryContactEmail,
        then.OwnerObjectId ?? first.OwnerObjectId);

    private static DomainException Unreadable(ChangedField field, string text) =>
        new(DomainError.Of("unreadable_value", ("field", field.ToString()), ("value", text)));
}

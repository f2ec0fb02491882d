using Collaboration.Application.Contracts;
using Collaboration.Application.Nurture;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.Contracts;

/// <summary>
/// The contract and what follows it, by chat: the signature, payments and deliveries planned and received. Words the
/// parser could not read are refused before anything changes; the answer is the deal card with what was done.
/// </summary>
public sealed partial class ContractHandler(
    OpportunityQueries queries, ContractService contracts, ContractFollowUp followUp, DealViews views, NurtureService nurture, TimeProvider clock)
{
    public async Task<BotReply> RunAsync(ContractCommand command, BotTurn turn, CancellationToken ct)
    {
        var locale = turn.Locale;
        if (Unreadable(command, locale) is { } refusal) return BotReply.Of(RefusalCards.Card(refusal, turn.Context));
        var (found, instead) = await NamedDeal.FindAsync(queries, command, turn, ct);
        if (found is not { } id) return instead!;
        var notice = await DoAsync(command, id, turn, ct);
        return new BotReply(DealCards.Deal(await views.LoadAsync(turn.Actor, id, ct), turn.Context, new DealCardNotes(notice)), [], Changed: true);
    }

    private async Task<string> DoAsync(ContractCommand command, Guid id, BotTurn turn, CancellationToken ct)
    {
        var (actor, locale) = (turn.Actor, turn.Locale);
        switch (command)
        {
            case RecordContractCommand signed:
                var on = signed.SignedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var contract = await contracts.RecordContractAsync(actor, id, new ContractRequest(on, signed.Link, signed.Value, signed.Currency), ct);
                return BotTexts.T("milestones.contract_recorded", locale, ("date", BotTexts.Date(contract.SignedOn, locale)),
                    ("value", BotTexts.Money(contract.Value, contract.Currency, locale)));
            case RecordPaymentCommand payment:
                var recorded = await followUp.RecordPaymentAsync(actor, id, payment.Percent, ct);
                var paid = string.Join(BotTexts.IsChinese(locale) ? "、" : ", ", recorded.Paid.Select(m => Amount(m, locale)));
                return BotTexts.T(recorded.Added ? "milestones.paid_added" : "milestones.paid", locale, ("payments", paid));
            case RecordDeliveryCommand:
                var delivered = await followUp.RecordDeliveryAsync(actor, id, ct);
                return BotTexts.T("milestones.delivered", locale, ("date", BotTexts.Date(delivered.DeliveredOn, locale)));
            case PlanMilestoneCommand planned:
                var added = await contracts.AddMilestoneAsync(actor, id, new MilestoneRequest(planned.Kind, null, planned.Amount, planned.Currency, planned.DueOn!.Value), ct);
                return added.Kind == MilestoneKind.Payment
                    ? BotTexts.T("milestones.planned_payment", locale, ("amount", Amount(added, locale)), ("date", BotTexts.Date(added.DueOn, locale)))
                    : BotTexts.T("milestones.planned_delivery", locale, ("date", BotTexts.Date(added.DueOn, locale)));
            default:
                throw new InvalidOperationException($"{command.GetType().Name} is no contract command.");
        }
    }

    /// <summary>Why the words cannot be acted on, before the deal is even looked up; null when they can.</summary>
    private static string? Unreadable(ContractCommand command, string locale) => command switch
    {
        RecordContractCommand { SignedOn: null, DateText.Length: > 0 } c => BotTexts.T("milestones.unreadable_date", locale, ("text", CardText.Markdown(c.DateText))),
        RecordContractCommand { Value: null, ValueText: { } text } => BotTexts.T("milestones.unreadable_amount", locale, ("text", CardText.Markdown(text))),
        RecordPaymentCommand { PercentText: { } text } => BotTexts.T("milestones.unreadable_share", locale, ("text", CardText.Markdown(text))),
        PlanMilestoneCommand { Kind: MilestoneKind.Payment, Amount: null } p => BotTexts.T("milestones.unreadable_amount", locale, ("text", CardText.Markdown(p.ValueText))),
        PlanMilestoneCommand { DueOn: null } p => BotTexts.T("milestones.unreadable_date", locale, ("text", CardText.Markdown(p.ValueText))),
        _ => null,
    };

    internal static string Amount(MilestoneView milestone, string locale) => BotTexts.Money(milestone.Amount, milestone.Currency ?? "", locale);
}

using Collaboration.Domain.Common;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Tests.Convert;

public class ConvertGateTests
{
    private static readonly PipelineSettings QuoteGated = Deals.Pipeline with
    {
        Stages = Deals.Pipeline.Stages.Select(s => s.Stage == Stage.Proposal ? s with { ExitRequirements = [ExitRequirement.Amount, ExitRequirement.QuoteAccepted] } : s).ToList(),
        ContractRequiredForWon = true,
    };

    [Fact]
    public void ProposalIsLeftOnlyOnceTheCustomerAcceptedAQuoteWhenTheTenantAsksForIt()
    {
        var deal = Deals.InQualify();
        deal.MoveTo(Stage.Proposal, QuoteGated, Deals.By());
        var error = Assert.Throws<DomainException>(() => deal.MoveTo(Stage.Negotiation, QuoteGated, Deals.By()));
        Assert.Equal("convert.quote_accepted", error.Error.Values["missing"]);

        deal.RecordQuoteEvent(1, "accepted", null, Deals.By());
        deal.MoveTo(Stage.Negotiation, QuoteGated, Deals.By());
        Assert.Equal(Stage.Negotiation, deal.Stage);
    }

    [Fact]
    public void AWinNeedsTheSignedContractWhenTheTenantAsksForIt()
    {
        var deal = Deals.InQualify();
        Assert.Contains("convert.contract_signed", Assert.Throws<DomainException>(() => deal.CloseWon(null, null, QuoteGated, Deals.By())).Error.Values["missing"]);
        Assert.Contains("convert.contract_signed", deal.MissingFor(Stage.Won, QuoteGated, new DateOnly(2026, 11, 26)));

        deal.RecordContract(new DateOnly(2026, 11, 20), "https://contoso.sharepoint.com/contract.pdf", 118_000m, null, Deals.By());
        deal.CloseWon(null, null, QuoteGated, Deals.By());
        Assert.Equal(new DealContract(new DateOnly(2026, 11, 20), "https://contoso.sharepoint.com/contract.pdf", 118_000m, "USD"), deal.Contract);
        Assert.Contains(deal.PendingChanges, c => c.Field == ChangedField.Contract);
    }

    [Fact]
    public void AContractLinkMustBeHttps() =>
        Assert.Equal("convert.invalid_document_link", Assert.Throws<DomainException>(() =>
            Deals.InQualify().RecordContract(new DateOnly(2026, 1, 1), "javascript:alert(1)", 1, null, Deals.By())).Error.Code);

    [Fact]
    public void TheQuoteTotalBecomesTheDealAmountWithAHistoryRow()
    {
        var deal = Deals.InQualify();
        deal.ClearPending();
        deal.TakeQuoteTotal(2, 935m, "EUR", Deals.By());
        Assert.Equal(935m, deal.Amount);
        Assert.Equal("EUR", deal.Currency);
        Assert.Contains(deal.PendingChanges, c => c.Field == ChangedField.Amount && c.NewValue == "935");
    }

    [Fact]
    public void APaymentIsOverdueAfterItsDueDateUntilPaidAndADeliveryUntilDelivered()
    {
        var due = new DateOnly(2027, 1, 31);
        var payment = new Milestone("t", Guid.NewGuid(), MilestoneKind.Payment, "50% on signature", 5000m, "usd", due, Deals.By());
        var delivery = new Milestone("t", Guid.NewGuid(), MilestoneKind.Delivery, "Go-live", null, null, due, Deals.By());
        Assert.False(payment.IsOverdue(due));
        Assert.True(payment.IsOverdue(due.AddDays(1)));
        payment.MarkPaid(due.AddDays(3));
        Assert.False(payment.IsOverdue(due.AddDays(10)));
        Assert.Equal(due.AddDays(3), payment.InvoicedOn);
        Assert.Throws<DomainException>(() => delivery.MarkPaid(due));
        delivery.MarkDelivered(due);
        Assert.True(delivery.IsDone);
    }
}

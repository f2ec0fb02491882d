using Collaboration.Domain.Common;
using Collaboration.Domain.Quotes;

namespace Collaboration.Domain.Tests.Convert;

public class QuoteTests
{
    private static readonly Guid Deal = Guid.NewGuid();

    private static Quote Draft(decimal discount = 0) =>
        Quote.Create("tenant-a", Deal, 1, "usd", [QuoteLine.Of("PRO", "Pro licence", "seat", 10, 100m, discount)], 10m, Deals.By());

    [Fact]
    public void ANewQuoteIsTheCurrentDraftWithItsTotalsWorkedOut()
    {
        var quote = Draft(15);
        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.True(quote.IsCurrent);
        Assert.Equal("USD", quote.Currency);
        Assert.Equal(new QuoteTotals(1000m, 150m, 85m, 935m), quote.Totals);
    }

    [Fact]
    public void ADiscountAboveTheThresholdWaitsForTheManagerAndCannotBeSentUntilApproved()
    {
        var quote = Draft(15);
        quote.Submit(threshold: 10, managerId: "manager-1", Deals.By());
        Assert.Equal(QuoteStatus.AwaitingApproval, quote.Status);
        Assert.Equal("convert.quote_not_approved", Assert.Throws<DomainException>(() => quote.MarkSent(Deals.By())).Error.Code);

        quote.Decide(approve: true, "ok for Q4", quote.Version, Deals.By("manager-1"));
        quote.MarkSent(Deals.By());
        Assert.Equal(QuoteStatus.Sent, quote.Status);
        Assert.Equal("ok for Q4", quote.Decision!.Comment);
    }

    [Fact]
    public void ADiscountWithinTheThresholdIsApprovedOnSubmit()
    {
        var quote = Draft(10);
        quote.Submit(threshold: 10, managerId: null, Deals.By());
        Assert.Equal(QuoteStatus.Approved, quote.Status);
    }

    [Fact]
    public void OnlyTheAskedManagerDecidesAndOnlyOnTheVersionTheySaw()
    {
        var quote = Draft(20);
        quote.Submit(10, "manager-1", Deals.By());
        var seen = quote.Version;
        Assert.Equal("convert.not_approver", Assert.Throws<DomainException>(() => quote.Decide(true, null, seen, Deals.By("rep-1"))).Error.Code);
        Assert.Equal("convert.quote_changed", Assert.Throws<DomainException>(() => quote.Decide(true, null, seen - 1, Deals.By("manager-1"))).Error.Code);
    }

    [Fact]
    public void ARejectedDiscountSendsTheQuoteBackToDraftWithTheManagersComment()
    {
        var quote = Draft(30);
        quote.Submit(10, "manager-1", Deals.By());
        quote.Decide(false, "too deep", quote.Version, Deals.By("manager-1"));
        Assert.Equal(QuoteStatus.Draft, quote.Status);
        Assert.False(quote.Decision!.Approved);
        quote.SetDiscount(10, Deals.By());
        Assert.Equal(900m + 90m, quote.Total);
    }

    [Fact]
    public void LinesCannotChangeOnceTheQuoteLeftDraft()
    {
        var quote = Draft();
        quote.Submit(10, null, Deals.By());
        var error = Assert.Throws<DomainException>(() => quote.AddLine(QuoteLine.Of(null, "Setup", null, 1, 500, 0), Deals.By()));
        Assert.Equal("convert.quote_status", error.Error.Code);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, -1, 0)]
    [InlineData(1, 1, 101)]
    [InlineData(2_000_000, 1, 0)]
    public void ALineOutOfBoundsIsRefused(decimal quantity, decimal price, decimal discount) =>
        Assert.Equal("convert.invalid_line", Assert.Throws<DomainException>(() => QuoteLine.Of(null, "x", null, quantity, price, discount)).Error.Code);

    [Fact]
    public void AQuoteHoldsAtMostItsLimitOfLines()
    {
        var lines = Enumerable.Range(0, Quote.MaxLines + 1).Select(_ => QuoteLine.Of(null, "x", null, 1, 1, 0));
        Assert.Equal("too_many", Assert.Throws<DomainException>(() => Quote.Create("t", Deal, 1, "EUR", lines, 0, Deals.By())).Error.Code);
    }
}

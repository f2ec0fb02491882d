using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotes;

namespace Collaboration.Domain.Opportunities;

/// <summary>The Convert phase on the deal itself: the accepted quote and the signed contract the stage gates can ask for.</summary>
public sealed partial class Opportunity
{
    public const int MaxDocumentLinkLength = 2000;

    /// <summary>When the customer accepted the current quote; a tenant can make it Proposal's exit criterion.</summary>
    public DateTimeOffset? QuoteAcceptedAt { get; private set; }

    public DealContract? Contract { get; private set; }

    /// <summary>The current quote's total becomes the deal's amount (a history row, like any amount change).</summary>
    public void TakeQuoteTotal(int quoteNumber, decimal total, string currency, ChangeContext context)
    {
        ChangeAmount(total, currency, context);
        if (_pendingChanges.Count > 0 && _pendingChanges[^1].Field is ChangedField.Amount or ChangedField.Currency)
        {
            Record(ChangedField.Quote, null, QuoteNumber(quoteNumber), context, "total");
        }
    }

    /// <summary>A quote changed state in a way the timeline shows (submitted, approved, rejected, sent, accepted).</summary>
    public void RecordQuoteEvent(int quoteNumber, string what, string? comment, ChangeContext context)
    {
        Record(ChangedField.Quote, QuoteNumber(quoteNumber), what, context, comment);
        if (what == "accepted") QuoteAcceptedAt = context.At;
        UpdatedAt = context.At;
    }

    /// <summary>Asks the approver the quote names (through the outbox, with the version they decide on).</summary>
    public void AskForQuoteApproval(Quote quote, ChangeContext context) =>
        Raise(new QuoteApprovalRequested(Id, Name, OwnerId, context.ActorId, context.Surface, context.At,
            quote.Number, quote.Version, quote.ApproverId ?? "", quote.LargestDiscountPercent, quote.Total, quote.Currency));

    public void TellQuoteDecision(Quote quote, ChangeContext context) =>
        Raise(new QuoteDecided(Id, Name, OwnerId, context.ActorId, context.Surface, context.At,
            quote.Number, quote.Version, quote.Decision?.Approved == true, quote.Decision?.Comment));

    public void RecordContract(DateOnly signedOn, string? documentLink, decimal value, string? currency, ChangeContext context)
    {
        if (Stage == Stage.Lost) throw new DomainException(DomainError.Of("deal_closed", ("stage", Stage.Key())));
        if (value < 0) throw new DomainException(new DomainError("invalid_amount"));
        var link = string.IsNullOrWhiteSpace(documentLink) ? null : documentLink.Trim();
        if (link is not null && (link.Length > MaxDocumentLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DomainException(new DomainError("convert.invalid_document_link"));
        }
        var contract = new DealContract(signedOn, link, value, DealValues.Currency(currency ?? Currency));
        if (contract == Contract) return;
        Record(ChangedField.Contract, Contract is { } old ? DealValues.Invariant(old.SignedOn) : null, DealValues.Invariant(signedOn), context,
            string.Create(CultureInfo.InvariantCulture, $"{contract.Value} {contract.Currency}"));
        Contract = contract;
        UpdatedAt = context.At;
    }

    private static string QuoteNumber(int number) => number.ToString(CultureInfo.InvariantCulture);
}

using Collaboration.Domain.Quotes;

namespace Collaboration.Application.Quotes;

/// <summary>A line as a rep asks for it: a product by code (its name and list price filled in) or free text with a price.</summary>
public sealed record QuoteLineRequest(string? ProductCode, string? Description, decimal Quantity, decimal? UnitPrice, decimal? DiscountPercent);

public sealed record QuoteRequest(string? Currency, IReadOnlyList<QuoteLineRequest> Lines);

public sealed record QuoteLineView(string? ProductCode, string Description, string? Unit, decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal Amount);

/// <summary>A quote as every surface shows it.</summary>
public sealed record QuoteView(
    Guid OpportunityId, string DealName, int Number, string Currency, IReadOnlyList<QuoteLineView> Lines,
    decimal Subtotal, decimal Discount, decimal Tax, decimal TaxRatePercent, decimal Total, QuoteStatus Status, bool IsCurrent, int Version,
    string? ApproverId, ApprovalDecision? Decision, DateTimeOffset CreatedAt)
{
    public static QuoteView Of(Quote q, string dealName) => new(
        q.OpportunityId, dealName, q.Number, q.Currency,
        q.Lines.Select(l => new QuoteLineView(l.ProductCode, l.Description, l.Unit, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Net(q.Currency))).ToList(),
        q.Subtotal, q.Discount, q.Tax, q.TaxRatePercent, q.Total, q.Status, q.IsCurrent, q.Version, q.ApproverId, q.Decision, q.CreatedAt);
}

namespace Collaboration.Domain.Quotes;

/// <summary>
/// A quote's money: the subtotal (lines' gross), the discount, the tax on what is left and the total. Only each line's
/// gross, each line's discount and the tax are rounded; the rest are sums of rounded amounts, so the document's
/// columns always add up.
/// </summary>
public sealed record QuoteTotals(decimal Subtotal, decimal Discount, decimal Tax, decimal Total)
{
    public static QuoteTotals Of(IReadOnlyList<QuoteLine> lines, string currency, decimal taxRatePercent)
    {
        var subtotal = lines.Sum(l => l.Gross(currency));
        var discount = lines.Sum(l => l.Discount(currency));
        var taxable = subtotal - discount;
        var tax = Currencies.Round(taxable * taxRatePercent / 100m, currency);
        return new QuoteTotals(subtotal, discount, tax, taxable + tax);
    }

    /// <summary>The discount as a share of the subtotal, in percent (0 for an empty quote).</summary>
    public decimal DiscountPercent => Subtotal == 0 ? 0 : Math.Round(Discount * 100m / Subtotal, 2, MidpointRounding.AwayFromZero);
}

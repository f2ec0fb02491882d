using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotes;

/// <summary>
/// One line of a quote: a product (its code kept) or free text, a quantity, a unit price and a discount %.
/// Its amounts are rounded once each, to the quote's currency (see <see cref="Currencies.Round"/>).
/// </summary>
public sealed record QuoteLine(string? ProductCode, string Description, string? Unit, decimal Quantity, decimal UnitPrice, decimal DiscountPercent)
{
    public const int MaxDescriptionLength = 300;
    public const decimal MaxQuantity = 1_000_000m;
    public const decimal MaxUnitPrice = 1_000_000_000m;

    public static QuoteLine Of(string? productCode, string? description, string? unit, decimal quantity, decimal unitPrice, decimal discountPercent)
    {
        var text = description?.Trim() ?? "";
        if (text.Length == 0) throw new DomainException(new DomainError("convert.line_description_required"));
        if (text.Length > MaxDescriptionLength) text = text[..MaxDescriptionLength];
        if (quantity <= 0 || quantity > MaxQuantity) throw Invalid("quantity", quantity);
        if (unitPrice < 0 || unitPrice > MaxUnitPrice) throw Invalid("unit_price", unitPrice);
        if (discountPercent is < 0 or > 100) throw Invalid("discount", discountPercent);
        return new QuoteLine(string.IsNullOrWhiteSpace(productCode) ? null : productCode.Trim(), text, unit, quantity, unitPrice, discountPercent);
    }

    public decimal Gross(string currency) => Currencies.Round(Quantity * UnitPrice, currency);

    public decimal Discount(string currency) => Currencies.Round(Gross(currency) * DiscountPercent / 100m, currency);

    public decimal Net(string currency) => Gross(currency) - Discount(currency);

    public QuoteLine WithDiscount(decimal discountPercent) => Of(ProductCode, Description, Unit, Quantity, UnitPrice, discountPercent);

    private static DomainException Invalid(string field, decimal value) =>
        new(DomainError.Of("convert.invalid_line", ("field", field), ("value", value.ToString(CultureInfo.InvariantCulture))));
}

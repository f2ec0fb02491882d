using System.Globalization;
using Collaboration.Domain.Common;
using Collaboration.Domain.Quotes;

namespace Collaboration.Domain.Products;

/// <summary>Something the tenant sells: a code unique in the tenant, a name, a unit and a list price per currency.</summary>
public sealed class Product
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 200;
    public const int MaxUnitLength = 30;
    public const int MaxPrices = 20;

    private Product() { }

    public Product(string tenantId, string code, string name, string? unit, IEnumerable<ProductPrice> prices, bool active)
    {
        TenantId = tenantId;
        Code = NormalizeCode(code);
        Change(name, unit, prices, active);
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Unit { get; private set; }
    public List<ProductPrice> Prices { get; private set; } = [];
    public bool Active { get; private set; }

    public void Change(string name, string? unit, IEnumerable<ProductPrice> prices, bool active)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) throw new DomainException(DomainError.Of("convert.product_invalid", ("code", Code), ("field", "name")));
        if (trimmed.Length > MaxNameLength) trimmed = trimmed[..MaxNameLength];
        var list = prices.Take(MaxPrices + 1).ToList();
        if (list.Count > MaxPrices) throw new DomainException(DomainError.Of("too_many", ("max", MaxPrices.ToString(CultureInfo.InvariantCulture))));
        var valid = new List<ProductPrice>();
        foreach (var price in list)
        {
            var currency = Money.Currency(price.Currency);
            if (price.UnitPrice < 0 || price.UnitPrice > QuoteLine.MaxUnitPrice || valid.Any(p => p.Currency == currency))
            {
                throw new DomainException(DomainError.Of("convert.product_invalid", ("code", Code), ("field", "prices")));
            }
            valid.Add(new ProductPrice(currency, price.UnitPrice));
        }
        Name = trimmed;
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit.Trim() is { Length: > MaxUnitLength } u ? u[..MaxUnitLength] : unit.Trim();
        Prices = valid;
        Active = active;
    }

    public decimal? PriceIn(string currency) => Prices.FirstOrDefault(p => p.Currency == currency)?.UnitPrice;

    /// <summary>A code as stored: trimmed, upper case, letters, digits and - _ . only.</summary>
    public static string NormalizeCode(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        if (trimmed.Length is 0 or > MaxCodeLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new DomainException(DomainError.Of("convert.product_invalid", ("code", trimmed.Length > MaxCodeLength ? trimmed[..MaxCodeLength] : trimmed), ("field", "code")));
        }
        return trimmed;
    }
}

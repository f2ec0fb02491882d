namespace Collaboration.Domain.Products;

/// <summary>A product's list price in one currency.</summary>
public sealed record ProductPrice(string Currency, decimal UnitPrice);

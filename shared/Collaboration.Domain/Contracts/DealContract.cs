namespace Collaboration.Domain.Contracts;

/// <summary>The signed contract of a deal: when, where the document is, and for how much.</summary>
public sealed record DealContract(DateOnly SignedOn, string? DocumentLink, decimal Value, string Currency);

namespace Collaboration.Domain.Opportunities;

public enum CaptureSource
{
    Manual,
    Email,
    WebForm,
    Import,
    Event,
    Referral,
    Prospecting,
}

/// <summary>A closed deal's retrospective: why it was won or lost, and what to do differently.</summary>
public sealed record DealReview(
    IReadOnlyList<string> Factors,
    string? Competitor,
    string? Lessons,
    string RecordedBy,
    DateTimeOffset RecordedAt);

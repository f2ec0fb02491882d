using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Opportunities;

/// <summary>
/// A deal as a use case left it, with what the front ends should ask for next. When to ask is decided here, once;
/// the edges only draw the prompts.
/// </summary>
public sealed record DealOutcome(Opportunity Deal)
{
    /// <summary>The BANT items to ask for: the deal was just captured, or just entered Qualify, with these unknown. Empty: no prompt.</summary>
    public IReadOnlyList<string> QualificationGaps { get; init; } = [];

    /// <summary>Who is asked for a win/loss review: the deal's owner, when this change closed it. Null: no prompt.</summary>
    public string? ReviewFrom { get; init; }

    internal static DealOutcome Captured(Opportunity deal, PipelineSettings pipeline, DateTimeOffset at) =>
        new(deal) { QualificationGaps = deal.ScoreQualification(pipeline, DateOnly.FromDateTime(at.UtcDateTime)).Gaps };

    internal static DealOutcome Changed(Opportunity deal, Stage stageBefore, PipelineSettings pipeline, DateTimeOffset at) => new(deal)
    {
        QualificationGaps = deal.Stage == Stage.Qualify && stageBefore != Stage.Qualify
            ? deal.ScoreQualification(pipeline, DateOnly.FromDateTime(at.UtcDateTime)).Gaps
            : [],
        ReviewFrom = deal.IsClosed && !stageBefore.IsClosed() ? deal.OwnerId : null,
    };
}

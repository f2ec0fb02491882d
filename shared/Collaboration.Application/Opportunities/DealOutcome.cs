using Collaboration.Application.Capture;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Application.Opportunities;

/// <summary>
/// A deal as a use case left it, with what the front ends should ask for next. When to ask is decided here, once;
/// the edges only draw the prompts.
/// </summary>
public sealed record DealOutcome(Opportunity Deal)
{
    /// <summary>The tenant's pipeline the change was made under: what the card that answers it draws with.</summary>
    public required PipelineSettings Pipeline { get; init; }

    /// <summary>The BANT items to ask for: the deal was just captured, or just entered Qualify, with these unknown. Empty: no prompt.</summary>
    public IReadOnlyList<string> QualificationGaps { get; init; } = [];

    /// <summary>The contact and account a capture matched (as saved): the new deal is drawn with them, not with a re-read.</summary>
    public PartyMatch? Party { get; init; }

    /// <summary>
    /// A new deal's whole history as its capture saved it (its change rows and first interaction): the deal did not exist
    /// before, so this is its timeline, drawn without reading it back. Null for a change to an existing deal.
    /// </summary>
    public CapturedHistory? History { get; init; }

    /// <summary>Who is asked for a win/loss review: the deal's owner, when this change closed it. Null: no prompt.</summary>
    public string? ReviewFrom { get; init; }

    /// <summary>
    /// The review prompt already went to the owner's Teams chat through the outbox (the change came from a surface
    /// that shows no prompts): the front end must not draw it again.
    /// </summary>
    public bool ReviewQueued { get; init; }

    /// <summary>
    /// Teams answers a change with its prompts in the reply (and tells an owner who did not make the change in their
    /// own chat); every other surface has no one to show them to, so the prompt goes through the outbox.
    /// </summary>
    internal static bool SurfaceShowsPrompts(Domain.Common.ChangeSurface surface) => surface == Domain.Common.ChangeSurface.Teams;

    internal static DealOutcome Captured(Opportunity deal, PipelineSettings pipeline, DateTimeOffset at, CapturedHistory? history = null) =>
        new(deal) { Pipeline = pipeline, QualificationGaps = deal.ScoreQualification(pipeline, DateOnly.FromDateTime(at.UtcDateTime)).Gaps, History = history };

    internal static DealOutcome Changed(Opportunity deal, Stage stageBefore, PipelineSettings pipeline, DateTimeOffset at, Domain.Common.ChangeSurface surface) => new(deal)
    {
        Pipeline = pipeline,
        QualificationGaps = deal.Stage == Stage.Qualify && stageBefore != Stage.Qualify
            ? deal.ScoreQualification(pipeline, DateOnly.FromDateTime(at.UtcDateTime)).Gaps
            : [],
        ReviewFrom = deal.IsClosed && !stageBefore.IsClosed() ? deal.OwnerId : null,
        ReviewQueued = deal.IsClosed && !stageBefore.IsClosed() && !SurfaceShowsPrompts(surface),
    };
}

/// <summary>The rows a capture wrote to a new deal's history, as saved (the change rows with the ids the database gave them).</summary>
public sealed record CapturedHistory(IReadOnlyList<OpportunityChange> Changes, IReadOnlyList<Interaction> Interactions);

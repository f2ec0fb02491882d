using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Addin.Opportunities;

public sealed record NamedRef(Guid Id, string Name);

public sealed record ContactRef(Guid Id, string Name, string Email);

/// <summary>A term key with its label in the caller's language ("decision_maker" / "决策人").</summary>
public sealed record Term(string Key, string Label);

public enum StepState
{
    Done,
    Current,
    Todo,
}

public sealed record PhaseStep(Phase Phase, StepState State);

public sealed record ScoreView(int Total, Rating Rating, IReadOnlyList<BantScorePart> Parts, IReadOnlyList<Term> Gaps);

/// <summary>One deal as the task pane shows it. Summaries are plain text: nothing from an email is returned as markup.</summary>
public sealed record DealView(
    Guid Id, string Name, Stage Stage, string StageName, Phase Phase, IReadOnlyList<PhaseStep> PhaseProgress,
    int Probability, decimal? Amount, string Currency, decimal? WeightedAmount, DateOnly? CloseDate, string OwnerId,
    NamedRef? Account, ContactRef? PrimaryContact, Bant Bant, ScoreView Score, Stage? NextStage, IReadOnlyList<Term> MissingToAdvance,
    string? NextStep, DateOnly? NextStepDue, DateTimeOffset? LastActivityAt, int Version, IReadOnlyList<TimelineEntry> Timeline)
{
    private static readonly Phase[] Phases = [Phase.Capture, Phase.Qualify, Phase.Nurture, Phase.Convert, Phase.Closed];

    public static DealView From(DealDetail detail, string locale)
    {
        var deal = detail.Deal;
        var phase = deal.Stage.PhaseOf();
        var current = Array.IndexOf(Phases, phase);
        return new DealView(
            deal.Id, deal.Name, deal.Stage, detail.Pipeline.For(deal.Stage).DisplayName(locale), phase,
            Phases.Select((p, i) => new PhaseStep(p, i < current ? StepState.Done : i == current ? StepState.Current : StepState.Todo)).ToList(),
            deal.Probability, deal.Amount, deal.Currency, deal.WeightedAmount, deal.CloseDate, deal.OwnerId,
            detail.Account is { } a ? new NamedRef(a.Id, a.Name) : null,
            detail.PrimaryContact is { } c ? new ContactRef(c.Id, c.Name, c.Email) : null,
            deal.Bant,
            new ScoreView(detail.Score.Total, detail.Score.Rating, detail.Score.Parts, Terms(detail.Score.Gaps, locale)),
            deal.Stage.Next(), Terms(detail.MissingToAdvance, locale),
            deal.NextStep, deal.NextFollowUpOn, deal.LastActivityAt, deal.Version, detail.Timeline);
    }

    public static IReadOnlyList<Term> Terms(IEnumerable<string> keys, string locale) =>
        keys.Select(k => new Term(k, ErrorMessages.Term(k, locale))).ToList();
}

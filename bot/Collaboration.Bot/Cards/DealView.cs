using Collaboration.Application.Contracts;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Cards;

/// <summary>What a deal card shows: read from a <see cref="DealDetail"/>, or made up for samples.</summary>
public sealed record DealView(
    Guid Id,
    string Name,
    string? AccountName,
    Stage Stage,
    decimal? Amount,
    string Currency,
    int Probability,
    decimal? WeightedAmount,
    DateOnly? CloseDate,
    int Score,
    Rating Rating,
    IReadOnlyList<string> Gaps,
    IReadOnlyList<string> MissingToAdvance,
    string? NextStep,
    DateTimeOffset? LastActivityAt,
    int Version,
    Bant Bant,
    string? ReferredBy,
    string? LossReason,
    PipelineSettings Pipeline)
{
    public bool IsClosed => Stage.IsClosed();

    public string? OwnerId { get; init; }

    /// <summary>The rep's own probability; null when it follows the stage.</summary>
    public int? ManualProbability { get; init; }

    public DateOnly? NextStepDue { get; init; }

    public string? PrimaryContactEmail { get; init; }

    /// <summary>The newest timeline entries, newest first (the card shows <see cref="DealCards.RecentEntries"/> of them).</summary>
    public IReadOnlyList<DealTimelineEntry> Recent { get; init; } = [];

    /// <summary>The signed contract; null before it is signed.</summary>
    public DealContract? Contract { get; init; }

    /// <summary>The payments and deliveries that follow the contract, earliest due first.</summary>
    public IReadOnlyList<MilestoneView> Milestones { get; init; } = [];

    public string StageName(Stage stage, string? locale) => Pipeline.For(stage).DisplayName(locale);

    public static DealView From(DealDetail detail)
    {
        var d = detail.Deal;
        return new DealView(d.Id, d.Name, detail.Account?.Name, d.Stage, d.Amount, d.Currency, d.Probability, d.WeightedAmount,
            d.CloseDate, detail.Score.Total, detail.Score.Rating, detail.Score.Gaps, detail.MissingToAdvance, d.NextStep,
            d.LastActivityAt, d.Version, d.Bant, d.ReferredBy, d.LossReason, detail.Pipeline)
        {
            OwnerId = d.OwnerId,
            ManualProbability = d.ManualProbability,
            NextStepDue = d.NextFollowUpOn,
            PrimaryContactEmail = detail.PrimaryContact?.Email,
            Contract = d.Contract,
        };
    }
}

/// <summary>When and for whom a card is drawn: its texts follow the locale, its actions carry the time.</summary>
public sealed record CardContext(string Locale, DateTimeOffset RenderedAt);

/// <summary>Extra lines on a deal card: what just happened, a refusal, what changed since an older card, a gated move.</summary>
public sealed record DealCardNotes(
    string? Notice = null,
    bool NoticeIsError = false,
    IReadOnlyList<string>? ChangedSince = null,
    Stage? GatedTarget = null);

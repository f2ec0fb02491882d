using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Opportunities;

public abstract record DomainEvent(Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At)
{
    /// <summary>The deal's version once the change that raised the event is saved; set when the event is written to the outbox.</summary>
    public int? OpportunityVersion { get; init; }
}

public sealed record StageChanged(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    Stage From, Stage To, string? OverrideReason)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

public sealed record QualificationChanged(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    int OldScore, int NewScore, IReadOnlyList<string> Gaps)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

public sealed record OwnerAssigned(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    string? PreviousOwnerId)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

public sealed record DealClosed(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    bool Won, decimal? Amount, string? Currency, string? LossReason, string? Competitor)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

/// <summary>The owner is asked for a win/loss review of a deal that just closed.</summary>
public sealed record ReviewRequested(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    bool Won, string? Competitor)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

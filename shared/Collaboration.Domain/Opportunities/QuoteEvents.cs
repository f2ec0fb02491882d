using Collaboration.Domain.Common;

namespace Collaboration.Domain.Opportunities;

/// <summary>A quote's discount is above the tenant's threshold: the owner's manager is asked to approve this version.</summary>
public sealed record QuoteApprovalRequested(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    int QuoteNumber, int QuoteVersion, string ApproverId, decimal LargestDiscountPercent, decimal Total, string Currency)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

/// <summary>The manager approved or rejected a quote's discount; the rep's card follows.</summary>
public sealed record QuoteDecided(
    Guid OpportunityId, string OpportunityName, string OwnerId, string ActorId, ChangeSurface Surface, DateTimeOffset At,
    int QuoteNumber, int QuoteVersion, bool Approved, string? Comment)
    : DomainEvent(OpportunityId, OpportunityName, OwnerId, ActorId, Surface, At);

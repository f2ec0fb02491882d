using Collaboration.Application.Assignment;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Application.Capture;

/// <summary>
/// A capture nobody typed in: a web form, the shared mailbox. The contact is matched or created (never twice),
/// the tenant's assignment rules pick the owner, and the deal is captured on the system's behalf; the owner is
/// told through the outbox (OwnerAssigned).
/// </summary>
public sealed class ChannelCapture(PartyMatcher parties, LeadAssigner assigner, OpportunityService deals)
{
    public async Task<Opportunity> CaptureAsync(string tenantId, string channelActorId, CaptureRequest request, string? country, string fallbackOwner, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.ContactEmail)) throw new DomainException(DomainError.Of("invalid_email", ("email", "")));
        var party = await parties.MatchOrCreateAsync(tenantId, request.ContactEmail, request.ContactName, request.AccountName, ct);
        var owner = await assigner.AssignAsync(tenantId, new AssignmentCandidate(party.Contact.Email, country, party.Account?.Id), fallbackOwner, ct);
        var actor = new Actor(tenantId, channelActorId, ChangeSurface.System);
        return (await deals.CaptureMatchedAsync(actor, request with { OwnerObjectId = owner }, party, ownerFromRules: true, ct)).Deal;
    }
}

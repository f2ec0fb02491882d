using Collaboration.Application.Assignment;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Application.Capture;

/// <summary>
/// A deal a rep types in (a referral, a prospect, someone met at an event). The same rules as every channel: the
/// contact is matched by email or created once, and the deal is the rep's own unless the rep asks for the
/// tenant's assignment rules (<c>assign</c>), which then pick the owner (the rep when no rule decides).
/// </summary>
public sealed class ManualCapture(PartyMatcher parties, LeadAssigner assigner, OpportunityService deals)
{
    /// <summary>The sources a rep may name; the channels (email, web form, import) record their own.</summary>
    public static readonly IReadOnlyList<CaptureSource> ManualSources = [CaptureSource.Manual, CaptureSource.Referral, CaptureSource.Prospecting, CaptureSource.Event];

    /// <summary>The new deal, with the qualification gaps the rep is asked about next (see <see cref="DealOutcome"/>).</summary>
    public async Task<DealOutcome> CaptureAsync(Actor actor, CaptureRequest request, bool assign, CancellationToken ct = default)
    {
        if (!ManualSources.Contains(request.Source))
        {
            throw new DomainException(DomainError.Of("invalid_source", ("value", request.Source.ToString()), ("allowed", AllowedSources)));
        }
        // The deal's own checks, before a contact or account is written for a deal that would be refused.
        if (request.Amount < 0) throw new DomainException(DomainError.Of("invalid_amount"));
        if (request.Currency is { } currency && (currency.Trim().Length != 3 || !currency.Trim().All(char.IsAsciiLetter)))
        {
            throw new DomainException(DomainError.Of("invalid_currency", ("value", currency)));
        }
        PartyMatch? party = string.IsNullOrWhiteSpace(request.ContactEmail) ? null
            : await parties.MatchOrCreateAsync(actor.TenantId, request.ContactEmail, request.ContactName, request.AccountName, ct);
        if (!assign) return await deals.CaptureMatchedAsync(actor, request, party, ownerFromRules: false, ct);

        var owner = await assigner.AssignAsync(actor.TenantId, new AssignmentCandidate(party?.Contact.Email, null, party?.Account?.Id), actor.UserObjectId, ct);
        return await deals.CaptureMatchedAsync(actor, request with { OwnerObjectId = owner }, party, ownerFromRules: true, ct);
    }

    public static string AllowedSources => string.Join(", ", ManualSources.Select(s => char.ToLowerInvariant(s.ToString()[0]) + s.ToString()[1..]));
}

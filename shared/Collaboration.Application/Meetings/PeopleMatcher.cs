using Collaboration.Application.Access;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Meetings;

public sealed record MatchedContact(Guid Id, string Name, string Email);

/// <summary>The CRM's contacts among the people of a message or meeting, and the open deals they point to.</summary>
public sealed record PeopleDeals(IReadOnlyList<MatchedContact> Contacts, IReadOnlyList<DealSummary> Deals);

/// <summary>
/// Matches the recipients of a message being written, or the people of a meeting, to the CRM: a contact by its exact
/// address, an account by its company domain (never a free-mail one). Nothing is created: a colleague or an unknown
/// guest on the invite never becomes a contact. Deals are the open ones the rep may see, most recently active first.
/// </summary>
public sealed class PeopleMatcher(ICrmDatabase database)
{
    public const int MaxAddresses = 500;
    public const int MaxDeals = 20;

    public async Task<PeopleDeals> MatchAsync(Actor actor, IEnumerable<string> addresses, CancellationToken ct = default)
    {
        var wanted = Normalized(addresses);
        if (wanted.Count == 0) return new PeopleDeals([], []);
        await using var db = database.Open(actor.TenantId);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => wanted.Contains(c.Email)).ToListAsync(ct);
        var domains = wanted.Select(EmailAddress.DomainOf).Distinct()
            .Where(d => !(tenant?.IsFreeMail(d) ?? FreeMailDomains.Contains(d))).ToList();
        var accountIds = await db.AccountDomains.AsNoTracking().Where(d => domains.Contains(d.Domain)).Select(d => d.AccountId).ToListAsync(ct);
        accountIds.AddRange(contacts.Select(c => c.AccountId).OfType<Guid>());
        var contactIds = contacts.Select(c => c.Id).ToList();

        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var deals = await db.Opportunities.AsNoTracking()
            .Where(o => visible.Contains(o.OwnerId) && o.Stage != Stage.Won && o.Stage != Stage.Lost)
            .Where(o => (o.PrimaryContactId != null && contactIds.Contains(o.PrimaryContactId.Value))
                     || (o.AccountId != null && accountIds.Contains(o.AccountId.Value)))
            .OrderByDescending(o => o.LastActivityAt)
            .Take(MaxDeals)
            .ToListAsync(ct);
        var accountNamesWanted = deals.Select(o => o.AccountId).OfType<Guid>().Distinct().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accountNamesWanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var ordered = contacts.OrderBy(c => wanted.IndexOf(c.Email)).Select(c => new MatchedContact(c.Id, c.Name, c.Email)).ToList();
        var summaries = deals.Select(o => OpportunityQueries.Summarize(o, o.AccountId is { } id && names.TryGetValue(id, out var n) ? n : null)).ToList();
        return new PeopleDeals(ordered, summaries);
    }

    /// <summary>Each valid address once, in the order given; addresses that are not ones cannot match anything.</summary>
    private static List<string> Normalized(IEnumerable<string> addresses)
    {
        var result = new List<string>();
        foreach (var address in addresses)
        {
            if (result.Count == MaxAddresses)
            {
                throw new DomainException(DomainError.Of("compose.too_many_attendees", ("max", MaxAddresses.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            }
            try
            {
                var normalized = EmailAddress.Normalize(address);
                if (!result.Contains(normalized)) result.Add(normalized);
            }
            catch (DomainException)
            {
            }
        }
        return result;
    }
}

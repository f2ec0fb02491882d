using Collaboration.Application.Access;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Capture.EmailHints;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Capture;

public enum SuggestedAction
{
    Create,
    LogToDeal,
    AlreadyLogged,
}

/// <summary>Who wrote the email as the CRM knows them; New* say what creating a deal would add.</summary>
public sealed record SenderMatch(string Address, string? Name, Contact? Contact, Account? Account, bool IsFreeMail, bool ContactIsNew, bool AccountIsNew);

public sealed record LoggedEmail(Guid DealId, string DealName, Guid InteractionId);

public sealed record EmailResolution(
    SenderMatch Sender,
    IReadOnlyList<DealSummary> OpenDeals,
    LoggedEmail? AlreadyLogged,
    DealSummary? ConversationDeal,
    BantUpdate? Hints,
    SuggestedAction Action,
    Guid? SuggestedDealId);

/// <summary>
/// What the Outlook add-in does with the open email: say what the CRM already knows about it, turn it into
/// a deal, or log it to one. The rules are the same ones every capture channel follows.
/// </summary>
public sealed class EmailCapture
{
    private readonly ICrmDatabase _database;
    private readonly OpportunityService _deals;

    public EmailCapture(ICrmDatabase database, OpportunityService deals)
    {
        _database = database;
        _deals = deals;
    }

    public static BantUpdate? HintsFor(EmailMessage email) =>
        EmailHintExtractor.Extract(email.Subject ?? "", email.BodyText ?? "", DateOnly.FromDateTime(email.ReceivedAt.UtcDateTime))
            .ToQualification(email.From.Name);

    public async Task<EmailResolution> ResolveAsync(Actor actor, EmailMessage email, CancellationToken ct = default)
    {
        var address = EmailAddress.Normalize(email.From.Address);
        await using var db = _database.Open(actor.TenantId);
        var tenant = await PartyMatcher.TenantRow.For(db)(db, ct);
        var (contact, account) = await PartyMatcher.FindAsync(db, tenant, address, ct);
        var domain = EmailAddress.DomainOf(address);
        var freeMail = tenant?.IsFreeMail(domain) ?? FreeMailDomains.Contains(domain);
        var sender = new SenderMatch(address, email.From.Name, contact, account, freeMail, contact is null, account is null && !freeMail);

        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var contactId = contact?.Id;
        var accountId = account?.Id;
        var open = new List<Opportunity>();
        if (contactId is not null || accountId is not null)
        {
            await foreach (var deal in OpenDealsOfParty.For(db)(db, visible.ToArray(), contactId, accountId).WithCancellation(ct)) open.Add(deal);
        }
        var accountNames = await AccountNamesAsync(db, open.Select(o => o.AccountId), ct);
        var openDeals = open.Select(o => OpportunityQueries.Summarize(o, Name(accountNames, o.AccountId))).ToList();

        var alreadyLogged = await LoggedAsync(db, visible, EmailAddress.NormalizeMessageId(email.InternetMessageId), ct);
        var conversationDeal = alreadyLogged is null ? await ConversationDealAsync(db, visible, email.ConversationId, ct) : null;

        var withThisContact = open.Where(o => contactId is not null && o.PrimaryContactId == contactId).ToList();
        var (action, dealId) = alreadyLogged is not null ? (SuggestedAction.AlreadyLogged, alreadyLogged.DealId)
            : conversationDeal is not null ? (SuggestedAction.LogToDeal, conversationDeal.Id)
            : withThisContact.Count == 1 ? (SuggestedAction.LogToDeal, withThisContact[0].Id)
            : (SuggestedAction.Create, (Guid?)null);
        return new EmailResolution(sender, openDeals, alreadyLogged, conversationDeal, HintsFor(email), action, dealId);
    }

    /// <summary>A new deal from the email: sender matched or created, the email its first interaction, hints pre-filled.</summary>
    public Task<Opportunity> CreateDealAsync(Actor actor, EmailMessage email, string? dealName = null, CancellationToken ct = default) =>
        CreateDealAsync(actor, email, dealName, null, null, ct);

    /// <summary>As above, recording who referred the lead or that it came from the rep's own prospecting.</summary>
    public Task<Opportunity> CreateDealAsync(Actor actor, EmailMessage email, string? dealName, string? referredBy, CaptureSource? source, CancellationToken ct = default) =>
        _deals.CaptureFromEmailAsync(actor, email, HintsFor(email), string.IsNullOrWhiteSpace(dealName) ? null : dealName.Trim(), referredBy, source, ct);

    /// <summary>As above, with the pipeline the deal was captured under: the pane draws the new deal from it without reading it back.</summary>
    public Task<DealOutcome> CreateDealOutcomeAsync(Actor actor, EmailMessage email, string? dealName, string? referredBy, CaptureSource? source, CancellationToken ct = default) =>
        _deals.CaptureOutcomeAsync(actor, OpportunityService.FromEmail(email, HintsFor(email), string.IsNullOrWhiteSpace(dealName) ? null : dealName.Trim(), referredBy, source), ct);

    /// <summary>Logs the email to a deal; the same message twice is one interaction.</summary>
    public Task<LoggedInteraction> LogToDealAsync(Actor actor, Guid dealId, EmailMessage email, CancellationToken ct = default) =>
        _deals.LogInteractionAsync(actor, dealId, OpportunityService.EmailInteraction(email) with { ContactEmail = email.From.Address }, ct);

    // The pane's lookup for every email it opens: compiled, since translating the LINQ cost more than running it.
    private static readonly PerProvider<Func<CrmDbContext, string[], Guid?, Guid?, IAsyncEnumerable<Opportunity>>> OpenDealsOfParty = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string[] visible, Guid? contactId, Guid? accountId) => db.Opportunities.AsNoTracking()
            .Where(o => visible.Contains(o.OwnerId) && o.Stage != Stage.Won && o.Stage != Stage.Lost)
            .Where(o => (contactId != null && o.PrimaryContactId == contactId) || (accountId != null && o.AccountId == accountId))
            .OrderByDescending(o => o.LastActivityAt)
            .Take(20)));

    private sealed record LoggedRow(Guid Id, Guid DealId, string Name, string OwnerId);

    private static readonly PerProvider<Func<CrmDbContext, string, IAsyncEnumerable<LoggedRow>>> LoggedRows = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string messageId) => db.Interactions.AsNoTracking()
            .Where(i => i.SourceId == messageId && i.OpportunityId != null)
            .Join(db.Opportunities, i => i.OpportunityId, o => o.Id, (i, o) => new LoggedRow(i.Id, o.Id, o.Name, o.OwnerId))));

    private static readonly PerProvider<Func<CrmDbContext, string, IAsyncEnumerable<Opportunity>>> ConversationDeals = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string conversationId) => db.Interactions.AsNoTracking()
            .Where(i => i.ConversationId == conversationId && i.OpportunityId != null)
            .OrderByDescending(i => i.OccurredAt)
            .Join(db.Opportunities, i => i.OpportunityId, o => o.Id, (i, o) => o)
            .Take(20)));

    private static async Task<LoggedEmail?> LoggedAsync(CrmDbContext db, HashSet<string> visible, string? messageId, CancellationToken ct)
    {
        if (messageId is null) return null;
        await foreach (var row in LoggedRows.For(db)(db, messageId).WithCancellation(ct))
        {
            if (visible.Contains(row.OwnerId)) return new LoggedEmail(row.DealId, row.Name, row.Id);
        }
        return null;
    }

    private static async Task<DealSummary?> ConversationDealAsync(CrmDbContext db, HashSet<string> visible, string? conversationId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(conversationId)) return null;
        var deals = new List<Opportunity>();
        await foreach (var row in ConversationDeals.For(db)(db, conversationId).WithCancellation(ct)) deals.Add(row);
        var deal = deals.FirstOrDefault(o => visible.Contains(o.OwnerId) && !o.IsClosed);
        if (deal is null) return null;
        var names = await AccountNamesAsync(db, [deal.AccountId], ct);
        return OpportunityQueries.Summarize(deal, Name(names, deal.AccountId));
    }

    private static async Task<Dictionary<Guid, string>> AccountNamesAsync(CrmDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Accounts.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }

    private static string? Name(Dictionary<Guid, string> names, Guid? id) => id is { } key && names.TryGetValue(key, out var name) ? name : null;
}

using Collaboration.Application.Persistence;
using Collaboration.Domain.Accounts;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contacts;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Capture;

public sealed record PartyMatch(Contact Contact, Account? Account, bool ContactIsNew, bool AccountIsNew)
{
    /// <summary>The tenant's pipeline, read with its row for the free-mail check: the capture that follows needs no read of its own.</summary>
    public PipelineSettings? Pipeline { get; init; }
}

/// <summary>
/// Finds the contact and account behind an email address: the exact address first, then the company domain
/// (never a free-mail one). Creates what is missing without ever making a duplicate, also when many requests
/// about one new sender race: the unique indexes decide, and the losers read the winner's row.
/// </summary>
public sealed class PartyMatcher(ICrmDatabase database)
{
    public async Task<PartyMatch> MatchOrCreateAsync(string tenantId, string email, string? name, string? accountName = null, CancellationToken ct = default)
    {
        var address = EmailAddress.Normalize(email);
        var domain = EmailAddress.DomainOf(address);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = database.Open(tenantId);
            try
            {
                return await MatchOrCreateOnceAsync(db, tenantId, address, domain, name, accountName, ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
            }
        }
    }

    public async Task<(Contact? Contact, Account? Account)> FindAsync(string tenantId, string email, CancellationToken ct = default)
    {
        await using var db = database.Open(tenantId);
        return await FindAsync(db, await TenantRow.For(db)(db, ct), EmailAddress.Normalize(email), ct);
    }

    /// <summary>The same in a unit of work that has the tenant's row already (the pane's lookup reads it for the free-mail check too).</summary>
    internal static async Task<(Contact? Contact, Account? Account)> FindAsync(CrmDbContext db, Tenant? tenant, string address, CancellationToken ct)
    {
        var contact = await ContactByEmail.For(db)(db, address, ct);
        Account? account = null;
        if (contact?.AccountId is { } accountId)
        {
            account = await AccountWithDomains.For(db)(db, accountId, ct);
        }
        else
        {
            var domain = EmailAddress.DomainOf(address);
            if (!IsFreeMail(tenant, domain))
            {
                account = await AccountByDomainAsync(db, domain, ct);
            }
        }
        return (contact, account);
    }

    private static async Task<PartyMatch> MatchOrCreateOnceAsync(CrmDbContext db, string tenantId, string address, string domain, string? name, string? accountName, CancellationToken ct)
    {
        var tenant = await TenantRow.For(db)(db, ct);
        var freeMail = IsFreeMail(tenant, domain);

        var contact = await ContactToUpdate.For(db)(db, address, ct);
        Account? account = null;
        var accountIsNew = false;
        if (contact?.AccountId is { } linked)
        {
            account = await AccountToUpdate.For(db)(db, linked, ct);
        }
        else if (!freeMail)
        {
            account = await AccountByDomainAsync(db, domain, ct);
            if (account is null)
            {
                account = new Account(tenantId, string.IsNullOrWhiteSpace(accountName) ? Account.NameFromDomain(domain) : accountName, domain);
                db.Accounts.Add(account);
                accountIsNew = true;
                await db.SaveChangesAsync(ct);
            }
        }

        var contactIsNew = false;
        if (contact is null)
        {
            contact = new Contact(tenantId, address, name, account?.Id);
            db.Contacts.Add(contact);
            contactIsNew = true;
        }
        else
        {
            contact.LearnFrom(name, null, null);
            if (account is not null) contact.LinkToAccount(account.Id);
        }
        await db.SaveChangesAsync(ct);
        return new PartyMatch(contact, account, contactIsNew, accountIsNew) { Pipeline = tenant?.Pipeline ?? PipelineSettings.Default };
    }

    // Compiled: every email the pane opens asks who sent it.
    private static readonly PerProvider<Func<CrmDbContext, string, CancellationToken, Task<Contact?>>> ContactByEmail = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string address, CancellationToken ct) => db.Contacts.AsNoTracking().FirstOrDefault(c => c.Email == address)));

    // The same two, tracked: a capture learns the sender's name and links the contact to its account. Compiled too,
    // since every capture from an email, a form or an import asks them.
    private static readonly PerProvider<Func<CrmDbContext, string, CancellationToken, Task<Contact?>>> ContactToUpdate = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string address, CancellationToken ct) => db.Contacts.FirstOrDefault(c => c.Email == address)));

    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<Account?>>> AccountToUpdate = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid id, CancellationToken ct) => db.Accounts.Include(a => a.Domains).FirstOrDefault(a => a.Id == id)));

    private static readonly PerProvider<Func<CrmDbContext, Guid, CancellationToken, Task<Account?>>> AccountWithDomains = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid id, CancellationToken ct) => db.Accounts.AsNoTracking().Include(a => a.Domains).FirstOrDefault(a => a.Id == id)));

    private static readonly PerProvider<Func<CrmDbContext, string, CancellationToken, Task<Account?>>> AccountByDomain = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, string domain, CancellationToken ct) => db.Accounts.Include(a => a.Domains)
            .Where(a => db.AccountDomains.Any(d => d.AccountId == a.Id && d.Domain == domain))
            .FirstOrDefault()));

    internal static readonly PerProvider<Func<CrmDbContext, CancellationToken, Task<Tenant?>>> TenantRow = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, CancellationToken ct) => db.Tenants.AsNoTracking().FirstOrDefault()));

    private static Task<Account?> AccountByDomainAsync(CrmDbContext db, string domain, CancellationToken ct) => AccountByDomain.For(db)(db, domain, ct);

    private static bool IsFreeMail(Tenant? tenant, string domain) => tenant?.IsFreeMail(domain) ?? FreeMailDomains.Contains(domain);
}

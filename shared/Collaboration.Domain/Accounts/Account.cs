using Collaboration.Domain.Common;

namespace Collaboration.Domain.Accounts;

/// <summary>A company, recognised by the email domains its people write from.</summary>
public sealed class Account
{
    private readonly List<AccountDomain> _domains = [];

    private Account() { }

    public Account(string tenantId, string name, string? domain = null)
    {
        TenantId = tenantId;
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainException(new DomainError("name_required")) : name.Trim();
        if (domain is not null) AddDomain(domain);
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<AccountDomain> Domains => _domains;

    public void AddDomain(string domain)
    {
        var normalized = EmailAddress.NormalizeDomain(domain);
        if (_domains.Any(d => d.Domain == normalized)) return;
        _domains.Add(new AccountDomain(TenantId, Id, normalized));
    }

    /// <summary>"contoso.com" reads as "Contoso"; the rep can rename it later.</summary>
    public static string NameFromDomain(string domain)
    {
        var label = EmailAddress.NormalizeDomain(domain).Split('.')[0];
        return label.Length == 0 ? domain : char.ToUpperInvariant(label[0]) + label[1..];
    }
}

public sealed class AccountDomain
{
    private AccountDomain() { }

    public AccountDomain(string tenantId, Guid accountId, string domain)
    {
        TenantId = tenantId;
        AccountId = accountId;
        Domain = domain;
    }

    public string TenantId { get; private set; } = "";
    public Guid AccountId { get; private set; }
    public string Domain { get; private set; } = "";
}

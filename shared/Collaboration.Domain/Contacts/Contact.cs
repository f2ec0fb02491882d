using Collaboration.Domain.Common;

namespace Collaboration.Domain.Contacts;

/// <summary>A person at a buyer. The email is unique per tenant, compared without case.</summary>
public sealed class Contact
{
    private Contact() { }

    public Contact(string tenantId, string email, string? name, Guid? accountId)
    {
        TenantId = tenantId;
        Email = EmailAddress.Normalize(email);
        Name = string.IsNullOrWhiteSpace(name) ? Email : name.Trim();
        AccountId = accountId;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? Title { get; private set; }
    public string? Phone { get; private set; }
    public Guid? AccountId { get; private set; }

    /// <summary>Fills what we did not know; never overwrites what a rep typed with a guess from an email header.</summary>
    public void LearnFrom(string? name, string? title, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(name) && Name == Email) Name = name.Trim();
        if (!string.IsNullOrWhiteSpace(title) && Title is null) Title = title.Trim();
        if (!string.IsNullOrWhiteSpace(phone) && Phone is null) Phone = phone.Trim();
    }

    public void LinkToAccount(Guid accountId) => AccountId ??= accountId;
}

using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Domain.Capture;

/// <summary>
/// The Graph change-notification subscription on a shared mailbox's inbox, remembered so a restart renews it instead
/// of leaving it orphaned. Only a hash of the clientState is kept: enough to tell whether the subscription still
/// carries this process's secret.
/// </summary>
public sealed class MailboxSubscription
{
    private MailboxSubscription() { }

    public MailboxSubscription(string tenantId, string mailbox, string subscriptionId, DateTimeOffset expiresAt, string clientState, string notificationUrl, DateTimeOffset at)
    {
        TenantId = tenantId;
        Mailbox = KeyOf(mailbox);
        Replace(subscriptionId, expiresAt, clientState, notificationUrl, at);
    }

    public string Mailbox { get; private set; } = "";
    public string TenantId { get; private set; } = "";
    public string SubscriptionId { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public string ClientStateHash { get; private set; } = "";
    public string NotificationUrl { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Replace(string subscriptionId, DateTimeOffset expiresAt, string clientState, string notificationUrl, DateTimeOffset at)
    {
        SubscriptionId = subscriptionId;
        ExpiresAt = expiresAt;
        ClientStateHash = HashOf(clientState);
        NotificationUrl = notificationUrl;
        UpdatedAt = at;
    }

    public void Renewed(DateTimeOffset expiresAt, DateTimeOffset at)
    {
        ExpiresAt = expiresAt;
        UpdatedAt = at;
    }

    /// <summary>Whether the subscription can be kept: same secret, same address, not yet expired.</summary>
    public bool Fits(string clientState, string notificationUrl, DateTimeOffset now) =>
        ClientStateHash == HashOf(clientState) && NotificationUrl == notificationUrl && ExpiresAt > now;

    public static string KeyOf(string mailbox) => mailbox.Trim().ToLowerInvariant();

    public static string HashOf(string clientState) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));
}

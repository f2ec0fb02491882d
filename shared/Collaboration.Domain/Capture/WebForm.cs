using System.Security.Cryptography;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Capture;

/// <summary>
/// A tenant's web form: its public key is the only thing the page knows, so it is random and unguessable, and a
/// revoked key stops working at once. Submissions are accepted only from the listed origins.
/// </summary>
public sealed class WebForm
{
    public const int MaxNameLength = 200;
    private const int KeyBytes = 24;

    private WebForm() { }

    public WebForm(string tenantId, string name, IEnumerable<string> allowedOrigins, string? ownerObjectId, string createdBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(DomainError.Of("name_required"));
        if (name.Trim().Length > MaxNameLength) throw new DomainException(DomainError.Of("name_too_long", ("max", MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        TenantId = tenantId;
        Name = name.Trim();
        AllowedOrigins = allowedOrigins.Select(NormalizeOrigin).Distinct(StringComparer.Ordinal).ToList();
        OwnerObjectId = string.IsNullOrWhiteSpace(ownerObjectId) ? null : ownerObjectId.Trim();
        CreatedBy = createdBy;
        CreatedAt = at;
        Key = NewKey();
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";

    /// <summary>192 random bits, URL-safe: the form's public address.</summary>
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<string> AllowedOrigins { get; private set; } = [];

    /// <summary>Who gets the deals when no assignment rule decides; null leaves it to the rules (then the creator).</summary>
    public string? OwnerObjectId { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Submissions dropped because the hidden honeypot field was filled in.</summary>
    public long HoneypotCount { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    public bool AllowsOrigin(string? origin) =>
        TryNormalizeOrigin(origin, out var normalized) && AllowedOrigins.Contains(normalized, StringComparer.Ordinal);

    public static string NewKey()
    {
        Span<byte> bytes = stackalloc byte[KeyBytes];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>An origin as browsers send it: scheme://host[:port], lower case, no path; anything else is refused.</summary>
    public static string NormalizeOrigin(string origin) =>
        TryNormalizeOrigin(origin, out var normalized) ? normalized
            : throw new DomainException(DomainError.Of("invalid_origin", ("value", origin)));

    public static bool TryNormalizeOrigin(string? origin, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(origin)
            || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }
        normalized = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
        normalized = normalized.ToLowerInvariant();
        return true;
    }
}

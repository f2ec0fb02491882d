using System.Net.Mail;

namespace Collaboration.Domain.Common;

public static class EmailAddress
{
    /// <summary>Lower-cased, trimmed, and checked; throws a domain error for anything that is not an address.</summary>
    public static string Normalize(string? address)
    {
        var trimmed = (address ?? "").Trim().Trim('<', '>').Trim();
        if (trimmed.Length is 0 or > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !parsed.Host.Contains('.'))
        {
            throw new DomainException(DomainError.Of("invalid_email", ("email", address ?? "")));
        }
        return trimmed.ToLowerInvariant();
    }

    public static string DomainOf(string normalizedAddress) => normalizedAddress[(normalizedAddress.LastIndexOf('@') + 1)..];

    public static string NormalizeDomain(string domain) => domain.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();

    /// <summary>The de-duplication key for an email: Graph wraps internetMessageId in angle brackets, MimeKit does not.</summary>
    public static string? NormalizeMessageId(string? internetMessageId)
    {
        if (string.IsNullOrWhiteSpace(internetMessageId)) return null;
        var id = internetMessageId.Trim();
        if (id.StartsWith('<') && id.EndsWith('>')) id = id[1..^1].Trim();
        return id.Length == 0 ? null : id.ToLowerInvariant();
    }
}

using System.Net;
using System.Security.Claims;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>The small facts read off a request before any token is validated: the bearer token, the caller's address,
/// the serviceUrl the token vouches for, and the calling app.</summary>
internal static class RequestCredentials
{
    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address);
    }

    public static bool ServiceUrlsMatch(string? claimed, string? actual)
    {
        if (string.IsNullOrEmpty(claimed) || string.IsNullOrEmpty(actual))
        {
            return false;
        }

        return string.Equals(claimed.TrimEnd('/'), actual.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryGetBearerToken(string? header, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var trimmed = header.Trim();
        const string scheme = "Bearer ";
        if (!trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = trimmed[scheme.Length..].Trim();
        return token.Length > 0;
    }

    /// <summary>v2.0 Entra tokens name the calling app in <c>azp</c>, v1.0 tokens in <c>appid</c>.</summary>
    public static string? CallingAppId(ClaimsIdentity identity)
    {
        var appId = identity.FindFirst("azp")?.Value ?? identity.FindFirst("appid")?.Value;
        return string.IsNullOrWhiteSpace(appId) ? null : appId.Trim();
    }
}

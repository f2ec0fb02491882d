using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>
/// Tokens this process has verified, by their exact text. The Bot Connector sends the same token with every activity
/// for as long as it lives, and checking its RSA signature again was about a tenth of a <c>my deals</c> turn's CPU.
/// A token is taken from here only while the key that signed it is still the key in force for its id (a refresh of
/// the signing keys makes new key objects, so every token is checked in full again once) and while its lifetime holds;
/// the checks that depend on the request (serviceUrl, channel endorsement, calling app) run on every request. Only
/// tokens that passed every check enter, so a stranger cannot fill it; it holds at most <see cref="Capacity"/> and
/// starts over when full.
/// </summary>
internal sealed class VerifiedTokens
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(SecurityKey SigningKey, ClaimsIdentity Identity, DateTime? NotBefore, DateTime Expires);

    public int Count => _entries.Count;

    /// <param name="lifetimeHolds">Whether a token with these not-before and expiry times is valid now.</param>
    public bool TryGet(string rawToken, SecurityKey signingKey, Func<DateTime?, DateTime?, bool> lifetimeHolds, out ClaimsIdentity identity)
    {
        if (_entries.TryGetValue(rawToken, out var entry) && ReferenceEquals(entry.SigningKey, signingKey))
        {
            if (lifetimeHolds(entry.NotBefore, entry.Expires))
            {
                identity = entry.Identity.Clone();
                return true;
            }
            _entries.TryRemove(rawToken, out _);
        }
        identity = null!;
        return false;
    }

    public void Add(string rawToken, SecurityKey signingKey, ClaimsIdentity identity, DateTime? notBefore, DateTime expires)
    {
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[rawToken] = new Entry(signingKey, identity.Clone(), notBefore, expires);
    }
}

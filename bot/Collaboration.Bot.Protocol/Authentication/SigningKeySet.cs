using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>One consistent view of an issuer's signing keys and the channels each key is endorsed for.</summary>
public sealed class SigningKeySet
{
    public SigningKeySet(IReadOnlyDictionary<string, SecurityKey> keys, IReadOnlyDictionary<string, IReadOnlyList<string>> endorsements, DateTimeOffset retrievedAt)
    {
        Keys = keys;
        Endorsements = endorsements;
        RetrievedAt = retrievedAt;
    }

    public IReadOnlyDictionary<string, SecurityKey> Keys { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements { get; }

    public DateTimeOffset RetrievedAt { get; }

    public bool IsEndorsed(string keyId, string channelId) =>
        Endorsements.TryGetValue(keyId, out var channels)
        && channels.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}

using System.Globalization;
using System.Security.Cryptography;
using Collaboration.Application;
using Microsoft.AspNetCore.DataProtection;

namespace Collaboration.Addin.Compose;

/// <summary>
/// The value the compose pane stamps on a draft as an internet header: the deal, the rep and the time, encrypted and
/// signed with the server's data-protection keys. It travels with the message (recipients see only ciphertext), so
/// nothing waits on the server for a draft that is never sent; only the rep who asked can redeem it, and only within
/// <see cref="ComposeOptions.LogOnSendLifetime"/>.
/// </summary>
public sealed class LogOnSendTokens(IDataProtectionProvider provider, ComposeOptions options, TimeProvider clock)
{
    public const string Header = "x-collaboration-log";

    /// <summary>Longer header values are not read at all.</summary>
    public const int MaxTokenLength = 1024;

    private readonly IDataProtector _protector = provider.CreateProtector("Collaboration.Compose.LogOnSend.v1");

    public (string Token, DateTimeOffset ExpiresAt) Issue(Actor actor, Guid dealId)
    {
        var now = clock.GetUtcNow();
        var payload = string.Join('\n', actor.TenantId, actor.UserObjectId, dealId.ToString("N"), now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (_protector.Protect(payload), now + options.LogOnSendLifetime);
    }

    /// <summary>The deal a header value names, when this rep issued it and it has not expired; otherwise null.</summary>
    public Guid? DealFor(Actor actor, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 4 || parts[0] != actor.TenantId || parts[1] != actor.UserObjectId) return null;
        if (!Guid.TryParseExact(parts[2], "N", out var dealId) || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var issued)) return null;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age <= options.LogOnSendLifetime ? dealId : null;
    }
}

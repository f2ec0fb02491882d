using System.Globalization;
using System.Security.Cryptography;
using Collaboration.Application;
using Collaboration.Domain.Common;
using Microsoft.AspNetCore.DataProtection;

namespace Collaboration.Infrastructure.Quotes;

/// <summary>What a document link opens: one quote of one deal, for the rep who asked, in their language.</summary>
public sealed record QuoteDocumentGrant(Actor Actor, Guid DealId, int Number);

/// <summary>
/// Short-lived links to a quote's .docx, for Outlook's reply form (which fetches an attachment by URL without the pane's
/// bearer token) and for the bot's quote card (a browser opened from Teams has no token for the add-in either). Both
/// hosts issue them and the add-in serves them, through the key ring they share in the CRM database. The link carries tenant, rep, deal, quote number, language and issue time, encrypted and signed with the
/// server's data-protection keys; it opens only that quote, only within <see cref="Lifetime"/>, and the rep must still
/// see the deal when it is redeemed.
/// </summary>
public sealed class QuoteDocumentLinks(IDataProtectionProvider provider, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Longer tokens are not read at all.</summary>
    public const int MaxTokenLength = 1024;

    /// <summary>Where the add-in host serves a token's document, below its base URL.</summary>
    public static string PathFor(string token) => "/api/quote-documents/" + Uri.EscapeDataString(token);

    private readonly IDataProtector _protector = provider.CreateProtector("Collaboration.Quotes.DocumentLink.v1");

    public (string Token, DateTimeOffset ExpiresAt) Issue(Actor actor, Guid dealId, int number)
    {
        var now = clock.GetUtcNow();
        var payload = string.Join('\n', actor.TenantId, actor.UserObjectId, dealId.ToString("N"),
            number.ToString(CultureInfo.InvariantCulture), actor.Locale, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (_protector.Protect(payload), now + Lifetime);
    }

    /// <summary>The quote a token opens, when it is genuine and not expired; otherwise null.</summary>
    public QuoteDocumentGrant? Redeem(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        if (parts.Length != 6 || !Guid.TryParseExact(parts[2], "N", out var dealId)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return null;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        if (age < TimeSpan.Zero || age > Lifetime) return null;
        return new QuoteDocumentGrant(new Actor(parts[0], parts[1], ChangeSurface.Outlook, parts[4]), dealId, number);
    }
}

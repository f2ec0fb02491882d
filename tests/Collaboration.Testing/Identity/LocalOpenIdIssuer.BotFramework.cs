using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Testing;

/// <summary>Bot Framework mode: the channel's OpenID metadata and keys, and tokens as the Bot Connector signs them.</summary>
public sealed partial class LocalOpenIdIssuer
{
    public const string EndorsedKeyId = "endorsed-key";
    public const string UnendorsedKeyId = "unendorsed-key";
    public const string UnlistedKeyId = "unlisted-key";
    public const string BotConnectorIssuer = "https://api.botframework.com";

    public string BotMetadataUrl => $"{BaseUrl}/.well-known/openidconfiguration";

    public string CreateToken(
        string audience,
        string serviceUrl,
        DateTimeOffset now,
        string issuer = BotConnectorIssuer,
        string keyId = EndorsedKeyId,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null,
        IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (!string.IsNullOrEmpty(serviceUrl))
        {
            claims["serviceurl"] = serviceUrl;
        }

        var notBefore = now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (now + (expiresOffset ?? TimeSpan.FromMinutes(30))).UtcDateTime,
            SigningCredentials = Signing(keyId),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>While set, the Bot Framework keys no longer list the endorsed key, as after a key rollover.</summary>
    public bool EndorsedKeyWithdrawn { get; set; }

    private void MapBotFramework(WebApplication app)
    {
        app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = BotConnectorIssuer,
            authorization_endpoint = "https://invalid.example/authorize",
            jwks_uri = $"{BaseUrl}/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));

        app.MapGet("/keys", () => Results.Text(
            EndorsedKeyWithdrawn ? BuildJwks(UnendorsedKeyId) : BuildJwks(EndorsedKeyId, UnendorsedKeyId), "application/json"));
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Testing;

/// <summary>
/// Entra mode: discovery and signing keys per tenant, and user tokens in Entra's v1 and v2 shapes. Issuer names use
/// Entra's form so Identity.Web's issuer validation runs exactly as in production.
/// </summary>
public sealed partial class LocalOpenIdIssuer
{
    public const string TenantId = "3f1c2a5e-8d6b-4e0f-9a7c-1b2d3e4f5a6b";
    public const string ClientId = "6a0f2c1e-3b4d-4c5e-8f9a-0b1c2d3e4f5a";
    public static readonly string Audience = $"api://{ClientId}";

    /// <summary>The Teams desktop and mobile client, which asks Entra for the tab's SSO token.</summary>
    public const string TeamsClientId = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";

    private const string EntraKeyId = "test-key-1";

    /// <summary>A key this issuer never published, under the published key's id: what a forged token is signed with.</summary>
    private readonly RSA _forgeryKey = RSA.Create(2048);

    /// <summary>The Entra metadata address with a {tenant} placeholder (the bot's EntraOpenIdMetadata setting).</summary>
    public string EntraMetadataTemplate => $"{BaseUrl}/{{tenant}}/v2.0/.well-known/openid-configuration";

    public static string IssuerFor(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    public static string V1IssuerFor(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>The add-in's AzureAd settings pointing at this issuer.</summary>
    public Dictionary<string, string?> AzureAdSettings() => new()
    {
        ["AzureAd:Instance"] = Address.ToString(),
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:Audience"] = Audience,
    };

    /// <param name="client">The app that asked for the token (<c>azp</c>, <c>appid</c> in v1): the add-in itself, or Teams.</param>
    /// <param name="v1">Entra's v1 shape (issuer sts.windows.net, <c>ver</c> 1.0, <c>appid</c>, <c>upn</c>): what an API whose
    /// registration does not ask for v2 tokens receives, with <c>aud</c> = the Application ID URI the client asked for.</param>
    /// <param name="forged">Signed with a key the issuer never published.</param>
    public string Token(string objectId = "entra-rep-1", string? audience = null, string scope = "access_as_user",
        DateTimeOffset? expires = null, string tenantId = TenantId, string name = "Megan Bowen", string client = ClientId, bool v1 = false,
        bool forged = false, string[]? roles = null)
    {
        var now = DateTimeOffset.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        var notBefore = expiry < now ? expiry.AddHours(-1) : now.AddMinutes(-1);
        Claim[] shape = v1
            ? [new Claim("ver", "1.0"), new Claim("appid", client), new Claim("upn", "megan@buyer-tenant.example")]
            : [new Claim("ver", "2.0"), new Claim("azp", client), new Claim("preferred_username", "megan@buyer-tenant.example")];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = v1 ? V1IssuerFor(tenantId) : IssuerFor(tenantId),
            Audience = audience ?? Audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expiry.UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim("tid", tenantId), new Claim("oid", objectId), new Claim("scp", scope), new Claim("name", name), .. shape,
                .. (roles ?? []).Select(role => new Claim("roles", role)),
            ]),
            SigningCredentials = forged
                ? new SigningCredentials(new RsaSecurityKey(_forgeryKey) { KeyId = EntraKeyId }, SecurityAlgorithms.RsaSha256)
                : Signing(EntraKeyId),
        });
    }

    private void MapEntra(WebApplication app)
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = IssuerFor(tenant),
            ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
            ["authorization_endpoint"] = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code", "id_token" },
            ["subject_types_supported"] = new[] { "pairwise" },
        }));

        // Entra tokens come from the Entra key; tests of the bot's Entra path sign with the Bot Framework keys.
        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
            Results.Text(BuildJwks(EntraKeyId, EndorsedKeyId, UnendorsedKeyId), "application/json"));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Testing;

/// <summary>
/// A real OpenID issuer on 127.0.0.1: Bot Framework style metadata and JWKS over http (one key endorsed for
/// msteams, one without endorsements), Entra-style tenant metadata, and a client-credentials token endpoint over
/// https (MSAL refuses http authorities) with a self-signed certificate. Signs real RS256 JWTs.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string EndorsedKeyId = "endorsed-key";
    public const string UnendorsedKeyId = "unendorsed-key";
    public const string UnlistedKeyId = "unlisted-key";
    public const string BotConnectorIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private readonly X509Certificate2 _certificate;
    private int _jwksRequests;
    private int _tokenRequests;

    private LocalOpenIdIssuer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
        foreach (var kid in new[] { EndorsedKeyId, UnendorsedKeyId, UnlistedKeyId })
        {
            _keys[kid] = RSA.Create(2048);
        }
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public string HttpsBaseUrl { get; private set; } = string.Empty;

    public string BotMetadataUrl => $"{BaseUrl}/.well-known/openidconfiguration";

    public string EntraMetadataTemplate => $"{BaseUrl}/{{tenant}}/v2.0/.well-known/openid-configuration";

    public string CertificateThumbprint => _certificate.Thumbprint;

    /// <summary>The https certificate as PEM, for clients in other processes (e.g. NODE_EXTRA_CA_CERTS).</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public string AccessToken { get; set; } = "local-access-token";

    public List<IReadOnlyDictionary<string, string>> TokenRequestForms { get; } = [];

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var issuer = new LocalOpenIdIssuer(app, certificate);
        issuer.MapRoutes();
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        issuer.BaseUrl = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        issuer.HttpsBaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        return issuer;
    }

    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    };

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
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[keyId]) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    private void MapRoutes()
    {
        _app.MapGet("/.well-known/openidconfiguration", () => Results.Json(new
        {
            issuer = BotConnectorIssuer,
            authorization_endpoint = "https://invalid.example/authorize",
            jwks_uri = $"{BaseUrl}/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
            token_endpoint_auth_methods_supported = new[] { "private_key_jwt" },
        }));

        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Json(new
        {
            issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            authorization_endpoint = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/authorize",
            token_endpoint = $"{HttpsBaseUrl}/{tenant}/oauth2/v2.0/token",
            jwks_uri = $"{BaseUrl}/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));

        _app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref _jwksRequests);
            return Results.Text(BuildJwks(), "application/json");
        });

        _app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await context.Request.ReadFormAsync();
            lock (TokenRequestForms)
            {
                TokenRequestForms.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            }

            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken });
        });
    }

    private string BuildJwks()
    {
        object Jwk(string kid, string[]? endorsements)
        {
            var parameters = _keys[kid].ExportParameters(false);
            var jwk = new Dictionary<string, object>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements is not null)
            {
                jwk["endorsements"] = endorsements;
            }

            return jwk;
        }

        return JsonSerializer.Serialize(new
        {
            keys = new[] { Jwk(EndorsedKeyId, ["msteams", "webchat"]), Jwk(UnendorsedKeyId, null) },
        });
    }
}

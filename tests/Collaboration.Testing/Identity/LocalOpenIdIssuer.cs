using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Testing;

/// <summary>
/// A real OpenID issuer on 127.0.0.1 signing real RS256 JWTs, in three modes that share one server:
/// Bot Framework (metadata and JWKS over http, one key endorsed for msteams, one without endorsements),
/// Entra (tenant metadata and v1/v2 user tokens, see LocalOpenIdIssuer.Entra.cs) and a client-credentials token
/// endpoint over https (MSAL refuses http authorities) with a self-signed certificate.
/// </summary>
public sealed partial class LocalOpenIdIssuer : IAsyncDisposable
{
    private readonly Dictionary<string, RSA> _keys = new(StringComparer.Ordinal);
    private readonly X509Certificate2 _certificate;
    private int _jwksRequests;

    private LoopbackServer _server = null!;

    private LocalOpenIdIssuer(X509Certificate2 certificate)
    {
        _certificate = certificate;
        foreach (var kid in new[] { EndorsedKeyId, UnendorsedKeyId, UnlistedKeyId, EntraKeyId })
        {
            _keys[kid] = RSA.Create(2048);
        }
    }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl => _server.BaseUrl;

    /// <summary>The same, with a trailing slash (what AzureAd:Instance expects).</summary>
    public Uri Address => _server.Address;

    public string HttpsBaseUrl => _server.HttpsBaseUrl!;

    public string CertificateThumbprint => _certificate.Thumbprint;

    /// <summary>The https certificate as PEM, for clients in other processes (e.g. NODE_EXTRA_CA_CERTS).</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>Requests for signing keys, from any mode.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>While set, every endpoint answers 503, as an identity platform that cannot be reached.</summary>
    public bool Unavailable { get; set; }

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var issuer = new LocalOpenIdIssuer(CreateCertificate());
        issuer._server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                if (issuer.Unavailable) context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                else await next(context);
            });
            issuer.MapBotFramework(app);
            issuer.MapEntra(app);
            issuer.MapTokenEndpoint(app);
        }, issuer._certificate);
        return issuer;
    }

    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    };

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _forgeryKey.Dispose();
        _certificate.Dispose();
    }

    private SigningCredentials Signing(string keyId) =>
        new(new RsaSecurityKey(_keys[keyId]) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);

    private string BuildJwks(params string[] keyIds)
    {
        Interlocked.Increment(ref _jwksRequests);
        object Jwk(string kid)
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
            if (kid == EndorsedKeyId)
            {
                jwk["endorsements"] = new[] { "msteams", "webchat" };
            }

            return jwk;
        }

        return JsonSerializer.Serialize(new { keys = keyIds.Select(Jwk).ToArray() });
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
}

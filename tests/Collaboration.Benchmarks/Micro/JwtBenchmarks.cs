using BenchmarkDotNet.Attributes;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collaboration.Benchmarks.Micro;

/// <summary>Inbound Bot Connector token validation (RS256, issuer, audience, lifetime, serviceurl, endorsements) with warm signing keys.</summary>
[MemoryDiagnoser]
public class JwtBenchmarks : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "http://127.0.0.1:1/_connector/";
    private LocalOpenIdIssuer _issuer = null!;
    private InboundRequestAuthenticator _authenticator = null!;

    [GlobalCleanup]
    public void Dispose()
    {
        _authenticator.Dispose();
        GC.SuppressFinalize(this);
    }
    private string _header = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = LocalOpenIdIssuer.StartAsync().GetAwaiter().GetResult();
        var options = Options.Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            BotOpenIdMetadata = _issuer.BotMetadataUrl,
        });
        _authenticator = new InboundRequestAuthenticator(options, new PlainHttpClientFactory(), TimeProvider.System, NullLogger<InboundRequestAuthenticator>.Instance);
        _header = "Bearer " + _issuer.CreateToken(AppId, ServiceUrl, DateTimeOffset.UtcNow, expiresOffset: TimeSpan.FromHours(2));
        var warm = Validate().GetAwaiter().GetResult();
        if (!warm) throw new InvalidOperationException("The benchmark token was not accepted.");
    }

    [GlobalCleanup]
    public void Cleanup() => _issuer.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<bool> Validate() =>
        (await _authenticator.AuthenticateAsync(_header, ServiceUrl, "msteams", null, CancellationToken.None)).Succeeded;
}

internal sealed class PlainHttpClientFactory : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new();
}

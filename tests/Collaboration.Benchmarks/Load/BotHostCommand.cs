using Collaboration.Bot;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// `bot-host`: the real bot (BotHost.Build + PrepareAsync, settings from the environment) in its own process. The
/// only addition is what the tests add too: the MSAL HTTP client trusts the local issuer's self-signed HTTPS
/// certificate (BENCH_TRUST_THUMBPRINT), since MSAL refuses plain-http authorities.
/// </summary>
public static class BotHostCommand
{
    public const string TrustThumbprintVariable = "BENCH_TRUST_THUMBPRINT";

    public static async Task<int> RunAsync(string[] args)
    {
        var thumbprint = Environment.GetEnvironmentVariable(TrustThumbprintVariable);
        var app = BotHost.Build(args, builder =>
        {
            if (!string.IsNullOrEmpty(thumbprint))
            {
                builder.Services.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (_, cert, _, _) => string.Equals(cert?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
                });
            }
        });
        await BotHost.PrepareAsync(app);
        await app.RunAsync();
        return 0;
    }
}

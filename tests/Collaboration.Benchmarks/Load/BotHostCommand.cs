using Collaboration.Bot;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// `bot-host`: the real bot (BotHost.Build + PrepareAsync, the bot's appsettings.json under settings from the environment) in its own process. The
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
            // The product's settings (log levels above all) under everything the environment sets, as in the bot's own output folder.
            var product = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "bot-appsettings.json"), Optional = false };
            product.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, product);
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

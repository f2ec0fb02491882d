using System.Diagnostics;
using System.Globalization;
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

    /// <summary>Writes how long after the process started a phase of the start ended, to the host's log (see the bench's work folder).</summary>
    private static void Stamp(string phase) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"start-up: {phase} at {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms"));

    public static async Task<int> RunAsync(string[] args)
    {
        Stamp("main entered");
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
        Stamp("host built");
        await BotHost.PrepareAsync(app);
        Stamp("migrated (PrepareAsync done)");
        app.Lifetime.ApplicationStarted.Register(() => Stamp("started (Kestrel listening, hosted services started)"));
        await app.RunAsync();
        return 0;
    }
}

using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Protocol.Hosting;

/// <summary>
/// Fetches the signing keys that inbound tokens are checked against and the token for the Bot Connector once at
/// start, in the background, so that the first turn after a start does not wait for them (about half a second of its
/// time: two downloads, MSAL and the key parsing starting cold). Nothing waits for it: a failure is logged and the first
/// turn fetches them as it always did.
/// </summary>
public sealed class BotSignInWarmUp(
    InboundRequestAuthenticator authenticator,
    IBotTokenProvider tokens,
    IHostApplicationLifetime lifetime,
    ILogger<BotSignInWarmUp> logger)
{
    private readonly object _gate = new();
    private Task? _running;

    /// <summary>Completes when the warm-up has ended, whether or not it succeeded (at once if it never started).</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    /// <summary>Starts the warm-up unless it has started already; returns at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _running ??= Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await Task.WhenAll(authenticator.LoadSigningKeysAsync(stopping), tokens.GetAccessTokenAsync(stopping)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The signing keys or the Bot Connector token could not be fetched at start; the first turn fetches them again.");
        }
    }
}

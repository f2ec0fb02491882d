using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Protocol.Hosting;

/// <summary>
/// Fetches the signing keys that inbound tokens are checked against and the token for the Bot Connector once at
/// start, in the background, so that the first turn after a start does not wait for them (about half a second of its
/// time: two downloads, MSAL and the key parsing starting cold). Nothing waits for it: a failure is logged and the first
/// turn fetches them as it always did. Disposing it (with the container) cancels a warm-up still running.
/// </summary>
public sealed class BotSignInWarmUp(
    InboundRequestAuthenticator authenticator,
    IBotTokenProvider tokens,
    ILogger<BotSignInWarmUp> logger) : IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task? _running;
    private bool _isDisposed;

    /// <summary>Completes when the warm-up has ended, whether or not it succeeded (at once if it never started).</summary>
    public Task Completion => _running ?? Task.CompletedTask;

    /// <summary>Starts the warm-up unless it has started already; returns at once.</summary>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            var stopping = _disposed.Token;
            _running ??= Task.Run(() => RunAsync(stopping), CancellationToken.None);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_isDisposed) return;
            _isDisposed = true;
            _disposed.Cancel();
            _disposed.Dispose();
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
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

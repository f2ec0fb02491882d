using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>
/// Fetches an OpenID metadata document and its JWKS, keeping keys and the Bot Framework <c>endorsements</c> of each
/// key from the same download. Keys are refreshed when older than the refresh interval and, at most once per minimum
/// interval, when a token names a key id that is not known. A failed refresh keeps the last good keys.
/// Own cache rather than ConfigurationManager: the endorsements must come from the same JWKS download as the keys,
/// the refresh on an unknown key must complete before the token is judged, and the clock is a TimeProvider.
/// </summary>
public sealed class SigningKeyProvider : IDisposable
{
    private readonly string _metadataUrl;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    private SigningKeySet? _current;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _retryFailedRefreshAt = DateTimeOffset.MinValue;

    public SigningKeyProvider(string metadataUrl, HttpClient http, TimeProvider time, ILogger logger, TimeSpan refreshInterval, TimeSpan minimumRefreshInterval)
    {
        _metadataUrl = RequireSecureOrLoopback(metadataUrl);
        _http = http;
        _time = time;
        _logger = logger;
        _refreshInterval = refreshInterval;
        _minimumRefreshInterval = minimumRefreshInterval;
    }

    public string MetadataUrl => _metadataUrl;

    public async Task<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && _time.GetUtcNow() - current.RetrievedAt < _refreshInterval)
        {
            return current;
        }

        return await RefreshAsync(force: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Refreshes now unless a refresh was attempted within the minimum interval; returns the keys in force afterwards.</summary>
    public Task<SigningKeySet> RefreshAfterUnknownKeyAsync(CancellationToken cancellationToken) =>
        RefreshAsync(force: true, cancellationToken);

    internal static string RequireSecureOrLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            throw new ArgumentException($"'{url}' must use https (http is accepted for loopback addresses only).", nameof(url));
        }

        return url;
    }

    private async Task<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var before = Volatile.Read(ref _current);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            var now = _time.GetUtcNow();
            if (current is not null && !ReferenceEquals(current, before))
            {
                return current;
            }

            if (current is not null)
            {
                var fresh = now - current.RetrievedAt < _refreshInterval || now < _retryFailedRefreshAt;
                if (force ? now - _lastForcedRefresh < _minimumRefreshInterval : fresh)
                {
                    return current;
                }
            }

            if (force)
            {
                _lastForcedRefresh = now;
            }

            try
            {
                var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _current, fetched);
                return fetched;
            }
            catch (Exception ex) when (current is not null && ex is not OperationCanceledException)
            {
                _retryFailedRefreshAt = now + _minimumRefreshInterval;
                _logger.LogWarning(ex, "Refreshing signing keys from {MetadataUrl} failed; keeping keys retrieved at {RetrievedAt}", _metadataUrl, current.RetrievedAt);
                return current;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        var metadataJson = await _http.GetStringAsync(_metadataUrl, cancellationToken).ConfigureAwait(false);
        var metadata = OpenIdConnectConfiguration.Create(metadataJson);
        if (string.IsNullOrEmpty(metadata.JwksUri))
        {
            throw new InvalidOperationException($"The metadata at {_metadataUrl} has no jwks_uri.");
        }

        var jwksUri = RequireSecureOrLoopback(metadata.JwksUri);
        var jwksJson = await _http.GetStringAsync(jwksUri, cancellationToken).ConfigureAwait(false);
        var keySet = new JsonWebKeySet(jwksJson);

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in keySet.GetSigningKeys())
        {
            if (!string.IsNullOrEmpty(key.KeyId))
            {
                keys[key.KeyId] = key;
            }
        }

        var endorsements = ReadEndorsements(jwksJson);
        _logger.LogInformation("Loaded {KeyCount} signing keys from {JwksUri}", keys.Count, jwksUri);
        return new SigningKeySet(keys, endorsements, _time.GetUtcNow());
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadEndorsements(string jwksJson)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwksJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            result[kid.GetString()!] = list.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToArray();
        }

        return result;
    }
}

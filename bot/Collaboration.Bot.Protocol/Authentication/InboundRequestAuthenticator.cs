using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>
/// Decides whether a request to the messaging endpoint comes from the Bot Connector (or, for single-tenant bots,
/// from the bot's Entra tenant), following the Bot Framework authentication rules.
/// </summary>
public sealed class InboundRequestAuthenticator : IDisposable
{
    public const string HttpClientName = "Collaboration.Bot.Authentication";

    private readonly BotAuthenticationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundRequestAuthenticator> _logger;
    private readonly JsonWebTokenHandler _tokenHandler = new();
    private readonly VerifiedTokens _verified = new();
    private readonly SigningKeyProvider? _botConnectorKeys;
    private readonly SigningKeyProvider? _entraKeys;

    public InboundRequestAuthenticator(
        IOptions<BotAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<InboundRequestAuthenticator> logger)
    {
        _options = options.Value;
        _options.EnsureUsable();
        _time = time;
        _logger = logger;
        if (_options.IsDevelopmentMode)
        {
            return;
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
        _botConnectorKeys = new SigningKeyProvider(
            _options.BotOpenIdMetadata, http, time, logger, _options.SigningKeyRefreshInterval, _options.SigningKeyMinimumRefreshInterval);
        if (_options.AcceptsEntraTokens)
        {
            _entraKeys = new SigningKeyProvider(
                _options.GetEntraOpenIdMetadataUrl(), http, time, logger, _options.SigningKeyRefreshInterval, _options.SigningKeyMinimumRefreshInterval);
        }
    }

    public void Dispose()
    {
        _botConnectorKeys?.Dispose();
        _entraKeys?.Dispose();
    }

    public bool IsDevelopmentMode => _options.IsDevelopmentMode;

    /// <summary>Fetches the signing keys now unless they are fresh (nothing in development mode); a turn then finds them loaded.</summary>
    public async Task LoadSigningKeysAsync(CancellationToken cancellationToken)
    {
        if (_botConnectorKeys is not null) await _botConnectorKeys.GetAsync(cancellationToken).ConfigureAwait(false);
        if (_entraKeys is not null) await _entraKeys.GetAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <param name="authorizationHeader">The raw Authorization header, if any.</param>
    /// <param name="serviceUrl">The activity's serviceUrl, which must match the token's <c>serviceurl</c> claim.</param>
    /// <param name="channelId">The activity's channelId, which the signing key must be endorsed for.</param>
    /// <param name="remoteAddress">The caller's address; only consulted in development mode.</param>
    public async Task<InboundAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string? serviceUrl,
        string? channelId,
        IPAddress? remoteAddress,
        CancellationToken cancellationToken)
    {
        if (_options.IsDevelopmentMode)
        {
            return AuthenticateDevelopmentRequest(remoteAddress);
        }

        if (!RequestCredentials.TryGetBearerToken(authorizationHeader, out var rawToken))
        {
            return InboundAuthenticationResult.Failure("No Bearer token in the Authorization header.");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            return InboundAuthenticationResult.Failure("The token is not a well-formed JWT.");
        }

        if (string.Equals(token.Issuer, BotAuthenticationOptions.BotConnectorIssuer, StringComparison.Ordinal))
        {
            return await ValidateBotConnectorTokenAsync(token, rawToken, serviceUrl, channelId, cancellationToken).ConfigureAwait(false);
        }

        if (_entraKeys is not null && _options.GetEntraIssuers().Contains(token.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(token, rawToken, serviceUrl, cancellationToken).ConfigureAwait(false);
        }

        return InboundAuthenticationResult.Failure("The token's issuer is not trusted.");
    }

    /// <summary>Development mode (no MicrosoftAppId): requests are accepted from loopback addresses only.</summary>
    public InboundAuthenticationResult AuthenticateDevelopmentRequest(IPAddress? remoteAddress)
    {
        if (!_options.IsDevelopmentMode)
        {
            return InboundAuthenticationResult.Failure("Development mode is off: MicrosoftAppId is configured.");
        }

        return RequestCredentials.IsLoopback(remoteAddress)
            ? InboundAuthenticationResult.Success(new ClaimsIdentity(), BotTokenSource.DevelopmentLoopback)
            : InboundAuthenticationResult.Failure("Development mode accepts requests from loopback addresses only.");
    }

    private async Task<InboundAuthenticationResult> ValidateBotConnectorTokenAsync(
        JsonWebToken token, string rawToken, string? serviceUrl, string? channelId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(channelId))
        {
            return InboundAuthenticationResult.Failure("The activity has no channelId.");
        }

        var result = await ValidateAsync(
            token, rawToken, _botConnectorKeys!, BotAuthenticationOptions.BotConnectorIssuer, [_options.MicrosoftAppId!], BotTokenSource.BotConnector, cancellationToken)
            .ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        var claimedServiceUrl = result.Identity.FindFirst("serviceurl")?.Value;
        if (!RequestCredentials.ServiceUrlsMatch(claimedServiceUrl, serviceUrl))
        {
            return InboundAuthenticationResult.Failure("The token's serviceurl claim does not match the activity's serviceUrl.");
        }

        var keys = await _botConnectorKeys!.GetAsync(cancellationToken).ConfigureAwait(false);
        if (!keys.IsEndorsed(token.Kid, channelId))
        {
            return InboundAuthenticationResult.Failure($"The signing key is not endorsed for channel '{channelId}'.");
        }

        return result;
    }

    // Any app registered in the bot's tenant can get a token for the bot's app id: the token must also name the
    // activity's serviceUrl, and come from the bot itself or from a skill caller the operator allowed.
    private async Task<InboundAuthenticationResult> ValidateEntraTokenAsync(
        JsonWebToken token, string rawToken, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = await ValidateAsync(
            token, rawToken, _entraKeys!, token.Issuer, _options.GetEntraAudiences(), BotTokenSource.Entra, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result;
        }

        if (!RequestCredentials.ServiceUrlsMatch(result.Identity.FindFirst("serviceurl")?.Value, serviceUrl))
        {
            return InboundAuthenticationResult.Failure("The token's serviceurl claim is missing or does not match the activity's serviceUrl.");
        }

        var caller = RequestCredentials.CallingAppId(result.Identity);
        if (caller is null)
        {
            return InboundAuthenticationResult.Failure("The token names no calling app (azp or appid).");
        }

        if (!string.Equals(caller, _options.MicrosoftAppId?.Trim(), StringComparison.OrdinalIgnoreCase)
            && !_options.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthenticationResult.Failure($"Skill call from app '{caller}' refused: it is not in AllowedCallers.");
        }

        return result;
    }

    private async Task<InboundAuthenticationResult> ValidateAsync(
        JsonWebToken token,
        string rawToken,
        SigningKeyProvider keyProvider,
        string issuer,
        IReadOnlyList<string> audiences,
        BotTokenSource source,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token.Kid))
        {
            return InboundAuthenticationResult.Failure("The token names no signing key (kid).");
        }

        SigningKeySet keys;
        try
        {
            keys = await keyProvider.GetAsync(cancellationToken).ConfigureAwait(false);
            if (!keys.Keys.ContainsKey(token.Kid))
            {
                keys = await keyProvider.RefreshAfterUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Signing keys could not be loaded from {MetadataUrl}", keyProvider.MetadataUrl);
            return InboundAuthenticationResult.Failure("Signing keys are unavailable.");
        }

        if (!keys.Keys.TryGetValue(token.Kid, out var signingKey))
        {
            return InboundAuthenticationResult.Failure("The token is signed with an unknown key.");
        }

        if (_verified.TryGet(rawToken, signingKey, LifetimeHolds, out var known))
        {
            return InboundAuthenticationResult.Success(known, source);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudiences = audiences,
            IssuerSigningKey = signingKey,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            LifetimeValidator = ValidateLifetime,
            NameClaimType = "name",
        };

        var validation = await _tokenHandler.ValidateTokenAsync(rawToken, parameters).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            var reason = validation.Exception?.GetType().Name ?? "invalid token";
            _logger.LogDebug(validation.Exception, "Bot token rejected: {Reason}", reason);
            return InboundAuthenticationResult.Failure($"Token validation failed: {reason}.");
        }

        _verified.Add(rawToken, signingKey, validation.ClaimsIdentity,
            token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom, token.ValidTo);
        return InboundAuthenticationResult.Success(validation.ClaimsIdentity, source);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) =>
        LifetimeHolds(notBefore, expires);

    private bool LifetimeHolds(DateTime? notBefore, DateTime? expires)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = BotAuthenticationOptions.ClockSkew;
        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + skew)
        {
            return false;
        }

        return expires.Value.ToUniversalTime() >= now - skew;
    }
}

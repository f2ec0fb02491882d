using Collaboration.Bot.Protocol.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace Collaboration.Bot.Protocol.Connector;

/// <summary>Supplies the Bearer token for calls to the Bot Connector; null means send no Authorization header.</summary>
public interface IBotTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client-credentials (or user-assigned managed identity) tokens for scope https://api.botframework.com/.default.
/// One MSAL application per provider: its in-memory app token cache hands out the same token until shortly before
/// it expires. The last token is also kept here until five minutes before it expires: MSAL's cache lookup (a
/// partitioned, locked cache and a result object per call) was a few percent of a turn's CPU, for every reply sent.
/// In development mode (no MicrosoftAppId) there is no token.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string HttpClientName = "Collaboration.Bot.Msal";

    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, Task<AuthenticationResult>>? _acquire;
    private readonly TimeProvider _clock;
    private CachedToken? _last;

    public MsalBotTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        var settings = options.Value;
        settings.EnsureUsable();
        if (settings.IsDevelopmentMode)
        {
            return;
        }

        var msalHttp = new MsalHttpClientFactoryAdapter(httpClientFactory);
        if (settings.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            var managed = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId!))
                .WithHttpClientFactory(msalHttp)
                .Build();
            var resource = BotAuthenticationOptions.BotConnectorScope[..^"/.default".Length];
            _acquire = ct => managed.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct);
            return;
        }

        if (string.IsNullOrEmpty(settings.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("MicrosoftAppPassword is required when MicrosoftAppId is set (except for UserAssignedMSI).");
        }

        var authority = settings.GetAuthority();
        var builder = ConfidentialClientApplicationBuilder
            .Create(settings.MicrosoftAppId)
            .WithClientSecret(settings.MicrosoftAppPassword)
            .WithAuthority(authority, validateAuthority: IsMicrosoftLoginHost(authority))
            .WithHttpClientFactory(msalHttp);
        if (!IsMicrosoftLoginHost(authority))
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        var app = builder.Build();
        string[] scopes = [BotAuthenticationOptions.BotConnectorScope];
        _acquire = ct => app.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_acquire is null) return null;
        if (_last is { } last && _clock.GetUtcNow() < last.RenewAt) return last.Token;
        var result = await _acquire(cancellationToken).ConfigureAwait(false);
        _last = new CachedToken(result.AccessToken, result.ExpiresOn - RenewBeforeExpiry);
        return result.AccessToken;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RenewAt);

    private static bool IsMicrosoftLoginHost(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && uri.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);

    private sealed class MsalHttpClientFactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}

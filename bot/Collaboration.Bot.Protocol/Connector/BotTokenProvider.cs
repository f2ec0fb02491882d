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
/// it expires. In development mode (no MicrosoftAppId) there is no token.
/// </summary>
public sealed class MsalBotTokenProvider : IBotTokenProvider
{
    public const string HttpClientName = "Collaboration.Bot.Msal";

    private readonly Func<CancellationToken, Task<string>>? _acquire;

    public MsalBotTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory)
    {
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
            _acquire = async ct => (await managed.AcquireTokenForManagedIdentity(resource).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
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
        _acquire = async ct => (await app.AcquireTokenForClient(scopes).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        _acquire is null ? null : await _acquire(cancellationToken).ConfigureAwait(false);

    private static bool IsMicrosoftLoginHost(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && uri.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);

    private sealed class MsalHttpClientFactoryAdapter(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}

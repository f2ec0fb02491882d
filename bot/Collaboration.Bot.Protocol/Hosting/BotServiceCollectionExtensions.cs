using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Bot.Protocol.Hosting;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers inbound authentication, the Connector client and its token provider. Bot identity settings are
    /// read from the conventional top-level keys of <paramref name="configuration"/> (MicrosoftAppId, ...); whether
    /// development sign-in is allowed comes from the host environment (<see cref="IHostEnvironment"/>; none means not Development).
    /// </summary>
    public static IServiceCollection AddBotProtocol(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<BotEndpointOptions>? configureEndpoint = null,
        Action<ConnectorOptions>? configureConnector = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotAuthenticationOptions>().Configure<IServiceProvider>((o, provider) =>
        {
            BotAuthenticationOptions.Bind(configuration, o);
            o.UseHostEnvironment(provider.GetService<IHostEnvironment>()?.EnvironmentName);
        });
        var endpoint = services.AddOptions<BotEndpointOptions>();
        if (configureEndpoint is not null)
        {
            endpoint.Configure(configureEndpoint);
        }

        var connector = services.AddOptions<ConnectorOptions>();
        if (configureConnector is not null)
        {
            connector.Configure(configureConnector);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(InboundRequestAuthenticator.HttpClientName);
        services.AddHttpClient(MsalBotTokenProvider.HttpClientName);
        services.AddHttpClient<IConnectorClient, ConnectorClient>(ConnectorClient.HttpClientName);
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<InboundRequestAuthenticator>();
        services.TryAddSingleton<InboundActivityPolicy>();
        services.TryAddSingleton<ServiceUrlAllowList>();
        services.TryAddSingleton<BotSignInWarmUp>();
        return services;
    }
}

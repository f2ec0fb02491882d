using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Hosting;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>Maps the Bot Framework messaging endpoint (POST) to a single handler instance.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern, IActivityHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, _ => handler);
    }

    /// <summary>Maps the Bot Framework messaging endpoint (POST) to a handler resolved from the request's services.</summary>
    public static IEndpointConventionBuilder MapBotMessages<THandler>(this IEndpointRouteBuilder endpoints, string pattern)
        where THandler : IActivityHandler =>
        Map(endpoints, pattern, context => context.RequestServices.GetRequiredService<THandler>());

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Func<HttpContext, IActivityHandler> resolveHandler)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Resolved here so that configuration errors (missing password, insecure metadata URL) stop start-up
        // instead of failing the first request.
        var authenticator = endpoints.ServiceProvider.GetRequiredService<InboundRequestAuthenticator>();
        _ = endpoints.ServiceProvider.GetRequiredService<IBotTokenProvider>();
        _ = endpoints.ServiceProvider.GetRequiredService<InboundActivityPolicy>();
        if (authenticator.IsDevelopmentMode)
        {
            // Expected on a developer's machine (run.sh, the Agents Playground); anywhere else a warning.
            var development = endpoints.ServiceProvider.GetService<IHostEnvironment>()?.IsDevelopment() == true;
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(BotEndpointRouteBuilderExtensions))
                .Log(development ? LogLevel.Information : LogLevel.Warning,
                    "MicrosoftAppId is not configured: {Pattern} runs in development sign-in (Development environment) and accepts unauthenticated JSON requests from loopback addresses, addressed to localhost, without forwarding headers.",
                    pattern);
        }

        return endpoints.MapPost(pattern, context => new BotRequestProcessor(context, resolveHandler(context)).ProcessAsync());
    }
}

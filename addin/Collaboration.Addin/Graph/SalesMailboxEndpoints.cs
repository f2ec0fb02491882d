using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

public static class SalesMailboxEndpoints
{
    public const string NotificationPath = "/api/graph/notifications";
    public const string LifecyclePath = "/api/graph/lifecycle";
    public const string HttpClientName = "graph-app";
    private const int MaxValidationTokenLength = 1024;

    public static WebApplicationBuilder AddSalesMailbox(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("SalesMailbox").Get<SalesMailboxOptions>() ?? new SalesMailboxOptions();
        var graph = builder.Configuration.GetSection("Graph").Get<GraphOptions>() ?? new GraphOptions();
        if (string.IsNullOrWhiteSpace(options.ClientState))
        {
            options.ClientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<SalesMailboxQueue>();
        services.AddSingleton<SalesMailboxLifecycle>();
        services.AddSingleton<SubscriptionValidationWindow>();
        if (!options.Enabled || !graph.Enabled) return builder;
        if (string.IsNullOrWhiteSpace(options.Mailbox) || string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.OwnerObjectId))
        {
            throw new InvalidOperationException("SalesMailbox:Enabled needs SalesMailbox:Mailbox, SalesMailbox:TenantId and SalesMailbox:OwnerObjectId.");
        }
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<IAppTokenProvider, EntraAppTokenProvider>();
        services.AddSingleton<SalesMailboxGraph>();
        services.AddSingleton<SalesMailboxSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<SalesMailboxSubscriber>());
        services.AddHostedService<SalesMailboxProcessor>();
        return builder;
    }

    /// <summary>
    /// Graph's change notifications: the validation handshake answered at once (only while a subscription is being
    /// created), notifications acknowledged with 202 after only queueing their message ids; a wrong clientState is ignored and logged.
    /// </summary>
    public static IEndpointRouteBuilder MapSalesMailbox(this IEndpointRouteBuilder app)
    {
        app.MapPost(NotificationPath, async (HttpContext context, SalesMailboxOptions options, SalesMailboxQueue queue, SubscriptionValidationWindow validation, ILoggerFactory logs) =>
        {
            if (context.Request.Query.TryGetValue("validationToken", out var token)) return Handshake(token.ToString(), validation);
            var logger = logs.CreateLogger("SalesMailbox");
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var items)
                    || items.ValueKind != JsonValueKind.Array) return Results.BadRequest();
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    if (!ClientStateMatches(item, options))
                    {
                        logger.LogWarning("Ignored a Graph notification with a wrong clientState (subscription {SubscriptionId}).",
                            item.TryGetProperty("subscriptionId", out var sid) ? sid.ToString() : "?");
                        continue;
                    }
                    var id = item.TryGetProperty("resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null;
                    if (!string.IsNullOrWhiteSpace(id)) queue.TryEnqueue(id);
                }
            }
            return Results.Accepted();
        }).AllowAnonymous().WithTags("Graph").WithName("GraphNotifications").DisableAntiforgery();

        app.MapPost(LifecyclePath, async (HttpContext context, SalesMailboxOptions options, SalesMailboxLifecycle lifecycle, SubscriptionValidationWindow validation, ILoggerFactory logs) =>
        {
            if (context.Request.Query.TryGetValue("validationToken", out var token)) return Handshake(token.ToString(), validation);
            var logger = logs.CreateLogger("SalesMailbox");
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var items)
                    || items.ValueKind != JsonValueKind.Array) return Results.BadRequest();
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    var subscriptionId = Text(item, "subscriptionId");
                    if (!ClientStateMatches(item, options))
                    {
                        logger.LogWarning("Ignored a Graph lifecycle notification with a wrong clientState (subscription {SubscriptionId}).", subscriptionId ?? "?");
                        continue;
                    }
                    if (Text(item, "lifecycleEvent") is { } lifecycleEvent && subscriptionId is not null)
                    {
                        logger.LogInformation("Graph lifecycle event {Event} for subscription {SubscriptionId}.", lifecycleEvent, subscriptionId);
                        lifecycle.TryEnqueue(new LifecycleSignal(lifecycleEvent, subscriptionId));
                    }
                }
            }
            return Results.Accepted();
        }).AllowAnonymous().WithTags("Graph").WithName("GraphLifecycleNotifications").DisableAntiforgery();
        return app;
    }

    /// <summary>Graph's URL check: its token echoed as plain text while we are creating a subscription, else 400 and nothing echoed.</summary>
    private static IResult Handshake(string token, SubscriptionValidationWindow validation) =>
        validation.IsOpen && token.Length is > 0 and <= MaxValidationTokenLength
            ? Results.Text(token, "text/plain", Encoding.UTF8, StatusCodes.Status200OK)
            : Results.BadRequest();

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool ClientStateMatches(JsonElement item, SalesMailboxOptions options) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Text(item, "clientState") ?? ""), Encoding.UTF8.GetBytes(options.ClientState));
}

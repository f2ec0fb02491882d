using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Notifications.Tests;

public sealed record ConnectorRequest(int Number, string Method, string Path, string Body, DateTimeOffset ReceivedAt)
{
    public bool IsSend => Method == "POST" && Path.EndsWith("/activities", StringComparison.Ordinal);
    public bool IsCreate => Method == "POST" && Path.EndsWith("/v3/conversations", StringComparison.Ordinal);
}

/// <summary>
/// A stand-in Bot Connector on 127.0.0.1: records every request and answers 200 with an id, or what
/// <see cref="Respond"/> scripts (429 with Retry-After, 503, 403 MessageWritesBlocked).
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private LocalConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// <summary>Return null for the default answer.</summary>
    public Func<ConnectorRequest, IResult?> Respond { get; set; } = _ => null;

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public IReadOnlyList<ConnectorRequest> Sends => Requests.Where(r => r.IsSend).ToList();

    public static IResult TooManyRequests(int retryAfterSeconds) => new StatusWithHeader(429, "Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static IResult Unavailable() => Results.StatusCode(503);

    public static IResult MessageWritesBlocked() =>
        Results.Json(new { error = new { code = "BotDisabledByAdmin", message = "Bot is not installed", subCode = "MessageWritesBlocked" } }, statusCode: 403);

    public static async Task<LocalConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new LocalConnector(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var request = new ConnectorRequest(Interlocked.Increment(ref connector._count), context.Request.Method,
                Uri.UnescapeDataString(context.Request.Path.Value ?? ""), await reader.ReadToEndAsync(), connector.Clock());
            connector.Requests.Enqueue(request);
            var answer = connector.Respond(request)
                ?? (request.IsCreate
                    ? Results.Json(new { id = $"a:personal-{request.Number}" })
                    : Results.Json(new { id = $"activity-{request.Number}" }));
            await answer.ExecuteAsync(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = address.TrimEnd('/') + "/_connector/";
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class StatusWithHeader(int status, string header, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[header] = value;
            return Task.CompletedTask;
        }
    }
}

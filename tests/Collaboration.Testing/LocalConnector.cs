using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Testing;

public sealed record ConnectorRequest(string Method, string RawTarget, string? Authorization, string Body, DateTimeOffset ReceivedAt);

/// <summary>A stand-in Bot Connector on 127.0.0.1 that records requests and answers with a scripted response.</summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    /// <summary>Decides the answer to the n-th request (1-based); by default 200 with an id.</summary>
    public Func<int, ConnectorRequest, IResult> Respond { get; set; } = (n, _) => Results.Json(new { id = $"activity-{n}" });

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

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
            var request = new ConnectorRequest(
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                await reader.ReadToEndAsync(),
                connector.Clock());
            connector.Requests.Enqueue(request);
            await connector.Respond(connector.Requests.Count, request).ExecuteAsync(context);
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
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// The Bot Connector stand-in both bots reply to: reads the body, answers 200 {"id":…} like the real one, and only
/// counts (the tests' LocalConnector keeps every body, which under load would grow without bound).
/// </summary>
public sealed class BenchConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _requests;
    private long _unauthorized;

    private BenchConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;
    public string? ExpectedAuthorization { get; set; }
    public long Requests => Interlocked.Read(ref _requests);
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public static async Task<BenchConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new BenchConnector(app);
        app.Run(async context =>
        {
            var n = Interlocked.Increment(ref connector._requests);
            if (connector.ExpectedAuthorization is { } expected && context.Request.Headers.Authorization != expected)
            {
                Interlocked.Increment(ref connector._unauthorized);
            }
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"activity-" + n + "\"}");
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

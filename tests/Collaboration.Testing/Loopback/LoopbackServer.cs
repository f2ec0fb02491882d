using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Testing;

/// <summary>
/// A small ASP.NET Core app on 127.0.0.1 at a free port, for the services a test stands in for (Graph, the Bot
/// Connector, an OpenID issuer, a captcha provider, a Teams client page): real HTTP, no logging, stopped on dispose.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private LoopbackServer(WebApplication app) => App = app;

    public WebApplication App { get; }

    /// <summary>http://127.0.0.1:port/ (with the trailing slash, so relative URIs resolve below it).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl => Address.ToString().TrimEnd('/');

    /// <summary>https://127.0.0.1:port when started with a certificate (no trailing slash).</summary>
    public string? HttpsBaseUrl { get; private set; }

    /// <param name="map">Maps the routes (or a catch-all <c>app.Run</c>).</param>
    /// <param name="certificate">Also listens with https on a second free port.</param>
    /// <param name="environment">The host environment, when routes depend on it.</param>
    public static async Task<LoopbackServer> StartAsync(
        Action<WebApplication> map, X509Certificate2? certificate = null, string? environment = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            if (certificate is not null) kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        configure?.Invoke(builder);
        var app = builder.Build();
        var server = new LoopbackServer(app);
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        server.HttpsBaseUrl = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal))?.TrimEnd('/');
        return server;
    }

    /// <summary>A port free right now, for a host that must keep its address across a restart.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

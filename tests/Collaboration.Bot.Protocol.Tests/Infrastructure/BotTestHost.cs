using System.Net;
using System.Text;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

/// <summary>A real Kestrel host on 127.0.0.1 running MapBotMessages("/api/messages") with a recording handler.</summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BotTestHost(WebApplication app, RecordingHandler handler, RecordingConnectorClient connector, FakeTimeProvider time, string baseUrl)
    {
        _app = app;
        Handler = handler;
        Connector = connector;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public RecordingHandler Handler { get; }

    public RecordingConnectorClient Connector { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public static async Task<BotTestHost> StartAsync(
        IDictionary<string, string?> settings,
        DateTimeOffset now,
        Action<BotEndpointOptions>? configureEndpoint = null,
        string environment = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var time = new FakeTimeProvider(now);
        var connector = new RecordingConnectorClient();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddBotProtocol(builder.Configuration, configureEndpoint);
        builder.Services.AddSingleton<IConnectorClient>(connector);
        var app = builder.Build();
        var handler = new RecordingHandler();
        app.MapBotMessages("/api/messages", handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BotTestHost(app, handler, connector, time, address);
    }

    public Task<HttpResponseMessage> PostAsync(string body, string? bearerToken = null, string? scheme = "Bearer", string mediaType = "application/json",
        IDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (bearerToken is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", scheme is null ? bearerToken : $"{scheme} {bearerToken}");
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

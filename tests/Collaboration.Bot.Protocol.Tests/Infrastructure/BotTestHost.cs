using System.Text;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

/// <summary>A real Kestrel host on 127.0.0.1 running MapBotMessages("/api/messages") with a recording handler.</summary>
public sealed class BotTestHost : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private BotTestHost(LoopbackServer server, RecordingHandler handler, RecordingConnectorClient connector, FakeTimeProvider time, string baseUrl)
    {
        _server = server;
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
        var time = new FakeTimeProvider(now);
        var connector = new RecordingConnectorClient();
        var handler = new RecordingHandler();
        var server = await LoopbackServer.StartAsync(app => app.MapBotMessages("/api/messages", handler), environment: environment, configure: builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Services.AddBotProtocol(builder.Configuration, configureEndpoint);
            builder.Services.AddSingleton<IConnectorClient>(connector);
        });
        return new BotTestHost(server, handler, connector, time, server.BaseUrl);
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
        await _server.DisposeAsync();
    }
}

using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Testing;
using Collaboration.Testing.Playground;

namespace Collaboration.Playground.Tests;

/// <summary>The <see cref="EchoBot"/> on a real Kestrel at 127.0.0.1 (development mode: no app id), and the real Agents Playground talking to it.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private LoopbackServer? _server;

    public EchoBot Bot { get; } = new();

    public AgentsPlayground Playground { get; private set; } = null!;

    public string BotEndpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(app => app.MapBotMessages("/api/messages", Bot), environment: "Development", configure: builder =>
        {
            builder.Configuration["MicrosoftAppId"] = string.Empty;
            builder.Services.AddBotProtocol(builder.Configuration);
        });
        BotEndpoint = $"{_server.BaseUrl}/api/messages";

        Playground = await AgentsPlayground.StartAsync(BotEndpoint);
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Testing.Playground;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Playground.Tests;

/// <summary>The <see cref="EchoBot"/> on a real Kestrel at 127.0.0.1 (development mode: no app id), and the real Agents Playground talking to it.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public EchoBot Bot { get; } = new();

    public AgentsPlayground Playground { get; private set; } = null!;

    public string BotEndpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["MicrosoftAppId"] = string.Empty;
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddBotProtocol(builder.Configuration);
        _app = builder.Build();
        _app.MapBotMessages("/api/messages", Bot);
        await _app.StartAsync();
        BotEndpoint = $"{_app.Urls.Single()}/api/messages";

        Playground = await AgentsPlayground.StartAsync(BotEndpoint);
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

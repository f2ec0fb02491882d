using Collaboration.Bot;
using Collaboration.Testing;
using Collaboration.Testing.Playground;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The real CRM bot host (<see cref="BotHost"/>: development mode, no app id, loopback only) on a free port of
/// 127.0.0.1 with a fresh SQLite database, and the real Agents Playground in msteams mode talking to it.
/// </summary>
public sealed class CrmBotPlaygroundFixture : IAsyncLifetime
{
    private BotApp? _bot;

    public TestDatabase Db { get; private set; } = null!;

    public AgentsPlayground Playground { get; private set; } = null!;

    public int BotPort { get; private set; }

    public string BotEndpoint => $"http://127.0.0.1:{BotPort}{BotHost.MessagesPath}";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        _bot = await BotApp.StartAsync(Db, new Dictionary<string, string?> { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" });
        BotPort = _bot.Port;
        Playground = await AgentsPlayground.StartAsync(BotEndpoint, new AgentsPlaygroundOptions { ChannelId = "msteams" });
    }

    /// <summary>A port free right now (the Playground's own, or a bot process's).</summary>
    public static int FreePort() => LoopbackServer.FreePort();

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}

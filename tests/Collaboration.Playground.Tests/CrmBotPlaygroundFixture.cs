using System.Net;
using System.Net.Sockets;
using Collaboration.Bot;
using Collaboration.Testing;
using Collaboration.Testing.Playground;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The real CRM bot host (<see cref="BotHost"/>: development mode, no app id, loopback only) on a free port of
/// 127.0.0.1 with a fresh SQLite database, and the real Agents Playground in msteams mode talking to it.
/// </summary>
public sealed class CrmBotPlaygroundFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public TestDatabase Db { get; private set; } = null!;

    public AgentsPlayground Playground { get; private set; } = null!;

    public int BotPort { get; private set; }

    public string BotEndpoint => $"http://127.0.0.1:{BotPort}{BotHost.MessagesPath}";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        _app = await StartBotAsync(Db);
        BotPort = new Uri(_app.Urls.Single()).Port;
        Playground = await AgentsPlayground.StartAsync(BotEndpoint, new AgentsPlaygroundOptions { ChannelId = "msteams" });
    }

    /// <summary>The bot host as Program.cs builds it, on a port found free just before; retried if another process takes it first.</summary>
    private static async Task<WebApplication> StartBotAsync(TestDatabase db)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var app = BotHost.Build(["--environment", "Development"], builder =>
            {
                builder.Logging.ClearProviders();
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Urls"] = url,
                    ["MicrosoftAppId"] = "",
                    ["MicrosoftAppPassword"] = "",
                    ["Database:Provider"] = db.Database.Provider.ToString(),
                    ["ConnectionStrings:Crm"] = db.Database.ConnectionString,
                });
                builder.WebHost.UseUrls(url);
            });
            try
            {
                await BotHost.PrepareAsync(app);
                await app.StartAsync();
                return app;
            }
            catch (IOException) when (attempt < 3)
            {
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}

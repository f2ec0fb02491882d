extern alias bot;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using BotHost = bot::Collaboration.Bot.BotHost;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The real Teams bot host (development sign-in) over the add-in's database, and a local Bot Connector that keeps its replies.</summary>
public sealed class BotChat : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalConnector _connector;
    private readonly HttpClient _client;

    private BotChat(WebApplication app, LocalConnector connector, string address)
    {
        _app = app;
        _connector = connector;
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public static async Task<BotChat> StartAsync(TestDatabase database)
    {
        var connector = await LocalConnector.StartAsync();
        var app = BotHost.Build(["--environment", "Development"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = database.Database.Provider.ToString(),
                ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
                ["Notifications:RunHostedServices"] = "false",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await BotHost.PrepareAsync(app);
        await app.StartAsync();
        return new BotChat(app, connector, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>What the person reads in the cards the bot answers <paramref name="text"/> with (every TextBlock and fact, one per line).</summary>
    public async Task<string> SayAsync(string tenantId, string objectId, string name, string text)
    {
        var before = _connector.Requests.Count;
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString(), ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams", ["serviceUrl"] = _connector.ServiceUrl, ["locale"] = "en-US", ["text"] = text, ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = "29:" + objectId, ["name"] = name, ["aadObjectId"] = objectId },
            ["recipient"] = new JsonObject { ["id"] = "28:collaboration-bot", ["name"] = "Collaboration" },
            ["conversation"] = new JsonObject { ["id"] = $"a:personal-{objectId}", ["conversationType"] = "personal", ["tenantId"] = tenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        };
        using var response = await _client.PostAsync(BotHost.MessagesPath,
            new StringContent(activity.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        response.EnsureSuccessStatusCode();
        var lines = _connector.Requests.Skip(before).Where(r => r.Method == "POST")
            .Select(r => JsonNode.Parse(r.Body)!["attachments"]?.AsArray().FirstOrDefault()?["content"])
            .SelectMany(Texts);
        return string.Join("\n", lines);
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? [s] : Enumerable.Empty<string>())
            .Concat(o["value"] is JsonValue v && o["title"] is not null && v.TryGetValue<string>(out var f) ? [f] : [])
            .Concat(o.Where(p => p.Key is not ("text" or "value")).SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Bot;
using Collaboration.Testing;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The real Teams bot host (the kit's <see cref="BotApp"/>, development sign-in) over the add-in's database, and a local Bot Connector that keeps its replies.</summary>
public sealed class BotChat : IAsyncDisposable
{
    private readonly BotApp _bot;
    private readonly LocalConnector _connector;
    private readonly HttpClient _client;

    private BotChat(BotApp bot, LocalConnector connector)
    {
        _bot = bot;
        _connector = connector;
        _client = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public static async Task<BotChat> StartAsync(TestDatabase database)
    {
        var connector = await LocalConnector.StartAsync();
        var bot = await BotApp.StartAsync(database, new Dictionary<string, string?> { ["Notifications:RunHostedServices"] = "false" });
        return new BotChat(bot, connector);
    }

    /// <summary>What the person reads in the cards the bot answers <paramref name="text"/> with (every TextBlock and fact, one per line).</summary>
    public async Task<string> SayAsync(string tenantId, string objectId, string name, string text)
    {
        var before = _connector.Requests.Count;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["locale"] = "en-US",
            ["text"] = text,
            ["textFormat"] = "plain",
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
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }
}

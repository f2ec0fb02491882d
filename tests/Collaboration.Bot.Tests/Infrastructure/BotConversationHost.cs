using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Bot;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests.Infrastructure;

public sealed record TestUser(string ObjectId, string Name, string TenantId = "tenant-a", string Locale = "en-US")
{
    public string ConversationId => $"a:personal-{ObjectId};messageid=1";
}

public sealed record InvokeAnswer(HttpStatusCode Status, JsonObject Body)
{
    public JsonObject Card => Body["value"]!.AsObject();
}

/// <summary>
/// The real bot host on Kestrel (127.0.0.1), a real database, and a local Bot Connector that records what the bot
/// sends. Activities are posted the way Teams posts them.
/// </summary>
public sealed class BotConversationHost : IAsyncDisposable
{
    public const string BotId = "28:collaboration-bot";
    public const string BotName = "Collaboration";

    private readonly BotApp _app;

    private BotConversationHost(BotApp app, TestDatabase db, LocalConnector connector, string baseUrl)
    {
        _app = app;
        Db = db;
        Connector = connector;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public TestDatabase Db { get; }
    public LocalConnector Connector { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Used as the Authorization token of every post when set.</summary>
    public Func<string, string>? TokenFor { get; set; }

    public static async Task<BotConversationHost> StartAsync(DatabaseKind kind = DatabaseKind.Sqlite,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var db = await TestDatabase.CreateAsync(kind);
        var connector = await LocalConnector.StartAsync();
        var values = new Dictionary<string, string?>
        {
            // Tests run the dispatcher and sender themselves (see NotificationConversationTests), so card counts stay exact.
            ["Notifications:RunHostedServices"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var app = await BotApp.StartAsync(db, values, services);
        return new BotConversationHost(app, db, connector, app.BaseAddress.ToString());
    }

    /// <summary>
    /// A host with a Bot Framework identity (<paramref name="appId"/>) that checks inbound tokens against
    /// <paramref name="issuer"/>'s keys and gets its connector token there; <paramref name="settings"/> go over these.
    /// </summary>
    public static async Task<BotConversationHost> StartAuthenticatedAsync(LocalOpenIdIssuer issuer, string appId, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["BotOpenIdMetadata"] = issuer.BotMetadataUrl,
            ["BotAuthority"] = $"{issuer.HttpsBaseUrl}/botframework.com",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var host = await StartAsync(settings: values,
            services: s => s.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(issuer.CreateTrustingHandler));
        host.TokenFor = serviceUrl => issuer.CreateToken(appId, serviceUrl, DateTimeOffset.UtcNow);
        return host;
    }

    public JsonObject Activity(TestUser user, string type, string? conversationType = "personal", string? conversationId = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.ServiceUrl,
        ["locale"] = user.Locale,
        ["from"] = new JsonObject { ["id"] = "29:" + user.ObjectId, ["name"] = user.Name, ["aadObjectId"] = user.ObjectId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId ?? user.ConversationId, ["conversationType"] = conversationType, ["tenantId"] = user.TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = user.TenantId } },
    };

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, BotHost.MessagesPath)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        token ??= TokenFor?.Invoke(Connector.ServiceUrl);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>Sends a chat message and returns the cards the bot sent in answer.</summary>
    public async Task<IReadOnlyList<JsonObject>> SayAsync(TestUser user, string text)
    {
        var before = Connector.Requests.Count;
        var message = Activity(user, "message");
        message["text"] = text;
        message["textFormat"] = "plain";
        var response = await PostAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardsSentSince(before);
    }

    /// <summary>Clicks an Action.Execute: posts the adaptiveCard/action invoke with the action's data merged with input values.</summary>
    public async Task<InvokeAnswer> ClickAsync(TestUser user, JsonObject action, IDictionary<string, string>? inputs = null, string replyToId = "card-1")
    {
        var data = MergeInputs(action, inputs);
        var invoke = Activity(user, "invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = replyToId;
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = data },
            ["trigger"] = "manual",
        };
        var response = await PostAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new InvokeAnswer(response.StatusCode, body);
    }

    /// <summary>Clicks the Action.Submit fallback: a message with a value and no text. Returns the cards the bot sent.</summary>
    public async Task<IReadOnlyList<JsonObject>> SubmitAsync(TestUser user, JsonObject action, IDictionary<string, string>? inputs = null, string replyToId = "card-1")
    {
        var before = Connector.Requests.Count;
        var submit = Activity(user, "message");
        submit["replyToId"] = replyToId;
        submit["value"] = MergeInputs(action["fallback"]!.AsObject(), inputs);
        var response = await PostAsync(submit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CardsSentSince(before);
    }

    public IReadOnlyList<ConnectorRequest> RequestsSince(int index) => Connector.Requests.Skip(index).ToList();

    public IReadOnlyList<JsonObject> CardsSentSince(int index) =>
        RequestsSince(index).Where(r => r.Method == "POST").Select(CardOf).OfType<JsonObject>().ToList();

    public static JsonObject? CardOf(ConnectorRequest request)
    {
        var body = JsonNode.Parse(request.Body)!.AsObject();
        return body["attachments"]?.AsArray().FirstOrDefault()?["content"]?.AsObject();
    }

    private static JsonObject MergeInputs(JsonObject action, IDictionary<string, string>? inputs)
    {
        var data = action["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>()) data[key] = value;
        return data;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Connector.DisposeAsync();
        await Db.DisposeAsync();
    }
}

/// <summary>Finds things in cards the way a person reads them.</summary>
public static class CardReader
{
    public static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                foreach (var inner in Walk(child)) yield return inner;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in Walk(item)) yield return inner;
            }
        }
    }

    public static JsonObject Action(JsonObject card, string verb) =>
        Walk(card).First(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    public static bool HasAction(JsonObject card, string verb) =>
        Walk(card).Any(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);

    public static string Text(JsonObject card) => string.Join("\n", Walk(card)
        .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
        .OfType<JsonValue>()
        .Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String)
        .Select(v => v.GetValue<string>()));
}

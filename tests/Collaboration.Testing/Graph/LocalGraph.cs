using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <param name="Query">Unescaped.</param>
/// <param name="Prefer">The Prefer headers, comma-joined.</param>
public sealed record GraphRequest(string Method, string Path, string Query, string? Authorization, string Prefer, string Body);

/// <summary>
/// One Graph-shaped tenant on 127.0.0.1 for every Graph test, serving what the tests put in it: the directory (users
/// in pages, managers, group members), the signed-in user's messages, a shared mailbox with subscriptions (validated
/// like Graph does), and sendMail. Records every request. Point the product's Graph base URL at <see cref="BaseUrl"/>.
/// </summary>
public sealed partial class LocalGraph : IAsyncDisposable
{
    private readonly List<GraphRequest> _requests = [];
    private LoopbackServer _server = null!;

    private LocalGraph()
    {
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address => _server.Address;

    /// <summary>http://127.0.0.1:port/v1.0</summary>
    public string BaseUrl => new Uri(Address, "v1.0").ToString();

    public IReadOnlyList<GraphRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public static async Task<LocalGraph> StartAsync()
    {
        var graph = new LocalGraph();
        graph._server = await LoopbackServer.StartAsync(app =>
        {
            graph.MapDirectory(app);
            graph.MapMyMessages(app);
            graph.MapSubscriptions(app);
            graph.MapSharedMailbox(app);
            graph.MapSendMail(app);
            graph.MapSentItems(app);
        });
        return graph;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Graph's error shape.</summary>
    public static IResult Error(string code, string message, int status) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    private static IResult JsonText(JsonNode body, int status = (int)HttpStatusCode.OK) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    private async Task<string> RecordAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var request = new GraphRequest(context.Request.Method, context.Request.Path, Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""),
            context.Request.Headers.Authorization.FirstOrDefault(), string.Join(",", context.Request.Headers["Prefer"].ToArray()), body);
        lock (_requests) _requests.Add(request);
        return body;
    }
}

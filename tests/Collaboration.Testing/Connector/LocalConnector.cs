using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Collaboration.Testing;

/// <summary>
/// A stand-in Bot Connector on 127.0.0.1. By default it records every request and answers like the real one (200 with
/// an activity id, or a conversation id for a new conversation), or what <see cref="Respond"/> scripts. Started
/// <see cref="StartCountingAsync">counting</see>, it keeps no bodies, only counts (a load run would grow without bound).
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private int _count;
    private long _unauthorized;

    private LocalConnector()
    {
    }

    public string ServiceUrl => _server.BaseUrl + "/_connector/";

    /// <summary>Every request, in order (empty when counting).</summary>
    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public IReadOnlyList<ConnectorRequest> Sends => Requests.Where(r => r.IsSend).ToList();

    /// <summary>Requests so far, in either mode.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Scripts the answer; null for the default one.</summary>
    public Func<ConnectorRequest, IResult?> Respond { get; set; } = _ => null;

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>When set, requests with another Authorization header are counted in <see cref="Unauthorized"/>.</summary>
    public string? ExpectedAuthorization { get; set; }

    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public static Task<LocalConnector> StartAsync() => StartAsync(counting: false);

    public static Task<LocalConnector> StartCountingAsync() => StartAsync(counting: true);

    public static IResult DefaultAnswer(ConnectorRequest request) => request.IsCreate
        ? Results.Json(new { id = $"a:personal-{request.Number}" })
        : Results.Json(new { id = $"activity-{request.Number}" });

    public static IResult TooManyRequests(int retryAfterSeconds) =>
        new StatusWithHeader(429, "Retry-After", retryAfterSeconds.ToString(CultureInfo.InvariantCulture));

    public static IResult Unavailable() => Results.StatusCode(503);

    public static IResult MessageWritesBlocked() =>
        Results.Json(new { error = new { code = "BotDisabledByAdmin", message = "Bot is not installed", subCode = "MessageWritesBlocked" } }, statusCode: 403);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task<LocalConnector> StartAsync(bool counting)
    {
        var connector = new LocalConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(counting ? connector.CountAsync : connector.RecordAsync));
        return connector;
    }

    private async Task RecordAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        CheckAuthorization(context);
        using var reader = new StreamReader(context.Request.Body);
        var request = new ConnectorRequest(number, context.Request.Method, context.Features.Get<IHttpRequestFeature>()!.RawTarget,
            Uri.UnescapeDataString(context.Request.Path.Value ?? ""),
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            await reader.ReadToEndAsync(), Clock());
        Requests.Enqueue(request);
        await (Respond(request) ?? DefaultAnswer(request)).ExecuteAsync(context);
    }

    private async Task CountAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _count);
        CheckAuthorization(context);
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"id\":\"activity-" + number + "\"}");
    }

    private void CheckAuthorization(HttpContext context)
    {
        if (ExpectedAuthorization is { } expected && context.Request.Headers.Authorization != expected) Interlocked.Increment(ref _unauthorized);
    }

    private sealed class StatusWithHeader(int status, string header, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers[header] = value;
            return Task.CompletedTask;
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Connector;

/// <summary>
/// Bot Connector REST client. Retries 429, 412, 502, 503 and 504 (honouring Retry-After, else exponential backoff
/// with jitter) up to <see cref="ConnectorOptions.MaxAttempts"/>; throws <see cref="ConversationBlockedException"/>
/// when Teams blocks the conversation and <see cref="ConnectorException"/> for any other failure. A serviceUrl outside
/// the <see cref="ServiceUrlAllowList"/> is never called (<see cref="ServiceUrlNotAllowedException"/>): the bot's token
/// goes only to Teams and Bot Framework hosts.
/// </summary>
public sealed class ConnectorClient : IConnectorClient
{
    public const string HttpClientName = "Collaboration.Bot.Connector";

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ServiceUrlAllowList _allowedServiceUrls;

    public ConnectorClient(
        HttpClient http, IBotTokenProvider tokens, ServiceUrlAllowList allowedServiceUrls, IOptions<ConnectorOptions> options, TimeProvider time,
        ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _allowedServiceUrls = allowedServiceUrls;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendActivityAsync(HttpMethod.Post, BuildUri(serviceUrl, conversationId), conversationId, activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendActivityAsync(HttpMethod.Post, BuildUri(serviceUrl, conversationId, activityId), conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendActivityAsync(HttpMethod.Put, BuildUri(serviceUrl, conversationId, activityId), conversationId, activity, cancellationToken);

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var uri = BuildUri(serviceUrl, conversationId, activityId);
        using var response = await SendWithRetriesAsync(() => new HttpRequestMessage(HttpMethod.Delete, uri), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, conversationId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = new Uri(AllowedServiceUrl(serviceUrl) + "/v3/conversations");
        using var response = await SendWithRetriesAsync(() => CreateJsonRequest(HttpMethod.Post, uri, parameters), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "(new conversation)", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ConversationResourceResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var uri = new Uri($"{AllowedServiceUrl(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(memberId)}");
        using var response = await SendWithRetriesAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, conversationId, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ChannelAccount>(response, cancellationToken).ConfigureAwait(false);
    }

    private Uri BuildUri(string serviceUrl, string conversationId, string? activityId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var path = $"{AllowedServiceUrl(serviceUrl)}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (activityId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(activityId);
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(path);
    }

    internal TimeSpan? GetRetryDelay(HttpResponseMessage response, int attempt)
    {
        if (RequestedRetryAfter(response) is { } wait)
        {
            if (wait > _options.MaxRetryAfter)
            {
                return null;
            }

            return wait;
        }

        var exponential = _options.BaseDelay * Math.Pow(2, attempt - 1);
        var capped = exponential > _options.MaxDelay ? _options.MaxDelay : exponential;
        return capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }

    private TimeSpan? RequestedRetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? requested = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
        return requested < TimeSpan.Zero ? TimeSpan.Zero : requested;
    }

    private string AllowedServiceUrl(string serviceUrl)
    {
        var normalized = NormalizeServiceUrl(serviceUrl);
        if (_allowedServiceUrls.Refusal(serviceUrl) is { } reason)
        {
            throw new ServiceUrlNotAllowedException(serviceUrl, reason);
        }

        return normalized;
    }

    private static string NormalizeServiceUrl(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{serviceUrl}' is not an http(s) URL.", nameof(serviceUrl));
        }

        return serviceUrl.TrimEnd('/');
    }

    private static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static HttpRequestMessage CreateJsonRequest<T>(HttpMethod method, Uri uri, T body) => new(method, uri)
    {
        Content = JsonContent.Create(body, options: ActivityJson.Options),
    };

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : new()
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, ActivityJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new ConnectorException("The Bot Connector answered with a body that is not the expected JSON.", response.StatusCode, text, ex);
        }
    }

    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, Uri uri, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await SendWithRetriesAsync(() => CreateJsonRequest(method, uri, activity), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, conversationId, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ResourceResponse>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var maxAttempts = Math.Max(1, _options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            if (token is not null)
            {
                if (request.RequestUri is { Scheme: "http", IsLoopback: false })
                {
                    throw new InvalidOperationException($"Refusing to send the bot's token over plain http to {request.RequestUri.Host}.");
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!IsRetryable(response.StatusCode) || attempt >= maxAttempts)
            {
                return response;
            }

            var delay = GetRetryDelay(response, attempt);
            if (delay is null)
            {
                return response;
            }

            _logger.LogWarning(
                "Bot Connector answered {Status} to {Method} {Path}; retry {Attempt} of {Max} in {Delay}",
                (int)response.StatusCode, request.Method, request.RequestUri?.AbsolutePath, attempt, maxAttempts - 1, delay.Value);
            response.Dispose();
            await Task.Delay(delay.Value, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string conversationId, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Forbidden && BlockedConversationDetector.FindBlockingCode(body) is { } reason)
        {
            throw new ConversationBlockedException(conversationId, reason, body);
        }

        throw new ConnectorException(
            $"The Bot Connector answered {(int)response.StatusCode} {response.ReasonPhrase} for conversation '{conversationId}'.",
            response.StatusCode,
            body,
            retryAfter: RequestedRetryAfter(response));
    }
}

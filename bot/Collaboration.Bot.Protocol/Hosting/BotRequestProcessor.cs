using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Hosting;

internal sealed class BotRequestProcessor(HttpContext context, IActivityHandler handler)
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Real-IP"];
    private static readonly string[] LocalHostNames = ["localhost", "127.0.0.1", "[::1]"];

    private readonly InboundRequestAuthenticator _authenticator = context.RequestServices.GetRequiredService<InboundRequestAuthenticator>();
    private readonly InboundActivityPolicy _policy = context.RequestServices.GetRequiredService<InboundActivityPolicy>();
    private readonly BotEndpointOptions _options = context.RequestServices.GetRequiredService<IOptions<BotEndpointOptions>>().Value;
    private readonly TimeProvider _time = context.RequestServices.GetRequiredService<TimeProvider>();
    private readonly ILogger _logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Collaboration.Bot.Protocol.Hosting.BotEndpoint");

    public async Task ProcessAsync()
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (_authenticator.IsDevelopmentMode && await RefuseDevelopmentRequestAsync(request))
        {
            return;
        }

        if (request.ContentLength > _options.MaxRequestBodyBytes)
        {
            await ProblemAsync(StatusCodes.Status413PayloadTooLarge, "The activity is too large.");
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!_authenticator.IsDevelopmentMode && string.IsNullOrWhiteSpace(authorization))
        {
            Unauthorized("No Authorization header.");
            return;
        }

        var body = await ReadBodyAsync(request.Body, _options.MaxRequestBodyBytes, ct);
        if (body is null)
        {
            await ProblemAsync(StatusCodes.Status413PayloadTooLarge, "The activity is too large.");
            return;
        }

        Activity activity;
        try
        {
            activity = ActivityJson.Parse(body);
        }
        catch (JsonException ex)
        {
            _logger.LogInformation("Rejected a request whose body is not an activity: {Error}", ex.Message);
            await ProblemAsync(StatusCodes.Status400BadRequest, "The body is not a valid activity JSON document.");
            return;
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            await ProblemAsync(StatusCodes.Status400BadRequest, "The activity has no type.");
            return;
        }

        var authentication = await _authenticator.AuthenticateAsync(
            authorization, activity.ServiceUrl, activity.ChannelId, context.Connection.RemoteIpAddress, ct);
        if (!authentication.Succeeded)
        {
            Unauthorized(authentication.FailureReason);
            return;
        }

        if (_policy.Refusal(activity) is { } refusal)
        {
            _logger.LogWarning(
                "Refused {Type} activity {ActivityId} from {RemoteAddress}: {Reason}", activity.Type, activity.Id, context.Connection.RemoteIpAddress, refusal);
            await ProblemAsync(StatusCodes.Status403Forbidden, "The activity is not accepted by this bot.");
            return;
        }

        var turn = new TurnContext(activity, authentication, context.RequestServices.GetRequiredService<IConnectorClient>());
        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await handler.HandleAsync(activity, turn, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _logger.LogInformation("The caller went away while activity {ActivityId} was being handled", activity.Id);
            return;
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Handling {Type} activity {ActivityId} ({Name}) failed", activity.Type, activity.Id, activity.Name);
            invokeResponse = await RecoverAsync(activity, turn);
        }

        if (!activity.IsInvoke)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        // An invoke the handler does not answer is acknowledged with 200 {}: several invokes (signin/verifyState,
        // fileConsent/invoke, ...) expect only an acknowledgement, and a 5xx would show Teams' generic failure.
        invokeResponse ??= InvokeResponse.Acknowledge();
        context.Response.StatusCode = invokeResponse.Status;
        if (invokeResponse.Json is { } json)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = json.Length;
            await context.Response.Body.WriteAsync(json, ct);
        }
    }

    // Development sign-in trusts the caller's loopback address, so it must be the real caller talking to this machine:
    // no proxy in between (forwarding headers), no DNS-rebound name (Host), and no cross-site form post, which
    // a browser can only send as text/plain, form or multipart, never application/json without a CORS preflight.
    private async Task<bool> RefuseDevelopmentRequestAsync(HttpRequest request)
    {
        if (ForwardingHeaders.FirstOrDefault(request.Headers.ContainsKey) is { } forwarded)
        {
            _logger.LogWarning("Development sign-in refused a request carrying {Header}", forwarded);
            await ProblemAsync(StatusCodes.Status403Forbidden, $"Development sign-in refuses forwarded requests ({forwarded}).");
            return true;
        }

        if (!LocalHostNames.Contains(request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            _logger.LogWarning("Development sign-in refused a request for host {Host}", request.Host.Value);
            await ProblemAsync(StatusCodes.Status403Forbidden, "Development sign-in accepts requests addressed to localhost, 127.0.0.1 or [::1] only.");
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ProblemAsync(StatusCodes.Status415UnsupportedMediaType, "Activities are sent as application/json.");
            return true;
        }

        return false;
    }

    internal static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    // A failure must not reach Teams as a 5xx: it would report the bot as failing (and may redeliver the activity).
    // Messages get a best-effort apology in the conversation and a 200; invokes get a 200 carrying a Universal
    // Action error body, which Teams shows on the card.
    private async Task<InvokeResponse?> RecoverAsync(Activity activity, TurnContext turn)
    {
        if (activity.IsInvoke)
        {
            return InvokeResponse.Error(StatusCodes.Status500InternalServerError, "InternalError", _options.InvokeErrorMessageText);
        }

        if (activity.IsMessage && !string.IsNullOrEmpty(_options.ErrorMessageText) && activity.ServiceUrl is not null && activity.Conversation?.Id is not null)
        {
            using var timeout = new CancellationTokenSource(_options.ErrorMessageTimeout, _time);
            try
            {
                await turn.SendAsync(activity.CreateReply(_options.ErrorMessageText), timeout.Token);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Could not send the error message for activity {ActivityId}", activity.Id);
            }
        }

        return null;
    }

    private void Unauthorized(string? reason)
    {
        _logger.LogWarning(
            "Rejected bot request from {RemoteAddress}: {Reason}", context.Connection.RemoteIpAddress, reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
    }

    private Task ProblemAsync(int status, string title) =>
        Results.Problem(title: title, statusCode: status).ExecuteAsync(context);
}

using System.Net;

namespace Collaboration.Bot.Protocol.Connector;

public class ConnectorException : Exception
{
    public ConnectorException(string message, HttpStatusCode statusCode, string? responseBody, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public string? ResponseBody { get; }

    /// <summary>The wait the Connector asked for on the last answer (Retry-After), when it asked for one.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// Teams refuses messages to this conversation for good (403 <c>MessageWritesBlocked</c> after the app was
/// uninstalled, or <c>ConversationBlockedByUser</c>): mark the conversation inactive and stop sending there.
/// </summary>
public sealed class ConversationBlockedException : ConnectorException
{
    public ConversationBlockedException(string conversationId, string reason, string? responseBody)
        : base($"Teams blocks messages to conversation '{conversationId}' ({reason}).", HttpStatusCode.Forbidden, responseBody)
    {
        ConversationId = conversationId;
        Reason = reason;
    }

    public string ConversationId { get; }

    /// <summary>The subCode or code Teams gave, e.g. MessageWritesBlocked.</summary>
    public string Reason { get; }
}

/// <summary>The Connector client refused to call a serviceUrl outside <see cref="ServiceUrlAllowList"/>; nothing was sent.</summary>
public sealed class ServiceUrlNotAllowedException(string serviceUrl, string reason)
    : InvalidOperationException($"Refusing to call the Bot Connector at '{serviceUrl}': {reason} Nothing was sent.")
{
    public string ServiceUrl { get; } = serviceUrl;
}

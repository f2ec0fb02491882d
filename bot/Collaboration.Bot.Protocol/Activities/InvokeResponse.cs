using System.Text.Json;

namespace Collaboration.Bot.Protocol.Activities;

/// <summary>The HTTP answer to an <c>invoke</c> activity: <see cref="Status"/> becomes the HTTP status, <see cref="Body"/> the JSON body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>200 with an empty JSON object: an acknowledgement for invokes that expect no content.</summary>
    public static InvokeResponse Acknowledge() => new(200, ActivityJson.ToElement(new { }));

    /// <summary>Universal Action answer that replaces the card for the user who acted.</summary>
    public static InvokeResponse AdaptiveCard(object card) => Universal(200, AdaptiveCardType, card);

    /// <summary>Universal Action answer that shows <paramref name="text"/> to the user who acted.</summary>
    public static InvokeResponse Message(string text) => Universal(200, MessageType, text);

    /// <summary>
    /// Universal Action error. The HTTP status stays 200 so that Teams reads the body and shows
    /// <paramref name="message"/> on the card; the error status travels in the body's <c>statusCode</c>.
    /// </summary>
    public static InvokeResponse Error(int statusCode, string code, string message)
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An error status code is 4xx or 5xx.");
        }

        return Universal(statusCode, ErrorType, new { code, message });
    }

    public static InvokeResponse FromBody(int status, object body) => new(status, ActivityJson.ToElement(body));

    private static InvokeResponse Universal(int statusCode, string type, object value) =>
        new(200, ActivityJson.ToElement(new { statusCode, type, value }));
}

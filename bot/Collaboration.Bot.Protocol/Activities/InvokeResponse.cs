using System.Text.Json;

namespace Collaboration.Bot.Protocol.Activities;

/// <summary>
/// The HTTP answer to an <c>invoke</c> activity: <see cref="Status"/> becomes the HTTP status, <see cref="Json"/> (UTF-8)
/// the body. Kept as the bytes written: a click answers with its card (a few kilobytes), and parsing the answer back
/// into a document only to write it out again cost more than the write.
/// </summary>
public sealed record InvokeResponse(int Status, byte[]? Json = null)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    /// <summary>200 with an empty JSON object: an acknowledgement for invokes that expect no content.</summary>
    public static InvokeResponse Acknowledge() => new(200, "{}"u8.ToArray());

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

    public static InvokeResponse FromBody(int status, object body) => new(status, JsonSerializer.SerializeToUtf8Bytes(body, ActivityJson.Options));

    private static InvokeResponse Universal(int statusCode, string type, object value) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(new { statusCode, type, value }, ActivityJson.Options));
}

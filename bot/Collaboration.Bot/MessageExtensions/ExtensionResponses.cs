using System.Text.Json.Nodes;
using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>
/// The invoke answers a message extension gives, in the shapes Teams documents: search results and unfurled links as
/// <c>{composeExtension: {type: "result", attachmentLayout: "list", attachments}}</c> (each attachment with a preview),
/// a plain <c>{composeExtension: {type: "message", text}}</c>, and a dialog (<c>{task: {type: "continue" | "message"}}</c>).
/// </summary>
public static class ExtensionResponses
{
    public const string ThumbnailCardType = "application/vnd.microsoft.card.thumbnail";

    public static InvokeResponse Result(IEnumerable<JsonObject> attachments) => InvokeResponse.FromBody(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "result",
            ["attachmentLayout"] = "list",
            ["attachments"] = new JsonArray([.. attachments]),
        },
    });

    public static InvokeResponse Message(string text) => InvokeResponse.FromBody(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });

    /// <summary>An Adaptive Card that Teams inserts, shown in the result list as its thumbnail <paramref name="preview"/>.</summary>
    public static JsonObject Attachment(JsonObject card, JsonObject preview) => new()
    {
        ["contentType"] = Protocol.Activities.Attachment.AdaptiveCardContentType,
        ["content"] = card,
        ["preview"] = new JsonObject { ["contentType"] = ThumbnailCardType, ["content"] = preview },
    };

    /// <summary>A dialog holding <paramref name="card"/> (a form), opened or kept open.</summary>
    public static InvokeResponse Dialog(string title, JsonObject card) => InvokeResponse.FromBody(200, new JsonObject
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["height"] = "medium",
                ["width"] = "medium",
                ["card"] = new JsonObject { ["contentType"] = Protocol.Activities.Attachment.AdaptiveCardContentType, ["content"] = card },
            },
        },
    });

    /// <summary>A short pop-up that ends the dialog.</summary>
    public static InvokeResponse DialogMessage(string text) => InvokeResponse.FromBody(200, new JsonObject
    {
        ["task"] = new JsonObject { ["type"] = "message", ["value"] = text },
    });
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Bot.Protocol.Activities;

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Wraps an Adaptive Card (any JSON-serializable object, JsonElement or JsonNode) as an attachment.</summary>
    public static Attachment AdaptiveCard(object card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return AdaptiveCard(card is JsonElement element ? element : ActivityJson.ToElement(card));
    }

    /// <summary>Wraps an Adaptive Card already serialized (one card sent several ways is serialized once).</summary>
    public static Attachment AdaptiveCard(JsonElement card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Bot.Protocol.Activities;

public sealed class Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    /// <summary>The content as a document (parsed from <see cref="ContentJson"/> at each read).</summary>
    [JsonIgnore]
    public JsonElement? Content
    {
        get => ContentJson?.ToElement();
        set => ContentJson = value is { } element ? RawJson.Of(element) : null;
    }

    /// <summary>The content as sent and received: UTF-8 JSON, written out as it is.</summary>
    [JsonPropertyName("content")]
    public RawJson? ContentJson { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Wraps an Adaptive Card (any JSON-serializable object, JsonElement or JsonNode) as an attachment.</summary>
    public static Attachment AdaptiveCard(object card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return AdaptiveCard(card as RawJson ?? RawJson.Of(card));
    }

    /// <summary>Wraps an Adaptive Card already serialized (one card sent several ways is serialized once).</summary>
    public static Attachment AdaptiveCard(RawJson card) => new() { ContentType = AdaptiveCardContentType, ContentJson = card };
}

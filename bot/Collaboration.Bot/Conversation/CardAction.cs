using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.Conversation;

/// <summary>A click on a card: the verb, the data the card carried and the inputs' values, from an Action.Execute invoke or an Action.Submit message.</summary>
public sealed record CardAction(string Verb, JsonObject Data)
{
    public const string InvokeName = "adaptiveCard/action";

    public static bool IsCardAction(Activity activity) =>
        (activity.IsInvoke && string.Equals(activity.Name, InvokeName, StringComparison.OrdinalIgnoreCase))
        || (activity.IsMessage && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: JsonValueKind.Object });

    public static CardAction? From(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value) return null;
        JsonObject? data;
        string? verb = null;
        if (activity.IsInvoke)
        {
            if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object) return null;
            verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? JsonNode.Parse(d.GetRawText()) as JsonObject : new JsonObject();
        }
        else
        {
            data = JsonNode.Parse(value.GetRawText()) as JsonObject;
        }
        if (data is null) return null;
        verb ??= data[CardData.Verb] is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : null;
        return string.IsNullOrWhiteSpace(verb) ? null : new CardAction(verb.Trim().ToLowerInvariant(), data);
    }

    /// <summary>A value as text, whether the client sent a string or a number; null when absent or blank.</summary>
    public string? Get(string key)
    {
        if (Data[key] is not JsonValue value) return null;
        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public Guid? DealId => Guid.TryParse(Get(CardData.DealId), out var id) ? id : null;

    public int? Version => int.TryParse(Get(CardData.Version), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public int? Score => int.TryParse(Get(CardData.Score), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public DateTimeOffset? RenderedAt =>
        DateTimeOffset.TryParse(Get(CardData.RenderedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public TEnum? Enum<TEnum>(string key) where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(Get(key), ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
}

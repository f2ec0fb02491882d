using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Bot.Protocol.Activities;

public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static Activity Parse(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<Activity>(utf8Json, Options)
        ?? throw new JsonException("The request body is JSON null, not an activity.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>Writes an element as its own text (see <see cref="RawElementConverter"/>).</summary>
    public static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        var text = JsonMarshal.GetRawUtf8Value(element);
        if (System.Text.Unicode.Utf8.IsValid(text)) writer.WriteRawValue(text, skipInputValidation: true);
        else element.WriteTo(writer);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new RawElementConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Writes a JSON element as the UTF-8 text it was read or built from. The default walks the element token by token;
    /// a card click writes its card (a few kilobytes) into the invoke response and into the message update, and that
    /// walk was about 4 % of the bot's CPU. An element is well-formed JSON, so its text is written as it is, unless a
    /// string in it is not valid UTF-8 (the parser lets that through from a sender): then the walk replaces those bytes.
    /// </summary>
    private sealed class RawElementConverter : JsonConverter<JsonElement>
    {
        public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonElement.ParseValue(ref reader);

        public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => ActivityJson.Write(writer, value);
    }
}

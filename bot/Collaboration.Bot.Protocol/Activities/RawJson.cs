using System.Text.Json;
using System.Text.Json.Serialization;

namespace Collaboration.Bot.Protocol.Activities;

/// <summary>
/// JSON already written as UTF-8, written into what carries it as it is. A card click's card goes out twice (the
/// invoke's answer and the update of the clicked message): serialized once, it was parsed back into a document only to
/// be written out again, a few per cent of a click's CPU and a copy of the card in bytes.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    private RawJson(byte[] utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Writes <paramref name="value"/> (a JsonNode, a JsonElement, any serializable object) once.</summary>
    public static RawJson Of<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, ActivityJson.Options));

    /// <summary>The JSON as a document, for those who read it in-process (tests, logs).</summary>
    public JsonElement ToElement() => JsonElement.Parse(Utf8.Span);

    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement, options));
        }

        // Written by JsonSerializer from a value it serialized itself: well-formed, so not checked again.
        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}

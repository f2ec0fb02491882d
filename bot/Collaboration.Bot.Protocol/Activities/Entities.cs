using System.Text.Json;

namespace Collaboration.Bot.Protocol.Activities;

public sealed record ClientInfo(string? Locale, string? Country, string? Platform, string? Timezone);

public sealed record Mention(string? MentionedId, string? MentionedName, string? Text)
{
    public const string EntityType = "mention";

    /// <summary>Builds the entity that makes <paramref name="text"/> (e.g. "&lt;at&gt;Alex&lt;/at&gt;") a mention in an outgoing message.</summary>
    public static JsonElement CreateEntity(ChannelAccount mentioned, string text) =>
        ActivityJson.ToElement(new
        {
            type = EntityType,
            mentioned = new { id = mentioned.Id, name = mentioned.Name },
            text,
        });
}

public static class EntityReader
{
    public static string? GetType(JsonElement entity) => GetString(entity, "type");

    public static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static ClientInfo? FindClientInfo(IEnumerable<JsonElement>? entities)
    {
        if (entities is null)
        {
            return null;
        }

        foreach (var entity in entities)
        {
            if (string.Equals(GetType(entity), "clientInfo", StringComparison.OrdinalIgnoreCase))
            {
                return new ClientInfo(
                    GetString(entity, "locale"),
                    GetString(entity, "country"),
                    GetString(entity, "platform"),
                    GetString(entity, "timezone"));
            }
        }

        return null;
    }

    public static IReadOnlyList<Mention> FindMentions(IEnumerable<JsonElement>? entities)
    {
        if (entities is null)
        {
            return [];
        }

        var mentions = new List<Mention>();
        foreach (var entity in entities)
        {
            if (!string.Equals(GetType(entity), Mention.EntityType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? id = null;
            string? name = null;
            if (entity.TryGetProperty("mentioned", out var mentioned))
            {
                id = GetString(mentioned, "id");
                name = GetString(mentioned, "name");
            }

            mentions.Add(new Mention(id, name, GetString(entity, "text")));
        }

        return mentions;
    }
}

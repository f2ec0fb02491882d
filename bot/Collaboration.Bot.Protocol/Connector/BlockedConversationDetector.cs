using System.Text.Json;

namespace Collaboration.Bot.Protocol.Connector;

internal static class BlockedConversationDetector
{
    private static readonly string[] BlockingCodes = ["MessageWritesBlocked", "ConversationBlockedByUser"];

    /// <summary>Finds a blocking subCode/code anywhere in an error body, including error bodies nested as JSON strings.</summary>
    public static string? FindBlockingCode(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return Search(document.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            return BlockingCodes.FirstOrDefault(code => body.Contains(code, StringComparison.Ordinal));
        }
    }

    private static string? Search(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String
                        && (property.NameEquals("subCode") || property.NameEquals("code") || property.Name.Equals("subcode", StringComparison.OrdinalIgnoreCase))
                        && BlockingCodes.FirstOrDefault(c => c.Equals(property.Value.GetString(), StringComparison.OrdinalIgnoreCase)) is { } code)
                    {
                        return code;
                    }

                    if (Search(property.Value, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Search(item, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            case JsonValueKind.String:
                var text = element.GetString();
                return text is { Length: > 1 } && (text[0] == '{' || text[0] == '[') ? FindBlockingCode(text) : null;
            default:
                return null;
        }
    }
}

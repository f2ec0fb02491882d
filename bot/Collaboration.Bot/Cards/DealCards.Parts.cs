using System.Text.Json.Nodes;

namespace Collaboration.Bot.Cards;

/// <summary>The Adaptive Card elements every card is built from.</summary>
public static partial class DealCards
{
    internal static JsonObject Card(JsonArray body, JsonArray actions)
    {
        var card = new JsonObject
        {
            ["$schema"] = Schema,
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions.Count > 0) card["actions"] = actions;
        card["msteams"] = new JsonObject { ["width"] = "Full" };
        return card;
    }

    private static JsonObject SubCard(JsonArray body, JsonObject action) => new()
    {
        ["type"] = "AdaptiveCard",
        ["body"] = body,
        ["actions"] = new JsonArray { action },
    };

    internal static JsonObject Execute(string title, string verb, JsonObject data)
    {
        data[CardData.Verb] = verb;
        return new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = data,
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = data.DeepClone() },
        };
    }

    private static JsonObject ShowCard(string title, JsonObject card) => new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    internal static JsonObject Text(string text, string? size = null, string? weight = null, string? color = null, bool isSubtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (isSubtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    internal static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    internal static JsonObject Container(JsonArray items, string? style = null)
    {
        var container = new JsonObject { ["type"] = "Container", ["items"] = items };
        if (style is not null) container["style"] = style;
        return container;
    }

    private static JsonObject Column(JsonArray items, string width) => new() { ["type"] = "Column", ["width"] = width, ["items"] = items };

    private static JsonObject Choice(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject ChoiceSet(string id, string label, JsonArray choices, string? value, bool expanded)
    {
        var set = new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = id, ["label"] = label, ["choices"] = choices, ["style"] = expanded ? "expanded" : "compact" };
        if (value is not null) set["value"] = value;
        return set;
    }

    internal static JsonObject TextInput(string id, string label) => new() { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
}

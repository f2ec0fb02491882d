using System.Text.Json.Nodes;

namespace Collaboration.Manifest;

/// <summary>
/// The bot-based message extension (<c>composeExtensions</c>, one per app): the search command <c>searchDeals</c>, the
/// message action <c>logToDeal</c> (its dialog comes from the bot: <c>fetchTask</c>), and link unfurling for the deal
/// pages of the add-in's host (<c>https://host/deals/{id}</c>). The bot answers all of them under the same bot id.
/// </summary>
public static class MessageExtensionManifest
{
    /// <summary>Ids the bot's message extension handler answers to (bot/Collaboration.Bot/MessageExtensions/ExtensionInvoke.cs).</summary>
    public const string SearchCommandId = "searchDeals";
    public const string LogCommandId = "logToDeal";
    public const string SearchParameter = "dealName";

    public static readonly Text SearchTitle = Text.Of("msgext.search_title");
    public static readonly Text SearchDescription = Text.Of("msgext.search_description");
    public static readonly Text SearchParameterTitle = Text.Of("msgext.search_parameter");
    public static readonly Text SearchParameterDescription = Text.Of("msgext.search_parameter_description");
    public static readonly Text LogTitle = Text.Of("msgext.log_title");
    public static readonly Text LogDescription = Text.Of("msgext.log_description");

    private static readonly string[] SearchContexts = ["compose", "commandBox"];
    private static readonly string[] LogContexts = ["message"];

    public static JsonArray Build(AppSettings s) => new(new JsonObject
    {
        ["botId"] = s.BotId.ToString(),
        ["composeExtensionType"] = "botBased",
        ["commands"] = new JsonArray(
            new JsonObject
            {
                ["id"] = SearchCommandId,
                ["type"] = "query",
                ["title"] = SearchTitle.En,
                ["description"] = SearchDescription.En,
                ["initialRun"] = true,
                ["context"] = new JsonArray([.. SearchContexts.Select(c => (JsonNode)c)]),
                ["parameters"] = new JsonArray(new JsonObject
                {
                    ["name"] = SearchParameter,
                    ["title"] = SearchParameterTitle.En,
                    ["description"] = SearchParameterDescription.En,
                    ["inputType"] = "text",
                }),
            },
            new JsonObject
            {
                ["id"] = LogCommandId,
                ["type"] = "action",
                ["title"] = LogTitle.En,
                ["description"] = LogDescription.En,
                ["fetchTask"] = true,
                ["context"] = new JsonArray([.. LogContexts.Select(c => (JsonNode)c)]),
            }),
        ["messageHandlers"] = new JsonArray(new JsonObject
        {
            ["type"] = "link",
            ["value"] = new JsonObject { ["domains"] = new JsonArray(s.BaseUrl.Host) },
        }),
    });

    /// <summary>The Chinese texts of the commands, keyed as the localization file's schema names them.</summary>
    public static void AddChinese(JsonObject zh)
    {
        const string search = "composeExtensions[0].commands[0]";
        const string log = "composeExtensions[0].commands[1]";
        zh[$"{search}.title"] = SearchTitle.Zh;
        zh[$"{search}.description"] = SearchDescription.Zh;
        zh[$"{search}.parameters[0].title"] = SearchParameterTitle.Zh;
        zh[$"{search}.parameters[0].description"] = SearchParameterDescription.Zh;
        zh[$"{log}.title"] = LogTitle.Zh;
        zh[$"{log}.description"] = LogDescription.Zh;
    }
}

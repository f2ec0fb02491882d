using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Domain.Texts;

namespace Collaboration.Manifest;

/// <summary>
/// The unified Microsoft 365 app manifest: the Teams bot, the pipeline dashboard as a personal tab (Teams single sign-on
/// through <c>webApplicationInfo</c>) and the Outlook read-mail task pane in one package, with Chinese strings in a localization file. No activities/activityTypes: the app sends no Graph activity-feed notifications yet.
/// </summary>
public static class TeamsManifest
{
    /// <summary>The newest schema @microsoft/app-manifest 1.1.2 ships (and office-addin-manifest validates offline).</summary>
    public const string ManifestVersion = "1.30";
    public const string SchemaUrl = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.schema.json";
    public const string LocalizationSchemaUrl = $"https://developer.microsoft.com/json-schemas/teams/v{ManifestVersion}/MicrosoftTeams.Localization.schema.json";
    public const string ChineseLanguageTag = "zh-cn";
    public const string ChineseFile = "zh-cn.json";
    public const string RuntimeId = "TaskPaneRuntime";
    public const string ActionId = "OpenCrmPane";

    /// <summary>Teams' reserved entity id that keeps the bot's chat as a tab once the app declares tabs of its own.</summary>
    public const string ConversationsTabId = "conversations";
    public const string DashboardTabId = "dashboard";
    public const string SettingsTabId = "settings";

    public static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The commands the manifest lists: exactly what the bot's help card lists.</summary>
    public static IReadOnlyList<CommandInfo> Commands => CommandCatalog.Listed;

    public static JsonObject Build(AppSettings s)
    {
        var icons = new JsonArray(RibbonIconSizes.Select(size => (JsonNode)new JsonObject { ["size"] = size, ["url"] = s.Asset(Icons.Asset(size).FileName).ToString() }).ToArray());
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = s.Version,
            ["id"] = s.AppId.ToString(),
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = "en",
                ["additionalLanguages"] = new JsonArray(new JsonObject { ["languageTag"] = ChineseLanguageTag, ["file"] = ChineseFile }),
            },
            ["developer"] = new JsonObject
            {
                ["name"] = s.DeveloperName,
                ["websiteUrl"] = s.SupportUrl.ToString(),
                ["privacyUrl"] = s.PrivacyUrl.ToString(),
                ["termsOfUseUrl"] = s.TermsUrl.ToString(),
            },
            ["name"] = new JsonObject { ["short"] = s.ShortName.En, ["full"] = s.FullName.En },
            ["description"] = new JsonObject { ["short"] = AppTexts.ShortDescription.En, ["full"] = AppTexts.FullDescription.En },
            ["icons"] = new JsonObject { ["color"] = Icons.Color.FileName, ["outline"] = Icons.Outline.FileName },
            ["accentColor"] = s.AccentColor,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = s.BotId.ToString(),
                ["scopes"] = new JsonArray(BotScopes.Select(x => (JsonNode)x).ToArray()),
                ["isNotificationOnly"] = false,
                ["supportsFiles"] = false,
                ["commandLists"] = new JsonArray(new JsonObject
                {
                    ["scopes"] = new JsonArray(BotScopes.Select(x => (JsonNode)x).ToArray()),
                    ["commands"] = new JsonArray(Commands.Select(c => (JsonNode)new JsonObject
                    {
                        ["title"] = c.Title,
                        ["description"] = CommandDescription(c.Description, c.Example),
                    }).ToArray()),
                }),
            }),
            ["composeExtensions"] = MessageExtensionManifest.Build(s),
            ["staticTabs"] = new JsonArray(
                new JsonObject { ["entityId"] = ConversationsTabId, ["scopes"] = new JsonArray("personal") },
                new JsonObject
                {
                    ["entityId"] = DashboardTabId,
                    ["name"] = AppTexts.DashboardTab.En,
                    ["contentUrl"] = s.DashboardUrl.ToString(),
                    ["websiteUrl"] = s.DashboardUrl.ToString(),
                    ["scopes"] = new JsonArray("personal"),
                },
                // Admins only: the page tells anyone else so (the API answers them 403); Teams has no per-role tabs.
                new JsonObject
                {
                    ["entityId"] = SettingsTabId,
                    ["name"] = AppTexts.SettingsTab.En,
                    ["contentUrl"] = s.SettingsUrl.ToString(),
                    ["websiteUrl"] = s.SettingsUrl.ToString(),
                    ["scopes"] = new JsonArray("personal"),
                }),
            ["validDomains"] = new JsonArray(s.Domain),
            ["webApplicationInfo"] = new JsonObject { ["id"] = s.AppId.ToString(), ["resource"] = s.Resource },
            ["authorization"] = new JsonObject
            {
                ["permissions"] = new JsonObject
                {
                    // ReadWrite: compose mode inserts the deal summary and stamps "log when sent" on the draft.
                    ["resourceSpecific"] = new JsonArray(new JsonObject { ["name"] = "MailboxItem.ReadWrite.User", ["type"] = "Delegated" }),
                },
            },
            ["extensions"] = new JsonArray(new JsonObject
            {
                ["requirements"] = MailRequirements(scopes: true),
                ["runtimes"] = new JsonArray(new JsonObject
                {
                    ["requirements"] = MailRequirements(scopes: false),
                    ["id"] = RuntimeId,
                    ["type"] = "general",
                    ["code"] = new JsonObject { ["page"] = s.TaskpaneUrl.ToString() },
                    ["lifetime"] = "short",
                    ["actions"] = new JsonArray(new JsonObject
                    {
                        ["id"] = ActionId,
                        ["type"] = "openPage",
                        ["displayName"] = AppTexts.ActionName.En,
                        ["view"] = "dashboard",
                        ["pinnable"] = true,
                    }),
                }),
                ["ribbons"] = new JsonArray(new JsonObject
                {
                    ["contexts"] = new JsonArray("mailRead", "mailCompose", "meetingDetailsOrganizer", "meetingDetailsAttendee"),
                    ["tabs"] = new JsonArray(new JsonObject
                    {
                        ["builtInTabId"] = "TabDefault",
                        ["groups"] = new JsonArray(new JsonObject
                        {
                            ["id"] = "CrmReadGroup",
                            ["label"] = AppTexts.GroupLabel.En,
                            ["icons"] = icons.DeepClone(),
                            ["controls"] = new JsonArray(new JsonObject
                            {
                                ["id"] = "CrmOpenPaneButton",
                                ["type"] = "button",
                                ["label"] = AppTexts.ButtonLabel.En,
                                ["icons"] = icons.DeepClone(),
                                ["supertip"] = new JsonObject { ["title"] = AppTexts.ButtonTitle.En, ["description"] = AppTexts.ButtonDescription.En },
                                ["actionId"] = ActionId,
                            }),
                        }),
                    }),
                }),
            }),
        };
    }

    /// <summary>The Simplified Chinese strings, keyed by the manifest path they replace.</summary>
    public static JsonObject BuildChinese(AppSettings s)
    {
        var zh = new JsonObject
        {
            ["$schema"] = LocalizationSchemaUrl,
            ["name.short"] = s.ShortName.Zh,
            ["name.full"] = s.FullName.Zh,
            ["description.short"] = AppTexts.ShortDescription.Zh,
            ["description.full"] = AppTexts.FullDescription.Zh,
        };
        for (var i = 0; i < Commands.Count; i++)
        {
            zh[$"bots[0].commandLists[0].commands[{i}].title"] = Commands[i].TitleZh;
            zh[$"bots[0].commandLists[0].commands[{i}].description"] = CommandDescription(Commands[i].DescriptionZh, Commands[i].ExampleZh);
        }

        zh["staticTabs[1].name"] = AppTexts.DashboardTab.Zh;
        zh["staticTabs[2].name"] = AppTexts.SettingsTab.Zh;

        const string group = "extensions[0].ribbons[0].tabs[0].groups[0]";
        zh[$"extensions[0].runtimes[0].actions[0].displayName"] = AppTexts.ActionName.Zh;
        zh[$"{group}.label"] = AppTexts.GroupLabel.Zh;
        zh[$"{group}.controls[0].label"] = AppTexts.ButtonLabel.Zh;
        zh[$"{group}.controls[0].supertip.title"] = AppTexts.ButtonTitle.Zh;
        zh[$"{group}.controls[0].supertip.description"] = AppTexts.ButtonDescription.Zh;
        MessageExtensionManifest.AddChinese(zh);
        return zh;
    }

    /// <summary>The help card shows the example next to the description; Teams' command menu shows one line, so both go in it.</summary>
    public static string CommandDescription(string description, string example) => $"{description} — {example}";

    /// <summary>Ribbon icon sizes: 16, 32 and 80 are the ones Outlook asks for; 64 for high-DPI menus.</summary>
    public static readonly int[] RibbonIconSizes = [16, 32, 64, 80];

    private static JsonObject MailRequirements(bool scopes)
    {
        var requirements = new JsonObject();
        if (scopes) requirements["scopes"] = new JsonArray("mail");
        requirements["capabilities"] = new JsonArray(new JsonObject { ["name"] = "Mailbox", ["minVersion"] = "1.3" });
        return requirements;
    }
}

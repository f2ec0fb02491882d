using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collaboration.Testing.Node;

namespace Collaboration.Manifest.Tests;

public sealed class JsonManifestTests : IDisposable
{
    private readonly GeneratedPackage _package = new();

    public void Dispose() => _package.Dispose();

    private JsonObject Manifest => JsonNode.Parse(File.ReadAllText(_package.Files.ManifestJson))!.AsObject();

    private JsonObject Chinese => JsonNode.Parse(File.ReadAllText(_package.Files.ChineseJson))!.AsObject();

    [Fact]
    public async Task TheUnifiedManifestValidatesOfflineWithOfficeAddinManifest()
    {
        var (exitCode, output) = await OfficeAddinManifest.ValidateAsync(_package.Files.ManifestJson);

        Assert.True(exitCode == 0, $"office-addin-manifest validate exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("Error", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not valid", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheValidatorReallyChecksABrokenManifestFails()
    {
        var broken = Manifest;
        broken["extensions"]![0]!["runtimes"]![0]!["code"]!["page"] = "http://crm.contoso.com/taskpane.html"; // must be https
        broken["name"]!["short"] = new string('x', 31); // at most 30
        var path = Path.Combine(_package.Folder, "broken.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());

        var (exitCode, output) = await OfficeAddinManifest.ValidateAsync(path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/name/short", output);
        Assert.Contains("/extensions/0/runtimes/0/code/page", output);
    }

    [Fact]
    public void ItUsesTheNewestSchemaThePinnedValidatorShips()
    {
        var shipped = Directory.GetDirectories(Path.Combine(NodeTools.NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams"), "v1.*")
            .Select(d => Version.Parse(Path.GetFileName(d)[1..]))
            .Max()!;

        Assert.Equal(shipped.ToString(), Manifest["manifestVersion"]!.GetValue<string>());
        Assert.True(shipped >= new Version(1, 24));
        Assert.Equal(TeamsManifest.SchemaUrl, Manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void TheBotIsInEveryScopeAndTheTaskPaneOpensOnReadMail()
    {
        var m = Manifest;
        var bot = m["bots"]![0]!;
        Assert.Equal(GeneratedPackage.BotId.ToString(), bot["botId"]!.GetValue<string>());
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["personal", "team", "groupChat"], bot["commandLists"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        var extension = m["extensions"]![0]!;
        Assert.Equal("mail", extension["requirements"]!["scopes"]![0]!.GetValue<string>());
        Assert.Equal("Mailbox", extension["requirements"]!["capabilities"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("1.3", extension["requirements"]!["capabilities"]![0]!["minVersion"]!.GetValue<string>());
        var runtime = extension["runtimes"]![0]!;
        Assert.Equal("https://crm.contoso.com/taskpane.html", runtime["code"]!["page"]!.GetValue<string>());
        var action = runtime["actions"]![0]!;
        Assert.Equal("openPage", action["type"]!.GetValue<string>());
        Assert.True(action["pinnable"]!.GetValue<bool>());
        var ribbon = extension["ribbons"]![0]!;
        Assert.Equal("mailRead", ribbon["contexts"]![0]!.GetValue<string>());
        var button = ribbon["tabs"]![0]!["groups"]![0]!["controls"]![0]!;
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal(action["id"]!.GetValue<string>(), button["actionId"]!.GetValue<string>());

        var permission = m["authorization"]!["permissions"]!["resourceSpecific"]![0]!;
        Assert.Equal("MailboxItem.ReadWrite.User", permission["name"]!.GetValue<string>());
        Assert.Equal("Delegated", permission["type"]!.GetValue<string>());
        Assert.Equal(GeneratedPackage.AppId.ToString(), m["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://crm.contoso.com/{GeneratedPackage.AppId}", m["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal(["crm.contoso.com"], m["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("1.4.2", m["version"]!.GetValue<string>());
        Assert.Null(m["activities"]); // no Graph activity-feed notifications yet
    }

    [Fact]
    public void TheDashboardAndSettingsArePersonalTabsOnTheHostOfTheSsoResourceAndTheBotKeepsItsChat()
    {
        var m = Manifest;
        var tabs = m["staticTabs"]!.AsArray();

        Assert.Equal([TeamsManifest.ConversationsTabId, TeamsManifest.DashboardTabId, TeamsManifest.SettingsTabId], tabs.Select(t => t!["entityId"]!.GetValue<string>()));
        Assert.All(tabs, t => Assert.Equal(["personal"], t!["scopes"]!.AsArray().Select(s => s!.GetValue<string>())));
        var dashboard = tabs[1]!;
        Assert.Equal("Dashboard", dashboard["name"]!.GetValue<string>());
        Assert.Equal("https://crm.contoso.com/dashboard", dashboard["contentUrl"]!.GetValue<string>());
        Assert.Equal("https://crm.contoso.com/dashboard", dashboard["websiteUrl"]!.GetValue<string>());
        Assert.Equal("仪表板", Chinese["staticTabs[1].name"]!.GetValue<string>());
        var settings = tabs[2]!;
        Assert.Equal("Settings", settings["name"]!.GetValue<string>());
        Assert.Equal("https://crm.contoso.com/settings", settings["contentUrl"]!.GetValue<string>());
        Assert.Equal("https://crm.contoso.com/settings", settings["websiteUrl"]!.GetValue<string>());
        Assert.Equal("设置", Chinese["staticTabs[2].name"]!.GetValue<string>());
        Assert.Equal(new Uri(settings["contentUrl"]!.GetValue<string>()).Authority, new Uri(dashboard["contentUrl"]!.GetValue<string>()).Authority);

        // Teams gives the tab an SSO token only when the resource's host is the tab's host, and a domain Teams may load.
        var resource = new Uri(m["webApplicationInfo"]!["resource"]!.GetValue<string>());
        var content = new Uri(dashboard["contentUrl"]!.GetValue<string>());
        Assert.Equal(content.Authority, resource.Authority);
        Assert.Equal($"/{GeneratedPackage.AppId}", resource.AbsolutePath);
        Assert.Contains(content.Authority, m["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void TheChineseLocalizationFileIsDeclaredAndEveryKeyIsOneTheLocalizationSchemaAllows()
    {
        var info = Manifest["localizationInfo"]!;
        Assert.Equal("en", info["defaultLanguageTag"]!.GetValue<string>());
        Assert.Equal("zh-cn", info["additionalLanguages"]![0]!["languageTag"]!.GetValue<string>());
        Assert.Equal("zh-cn.json", info["additionalLanguages"]![0]!["file"]!.GetValue<string>());

        // The official validator ignores localization files and ajv cannot compile this schema's patterns (\b inside them),
        // so check the keys against the shipped schema here.
        var schemaPath = Path.Combine(NodeTools.NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams",
            $"v{TeamsManifest.ManifestVersion}", "MicrosoftTeams.Localization.schema.json");
        var schema = JsonNode.Parse(File.ReadAllText(schemaPath))!.AsObject();
        var properties = schema["properties"]!.AsObject();
        var patterns = schema["patternProperties"]!.AsObject().Select(p => new Regex(p.Key)).ToList();
        var zh = Chinese;
        Assert.Equal(TeamsManifest.LocalizationSchemaUrl, zh["$schema"]!.GetValue<string>());
        foreach (var required in schema["required"]!.AsArray()) Assert.True(zh.ContainsKey(required!.GetValue<string>()), $"missing {required}");
        foreach (var (key, value) in zh)
        {
            Assert.True(properties.ContainsKey(key) || patterns.Any(p => p.IsMatch(key)), $"'{key}' is not a localizable key in the v{TeamsManifest.ManifestVersion} schema");
            if (properties[key]?["maxLength"] is { } max) Assert.InRange(value!.GetValue<string>().Length, 1, max.GetValue<int>());
        }

        // Every localized path exists in the manifest, and the localized texts are really Chinese.
        var m = Manifest;
        foreach (var (key, value) in zh.Where(p => p.Key != "$schema"))
        {
            Assert.NotNull(Resolve(m, key));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", value!.GetValue<string>());
        }
    }

    private static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (Match part in Regex.Matches(path, @"([^.\[\]]+)|\[(\d+)\]"))
        {
            node = part.Groups[2].Success ? node?.AsArray().ElementAtOrDefault(int.Parse(part.Groups[2].Value)) : node?[part.Groups[1].Value];
        }

        return node;
    }
}

using System.Text.Json.Nodes;

namespace Collaboration.Manifest.Tests;

/// <summary>The message extension in the unified manifest: the bot's id, the two commands the bot answers, and the deal-link domain.</summary>
public sealed class MessageExtensionManifestTests : IDisposable
{
    private readonly GeneratedPackage _package = new("https://crm.contoso.com:8443/crm/");

    public void Dispose() => _package.Dispose();

    private JsonObject Manifest => JsonNode.Parse(File.ReadAllText(_package.Files.ManifestJson))!.AsObject();

    private JsonObject Chinese => JsonNode.Parse(File.ReadAllText(_package.Files.ChineseJson))!.AsObject();

    [Fact]
    public void TheBotAnswersTheSearchCommandTheMessageActionAndDealLinksOfTheAddinsHost()
    {
        var extension = Assert.Single(Manifest["composeExtensions"]!.AsArray())!;

        Assert.Equal(GeneratedPackage.BotId.ToString(), extension["botId"]!.GetValue<string>());
        Assert.Equal(Manifest["bots"]![0]!["botId"]!.GetValue<string>(), extension["botId"]!.GetValue<string>());
        var commands = extension["commands"]!.AsArray();
        var search = commands[0]!;
        Assert.Equal(("searchDeals", "query", "Deals"), (search["id"]!.GetValue<string>(), search["type"]!.GetValue<string>(), search["title"]!.GetValue<string>()));
        Assert.True(search["initialRun"]!.GetValue<bool>(), "an empty search lists the rep's recent deals");
        Assert.Equal(["compose", "commandBox"], search["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Single(search["parameters"]!.AsArray());
        var log = commands[1]!;
        Assert.Equal(("logToDeal", "action", "Log to deal"), (log["id"]!.GetValue<string>(), log["type"]!.GetValue<string>(), log["title"]!.GetValue<string>()));
        Assert.True(log["fetchTask"]!.GetValue<bool>(), "the bot draws the form");
        Assert.Equal(["message"], log["context"]!.AsArray().Select(c => c!.GetValue<string>()));
        var handler = Assert.Single(extension["messageHandlers"]!.AsArray())!;
        Assert.Equal("link", handler["type"]!.GetValue<string>());
        Assert.Equal(["crm.contoso.com"], handler["value"]!["domains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void TheCommandsReadInChineseFromTheCatalog()
    {
        var zh = Chinese;

        Assert.Equal("商机", zh["composeExtensions[0].commands[0].title"]!.GetValue<string>());
        Assert.Equal("记录到商机", zh["composeExtensions[0].commands[1].title"]!.GetValue<string>());
        Assert.Equal("商机名称", zh["composeExtensions[0].commands[0].parameters[0].title"]!.GetValue<string>());
        Assert.True(zh.ContainsKey("composeExtensions[0].commands[1].description"));
    }

    [Fact]
    public async Task TheManifestWithTheExtensionValidatesAgainstItsSchemaAndABrokenExtensionDoesNot()
    {
        var (exitCode, output) = await OfficeAddinManifest.ValidateAsync(_package.Files.ManifestJson);
        Assert.True(exitCode == 0, $"office-addin-manifest validate exited with {exitCode}:\n{output}");

        var broken = Manifest;
        broken["composeExtensions"]![0]!["commands"]![0]!["title"] = new string('x', 33); // at most 32
        broken["composeExtensions"]![0]!["commands"]![1]!["description"] = new string('y', 129); // at most 128
        var path = Path.Combine(_package.Folder, "broken-extension.json");
        await File.WriteAllTextAsync(path, broken.ToJsonString());

        var (brokenExit, brokenOutput) = await OfficeAddinManifest.ValidateAsync(path);

        Assert.NotEqual(0, brokenExit);
        Assert.Contains("/composeExtensions/0/commands/0/title", brokenOutput);
        Assert.Contains("/composeExtensions/0/commands/1/description", brokenOutput);
    }
}

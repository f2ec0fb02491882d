using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Texts;
using Collaboration.Testing;

namespace Collaboration.Manifest.Tests;

/// <summary>The two manifests, the zip, the icons and the bot's help agree with each other.</summary>
public sealed class AgreementTests : IDisposable
{
    private readonly GeneratedPackage _package = new();

    public void Dispose() => _package.Dispose();

    private JsonObject Manifest => JsonNode.Parse(File.ReadAllText(_package.Files.ManifestJson))!.AsObject();

    [Fact]
    public void BothManifestsNameTheSameAppVersionTaskPaneAndSsoResource()
    {
        var json = Manifest;
        var xml = XDocument.Load(_package.Files.XmlManifest);
        var xmlTaskpane = xml.Descendants(XmlManifest.Bt + "Url").Where(u => (string?)u.Attribute("id") == "Taskpane.Url").Select(u => u.Attribute("DefaultValue")!.Value).Distinct().Single();

        Assert.Equal(json["id"]!.GetValue<string>(), xml.Root!.Element(XmlManifest.App + "Id")!.Value);
        Assert.Equal(json["version"]!.GetValue<string>() + ".0", xml.Root!.Element(XmlManifest.App + "Version")!.Value);
        Assert.Equal(json["extensions"]![0]!["runtimes"]![0]!["code"]!["page"]!.GetValue<string>(), xmlTaskpane);
        Assert.All(xml.Root!.Descendants(XmlManifest.App + "SourceLocation"), s => Assert.Equal(xmlTaskpane, s.Attribute("DefaultValue")!.Value));
        Assert.Equal(json["webApplicationInfo"]!["resource"]!.GetValue<string>(), xml.Descendants(XmlManifest.Mailor11 + "Resource").Single().Value);
        Assert.Equal(json["developer"]!["websiteUrl"]!.GetValue<string>(), xml.Root!.Element(XmlManifest.App + "SupportUrl")!.Attribute("DefaultValue")!.Value);
        Assert.Equal(json["developer"]!["name"]!.GetValue<string>(), xml.Root!.Element(XmlManifest.App + "ProviderName")!.Value);
    }

    [Fact]
    public async Task TheBackendToldTheManifestsSsoResourceAcceptsTheTokensTeamsGetsForTheDashboardTab()
    {
        const string tenant = "0d5c1e3a-7b2f-4c8d-9e1a-2b3c4d5e6f70";
        const string teamsClient = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";
        var sso = Manifest["webApplicationInfo"]!;
        var (appId, resource) = (sso["id"]!.GetValue<string>(), sso["resource"]!.GetValue<string>());
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var backend = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = issuer.BaseUrl + "/",
            ["AzureAd:TenantId"] = tenant,
            ["AzureAd:ClientId"] = appId,
            ["AzureAd:Audience"] = resource,
        });

        async Task<HttpStatusCode> ReportsWith(string audience, bool v1)
        {
            var token = issuer.CreateToken(audience, serviceUrl: "", DateTimeOffset.UtcNow,
                issuer: v1 ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0",
                keyId: LocalOpenIdIssuer.UnendorsedKeyId,
                extraClaims: new Dictionary<string, object>
                {
                    ["tid"] = tenant,
                    ["oid"] = "rep-in-teams",
                    ["scp"] = "access_as_user",
                    ["name"] = "Rep in Teams",
                    ["ver"] = v1 ? "1.0" : "2.0",
                    [v1 ? "appid" : "azp"] = teamsClient,
                });
            using var client = new HttpClient { BaseAddress = backend.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.GetAsync("/api/reports");
            return response.StatusCode;
        }

        // v2 tokens (the registration the README asks for) name the client id; v1 tokens name the resource itself.
        Assert.Equal(HttpStatusCode.OK, await ReportsWith(appId, v1: false));
        Assert.Equal(HttpStatusCode.OK, await ReportsWith(resource, v1: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReportsWith(resource.Replace("crm.contoso.com", "crm.fabrikam.com", StringComparison.Ordinal), v1: true));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReportsWith(GeneratedPackage.BotId.ToString(), v1: false));
    }

    [Fact]
    public void TheManifestListsExactlyTheCommandsTheHelpCardShowsInBothLanguages()
    {
        var commands = Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        var zh = JsonNode.Parse(File.ReadAllText(_package.Files.ChineseJson))!.AsObject();
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var helpEn = HelpFacts(DealCards.Help(new CardContext("en-US", at)));
        var helpZh = HelpFacts(DealCards.Help(new CardContext("zh-Hans", at)));

        Assert.InRange(commands.Count, 1, CommandCatalog.MaxListed);
        Assert.Equal(helpEn.Count, commands.Count);
        Assert.Equal(CommandCatalog.Listed.Select(c => c.Title), commands.Select(c => c!["title"]!.GetValue<string>()));
        for (var i = 0; i < commands.Count; i++)
        {
            Assert.StartsWith(helpEn[i].Description + " — ", commands[i]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith(helpZh[i].Description + " — ", zh[$"bots[0].commandLists[0].commands[{i}].description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(CommandCatalog.Listed[i].TitleZh, zh[$"bots[0].commandLists[0].commands[{i}].title"]!.GetValue<string>());
        }

        // The unlisted shortcut is still taught through the entry that covers it, with its words ('subscribe …') or alone ('my team').
        Assert.All(CommandCatalog.Commands.Where(c => !c.Listed), c => Assert.Contains(commands, m =>
            m!["description"]!.GetValue<string>().Contains($"'{c.Title} ", StringComparison.Ordinal) || m["description"]!.GetValue<string>().Contains($"'{c.Title}'", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheZipHoldsTheManifestItsLocalizationAndTheTwoIconsAtItsRoot()
    {
        using var zip = ZipFile.OpenRead(_package.Files.Zip);

        Assert.Equal(
            ["color.png", "manifest.json", "outline.png", "zh-cn.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
        Assert.Equal(Manifest.ToJsonString(), manifest.ToJsonString());
        Assert.NotNull(zip.GetEntry(manifest["icons"]!["color"]!.GetValue<string>()));
        Assert.NotNull(zip.GetEntry(manifest["icons"]!["outline"]!.GetValue<string>()));
        Assert.NotNull(zip.GetEntry(manifest["localizationInfo"]!["additionalLanguages"]![0]!["file"]!.GetValue<string>()));
        using var color = new MemoryStream();
        zip.GetEntry("color.png")!.Open().CopyTo(color);
        Assert.Equal((192, 192), Png.ReadSize(color.ToArray()));
    }

    [Fact]
    public void TheTeamsIconsHaveTheRequiredSizesAndTheOutlineIsWhiteOnTransparent()
    {
        Assert.Equal((192, 192), Png.ReadSize(File.ReadAllBytes(_package.Files.ColorIcon)));
        var (width, height, rgba) = Png.Decode(File.ReadAllBytes(_package.Files.OutlineIcon));
        Assert.Equal((32, 32), (width, height));

        var alphas = Enumerable.Range(0, width * height).Select(i => rgba[i * 4 + 3]).ToList();
        Assert.Contains((byte)0, alphas);
        Assert.Contains(alphas, a => a == 255);
        for (var i = 0; i < width * height; i++)
        {
            if (rgba[i * 4 + 3] == 0) continue;
            Assert.Equal((255, 255, 255), (rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]));
        }
    }

    [Fact]
    public void TheServedIconsAreTheCommittedFilesAtTheirExactSizes()
    {
        var folder = Path.Combine(Testing.Node.NodeTools.RepositoryRoot, "addin", "Collaboration.Addin", "wwwroot", "assets");
        foreach (var icon in Icons.Assets)
        {
            var committed = File.ReadAllBytes(Path.Combine(folder, icon.FileName));
            Assert.Equal((icon.Size, icon.Size), Png.ReadSize(committed));
            // Same pixels as the generator draws now (compare decoded pixels: compressed bytes may differ between zlib builds).
            Assert.Equal(Png.Decode(Icons.Draw(icon)).Rgba, Png.Decode(committed).Rgba);
        }
    }

    private static List<(string Example, string Description)> HelpFacts(JsonObject card) =>
        card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()
            .Select(f => (f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>())).ToList();
}

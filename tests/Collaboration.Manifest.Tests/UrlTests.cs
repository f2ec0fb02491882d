using System.Text.Json.Nodes;
using System.Xml.Linq;
using Collaboration.Testing;

namespace Collaboration.Manifest.Tests;

/// <summary>Every URL either manifest names is served by the real add-in backend.</summary>
public sealed class UrlTests
{
    [Fact]
    public async Task EveryUrlInBothManifestsAnswers200FromTheAddInBackend()
    {
        await using var backend = await AddinHost.StartAsync();
        using var package = new GeneratedPackage(backend.BaseAddress.ToString());
        var urls = JsonUrls(JsonNode.Parse(File.ReadAllText(package.Files.ManifestJson))!)
            .Concat(JsonUrls(JsonNode.Parse(File.ReadAllText(package.Files.ChineseJson))!))
            .Concat(XmlUrls(XDocument.Load(package.Files.XmlManifest)))
            .Distinct()
            .ToList();

        // The task pane, the support/privacy/terms pages and every icon at least.
        Assert.True(urls.Count >= 9, string.Join("\n", urls));
        Assert.Contains(package.Settings.TaskpaneUrl.ToString(), urls);
        using var client = new HttpClient();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            Assert.StartsWith(package.Settings.BaseUrl.ToString(), url, StringComparison.Ordinal);
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode != 200) failures.Add($"{url} → {(int)response.StatusCode}");
            else if (url.EndsWith(".png", StringComparison.Ordinal)) Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            else if (url.EndsWith(".html", StringComparison.Ordinal)) Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<string> JsonUrls(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Key != "$schema").SelectMany(p => p.Value is null ? [] : JsonUrls(p.Value)),
        JsonArray a => a.SelectMany(v => v is null ? [] : JsonUrls(v)),
        JsonValue v when v.TryGetValue<string>(out var s) && IsHttp(s) => [s],
        _ => [],
    };

    private static IEnumerable<string> XmlUrls(XDocument document) =>
        document.Descendants().SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value).Append(e.HasElements ? "" : e.Value))
            .Where(IsHttp)
            // AppDomain is an origin, not a page.
            .Except(document.Descendants(XmlManifest.App + "AppDomain").Select(d => d.Value));

    private static bool IsHttp(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}

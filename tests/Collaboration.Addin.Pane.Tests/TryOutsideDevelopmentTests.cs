using System.Net;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The sample inbox and the Office.js stand-in are a developer's tools: outside Development they do not exist.</summary>
public sealed class TryOutsideDevelopmentTests
{
    [Fact]
    public async Task TheSampleInboxAndItsLinksAreNotServedOutsideDevelopment()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var settings = issuer.AzureAdSettings();
        settings["Playground:Url"] = "http://localhost:56150";
        await using var host = await AddinHost.StartAsync(settings: settings, environment: "Staging");
        using var client = host.Client();

        foreach (var path in new[] { "/try", "/try/pane", "/try/inbox.json", "/try/inbox.html", "/try/office-stub.js" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }

        var landing = await client.GetStringAsync("/");
        Assert.Contains("/dashboard", landing);
        Assert.DoesNotContain("/try", landing);
        Assert.DoesNotContain("56150", landing);
    }
}

using System.Net;
using Collaboration.Addin.TaskPane;

namespace Collaboration.Addin.Tests;

public class ResponseHardeningTests
{
    /// <summary>An Entra app on Entra's own https instance: nothing is fetched until a token arrives.</summary>
    private static readonly Dictionary<string, string?> EntraApp = new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "organizations",
        ["AzureAd:ClientId"] = LocalOpenIdIssuer.ClientId,
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task TheOpenApiMapOfTheApiIsNotServedOutsideDevelopment(string environment)
    {
        await using var host = await AddinHost.StartAsync(settings: EntraApp, environment: environment);

        var response = await host.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("/api/opportunities", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/opportunities?mine=true", true)]
    [InlineData("/api/opportunities?mine=true", false)]
    [InlineData("/api/opportunities/00000000-0000-0000-0000-000000000001", true)]
    [InlineData("/api/config", false)]
    [InlineData("/api/no-such-endpoint", true)]
    [InlineData("/health", false)]
    public async Task EveryApiResponseForbidsContentSniffing(string path, bool signedIn)
    {
        await using var host = await AddinHost.StartAsync();
        var client = signedIn ? host.RepClient() : host.Client();
        if (!signedIn) client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task AMalformedJsonBodyIs400InDevelopmentToo()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.RepClient().PostAsync("/api/opportunities/from-email",
            new StringContent("{\"from\": {", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task TheTaskPaneMayBeFramedOnlyByOutlookAndOfficeHosts()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.Client().GetAsync("/taskpane.html");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(TaskPaneHosting.ContentSecurityPolicy, policy);
        var ancestors = policy.Split("; ").Single(d => d.StartsWith("frame-ancestors ", StringComparison.Ordinal)).Split(' ').Skip(1).ToList();
        Assert.Equal(["'self'", "https://*.office.com", "https://*.office365.com", "https://*.cloud.microsoft", "https://*.microsoft365.com"], ancestors);
        Assert.DoesNotContain("https://*.microsoft.com", ancestors);
        Assert.DoesNotContain("https://*.outlook.com", ancestors);
    }
}

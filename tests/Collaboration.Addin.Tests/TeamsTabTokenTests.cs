using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Collaboration.Addin.Auth;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests;

/// <summary>
/// The dashboard as a Teams tab calls the reports API with the token Teams single sign-on gets for the app manifest's
/// <c>webApplicationInfo.resource</c>, <c>api://{host}/{client id}</c>: a v2 token (the registration the README asks for)
/// names the client id as its audience, a v1 token names that URI. The tenant and the rep come from its tid and oid.
/// </summary>
public class TeamsTabTokenTests
{
    /// <summary>What the manifest generator writes for --base-url https://crm.contoso.com and this client id.</summary>
    private static readonly string ManifestResource = $"api://crm.contoso.com/{LocalOpenIdIssuer.ClientId}";

    private const string Rep = "teams-rep-1";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string Period = string.Create(CultureInfo.InvariantCulture, $"from={Today.AddDays(-30):yyyy-MM-dd}&to={Today.AddDays(60):yyyy-MM-dd}");

    private static async Task<AddinHost> StartAsync(LocalOpenIdIssuer issuer, string? audience)
    {
        var settings = issuer.AzureAdSettings();
        settings["AzureAd:Audience"] = audience;
        var host = await AddinHost.StartAsync(settings: settings);
        var actor = new Actor(LocalOpenIdIssuer.TenantId, Rep, ChangeSurface.Outlook);
        await host.Services.GetRequiredService<UserDirectory>().EnsureAsync(
            new UserProfile(actor.TenantId, Rep, "Megan Bowen", "megan@buyer-tenant.example", "en-US", "UTC"));
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(actor,
            new CaptureRequest("Teams tab deal") { Amount = 42_000m, CloseDate = Today.AddDays(10) });
        return host;
    }

    private static async Task<HttpResponseMessage> ForecastAsync(AddinHost host, string token)
    {
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync($"/api/reports/forecast?{Period}&groupBy=owner");
    }

    private static async Task AssertTheRepsForecastAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single((await response.ReadJsonAsync()).GetProperty("rows").EnumerateArray());
        Assert.Equal((Rep, 42_000m), (row.GetProperty("ownerId").GetString(), row.GetProperty("amount").GetDecimal()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AV2TeamsTokenForTheManifestsResourceReadsTheRepsReports(bool audienceIsTheManifestsResource)
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await StartAsync(issuer, audienceIsTheManifestsResource ? ManifestResource : null);

        var response = await ForecastAsync(host, issuer.Token(objectId: Rep, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId));

        await AssertTheRepsForecastAsync(response);
    }

    [Fact]
    public async Task AV1TeamsTokenNamingTheManifestsResourceIsAcceptedOnceTheBackendIsToldThatUri()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var configured = await StartAsync(issuer, ManifestResource);
        await using var unconfigured = await StartAsync(issuer, null);
        var token = issuer.Token(objectId: Rep, audience: ManifestResource, client: LocalOpenIdIssuer.TeamsClientId, v1: true);

        await AssertTheRepsForecastAsync(await ForecastAsync(configured, token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(unconfigured, token)).StatusCode);
    }

    [Fact]
    public async Task TheTenantAndTheRepComeFromTheTeamsToken()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await StartAsync(issuer, ManifestResource);
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            issuer.Token(objectId: Rep, audience: LocalOpenIdIssuer.ClientId, client: LocalOpenIdIssuer.TeamsClientId, name: "Megan Bowen"));
        // Development headers are ignored once Entra is configured: they cannot pick another rep.
        client.DefaultRequestHeaders.Add("X-Dev-User", "someone-else");

        var catalog = await client.GetAsync("/api/reports");

        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        var people = (await catalog.ReadJsonAsync()).GetProperty("people").EnumerateArray()
            .Select(p => (p.GetProperty("objectId").GetString(), p.GetProperty("displayName").GetString())).ToList();
        Assert.Equal([(Rep, "Megan Bowen")], people);
    }

    [Fact]
    public async Task TokensForAnotherAudienceOrWithoutTheScopeAreRefused()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await StartAsync(issuer, ManifestResource);
        var otherApp = Guid.NewGuid().ToString();
        string Token(string audience, bool v1 = false, string scope = "access_as_user") =>
            issuer.Token(objectId: Rep, audience: audience, client: LocalOpenIdIssuer.TeamsClientId, v1: v1, scope: scope);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(host, Token(otherApp))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(host, Token($"api://crm.contoso.com/{otherApp}", v1: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(host, Token($"api://crm.fabrikam.com/{LocalOpenIdIssuer.ClientId}", v1: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ForecastAsync(host, Token("https://graph.microsoft.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ForecastAsync(host, Token(LocalOpenIdIssuer.ClientId, scope: "User.Read"))).StatusCode);
    }

    [Fact]
    public void TheAcceptedAudiencesAreTheClientIdItsApiUriAndTheConfiguredApplicationIdUri()
    {
        static IReadOnlyList<string> For(string? clientId, string? audience) => AddinAuthentication.Audiences(
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureAd:ClientId"] = clientId, ["AzureAd:Audience"] = audience })
                .Build());
        const string id = LocalOpenIdIssuer.ClientId;

        Assert.Equal([id, $"api://{id}", ManifestResource], For(id, ManifestResource));
        Assert.Equal([id, $"api://{id}"], For(id, null));
        Assert.Equal([id, $"api://{id}"], For(id, $"api://{id}"));
        Assert.Empty(For(null, ManifestResource));
    }
}

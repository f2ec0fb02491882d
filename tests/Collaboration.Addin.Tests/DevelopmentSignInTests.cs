using System.Net;
using System.Net.Http.Headers;

namespace Collaboration.Addin.Tests;

/// <summary>Development sign-in exists only in the Development environment, on localhost, for direct callers.</summary>
public class DevelopmentSignInTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task AHostOutsideDevelopmentWithoutAnEntraAppRefusesToStartAndNamesTheMissingSettings(string environment)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AddinHost.StartAsync(environment: environment));

        var refusal = Innermost(error);
        Assert.IsType<InvalidOperationException>(refusal);
        Assert.Contains("AzureAd:ClientId", refusal.Message);
        Assert.Contains(environment, refusal.Message);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.example:3000")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("10.0.0.5")]
    public async Task DevelopmentSignInRefusesARequestForAForeignHostName(string host)
    {
        await using var addin = await AddinHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/opportunities?mine=true");
        request.Headers.Host = host;

        var response = await addin.RepClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\"items\"", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task DevelopmentSignInAnswersOnLoopbackNamesOnAnyPort(string name)
    {
        await using var addin = await AddinHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/opportunities?mine=true");
        request.Headers.Host = $"{name}:{addin.BaseAddress.Port}";

        var response = await addin.RepClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithAnEntraAppAForeignHostNameIsServed()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var addin = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/opportunities?mine=true");
        request.Headers.Host = "crm.contoso.com";
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token());

        var response = await addin.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APersonalMicrosoftAccountTokenIsRefused()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var addin = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        var client = addin.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            issuer.Token(objectId: "msa-user", tenantId: Collaboration.Addin.Auth.AddinAuthentication.PersonalAccountsTenantId));

        var response = await client.GetAsync("/api/opportunities?mine=true");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = addin.Db.Database.Open(Collaboration.Addin.Auth.AddinAuthentication.PersonalAccountsTenantId);
        Assert.Empty(db.Users.ToList());
    }

    /// <summary>The start-up refusal, however the test host wraps it.</summary>
    private static Exception Innermost(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && e.Message.Contains("AzureAd", StringComparison.Ordinal)) return e;
        }
        return error;
    }
}

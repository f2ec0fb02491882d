using System.Net;
using Collaboration.Bot.Protocol.Tests.Infrastructure;
using Collaboration.Testing;

namespace Collaboration.Bot.Protocol.Tests.Hosting;

public sealed class MessagesEndpointAuthenticationTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "99999999-8888-7777-6666-555555555555";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private LocalOpenIdIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task ValidBotConnectorTokenIsAcceptedAndTheHandlerRuns()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var call = Assert.Single(host.Handler.Calls);
        Assert.Equal("hello bot", call.Activity.Text);
        Assert.True(call.Turn.Identity.IsAuthenticated);
        Assert.Equal(TestActivities.ServiceUrl, call.Turn.Identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task TokenExpiredBeyondTheFiveMinuteClockSkewIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-6));

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task TokenExpiredWithinTheClockSkewIsAccepted()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(-4));

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenThatExpiresOnceTheClockMovesOnIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, expiresOffset: TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TestActivities.Message(), token)).StatusCode);

        host.Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(TestActivities.Message(), token)).StatusCode);
    }

    [Fact]
    public async Task TokenNotYetValidBeyondTheClockSkewIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, notBeforeOffset: TimeSpan.FromMinutes(6), expiresOffset: TimeSpan.FromHours(1));

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken("some-other-bot", TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://evil.example")]
    [InlineData("https://sts.windows.net/99999999-8888-7777-6666-555555555555/")]
    public async Task TokenFromAnUntrustedIssuerIsRejected(string issuer)
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, issuer: issuer);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAKeyMissingFromTheJwksIsRejectedAfterOneKeyRefresh()
    {
        await using var host = await StartMultiTenantAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TestActivities.Message(), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now))).StatusCode);
        var jwksRequestsBefore = Issuer.JwksRequests;
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, keyId: LocalOpenIdIssuer.UnlistedKeyId);

        var first = await host.PostAsync(TestActivities.Message(), token);
        var second = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(jwksRequestsBefore + 1, Issuer.JwksRequests);
    }

    [Fact]
    public async Task ATokenAcceptedBeforeIsRejectedOnceTheKeysFetchedAgainNoLongerListItsKey()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, expiresOffset: TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TestActivities.Message(), token)).StatusCode);

        Issuer.EndorsedKeyWithdrawn = true;
        try
        {
            host.Time.Advance(TimeSpan.FromHours(13));

            Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(TestActivities.Message(), token)).StatusCode);
        }
        finally
        {
            Issuer.EndorsedKeyWithdrawn = false;
        }
    }

    [Fact]
    public async Task ATokenAcceptedBeforeIsStillCheckedAgainstEachActivitysServiceUrlAndChannel()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TestActivities.Message(), token)).StatusCode);

        var otherService = await host.PostAsync(TestActivities.Message(serviceUrl: "https://smba.trafficmanager.net/amer/"), token);
        var otherChannel = await host.PostAsync(TestActivities.Message(channelId: "slack"), token);
        var again = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, otherService.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherChannel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task TokenWhoseServiceurlClaimDiffersFromTheActivityIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, "https://smba.trafficmanager.net/amer/", Now);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ServiceurlClaimMatchesRegardlessOfCaseAndTrailingSlash()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, "HTTPS://SMBA.trafficmanager.net/emea", Now);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutAServiceurlClaimIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, serviceUrl: "", Now);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedByAKeyNotEndorsedForTheChannelIsRejected()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now, keyId: LocalOpenIdIssuer.UnendorsedKeyId);

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task EndorsedKeyIsRejectedForAChannelItIsNotEndorsedFor()
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(channelId: "slack"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutAnAuthorizationHeaderIsRejected()
    {
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData(null)]
    public async Task TokenNotSentWithTheBearerSchemeIsRejected(string? scheme)
    {
        await using var host = await StartMultiTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(), token, scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GarbageBearerTokenIsRejected()
    {
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message(), "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DevelopmentModeAcceptsALoopbackRequestWithoutAToken()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>(), Now, environment: "Development");

        var response = await host.PostAsync(TestActivities.PlaygroundLines()[0]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Handler.Calls);
        Assert.False(call.Turn.Identity.IsAuthenticated);
    }

    [Theory]
    [InlineData("https://sts.windows.net/99999999-8888-7777-6666-555555555555/", AppId)]
    [InlineData("https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0", AppId)]
    [InlineData("https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0", "api://" + AppId)]
    [InlineData("https://sts.windows.net/99999999-8888-7777-6666-555555555555/", "api://botid-" + AppId)]
    public async Task SingleTenantBotAcceptsEntraTokensFromItsTenant(string issuer, string audience)
    {
        await using var host = await StartSingleTenantAsync();
        var token = Issuer.CreateToken(audience, TestActivities.ServiceUrl, Now, issuer: issuer, keyId: LocalOpenIdIssuer.UnendorsedKeyId,
            extraClaims: new Dictionary<string, object> { ["azp"] = AppId });

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SingleTenantBotRejectsEntraTokensFromAnotherTenant()
    {
        await using var host = await StartSingleTenantAsync();
        var token = Issuer.CreateToken(AppId, serviceUrl: "", Now, issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000001/");

        var response = await host.PostAsync(TestActivities.Message(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SingleTenantBotStillAcceptsBotConnectorTokens()
    {
        await using var host = await StartSingleTenantAsync();
        var token = Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SigningKeysAreFetchedAgainOnceTheyAreOlderThanTheRefreshInterval()
    {
        await using var host = await StartMultiTenantAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TestActivities.Message(), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now))).StatusCode);
        var before = Issuer.JwksRequests;

        host.Time.Advance(TimeSpan.FromHours(13));
        var later = host.Time.GetUtcNow();
        var response = await host.PostAsync(TestActivities.Message(), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, later));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Issuer.JwksRequests);
    }

    private Task<BotTestHost> StartMultiTenantAsync() =>
        BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["MicrosoftAppType"] = "MultiTenant",
                ["BotOpenIdMetadata"] = Issuer.BotMetadataUrl,
            },
            Now);

    private Task<BotTestHost> StartSingleTenantAsync() =>
        BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = TenantId,
                ["BotOpenIdMetadata"] = Issuer.BotMetadataUrl,
                ["EntraOpenIdMetadata"] = Issuer.EntraMetadataTemplate,
            },
            Now);
}

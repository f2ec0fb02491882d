using System.Net;
using Collaboration.Bot.Protocol.Tests.Infrastructure;
using Collaboration.Testing;

namespace Collaboration.Bot.Protocol.Tests.Hosting;

/// <summary>
/// Activities an attacker can forge with a real token (any app of the bot's tenant can get an Entra token for the bot's
/// app id) or a real Bot Connector token for another conversation: each is refused before the handler runs.
/// </summary>
public sealed class InboundAttackTests(IssuerFixture fixture) : IClassFixture<IssuerFixture>
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "99999999-8888-7777-6666-555555555555";
    private const string OtherAppOfTheTenant = "77777777-0000-0000-0000-000000000001";
    private const string EntraIssuer = "https://login.microsoftonline.com/99999999-8888-7777-6666-555555555555/v2.0";
    private const string EntraV1Issuer = "https://sts.windows.net/99999999-8888-7777-6666-555555555555/";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private LocalOpenIdIssuer Issuer => fixture.Issuer;

    [Fact]
    public async Task RefusesEntraTokenWithoutAServiceUrlClaim()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(serviceUrl: "", caller: AppId);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task RefusesEntraTokenWhoseServiceUrlClaimDiffersFromTheActivity()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(serviceUrl: "https://smba.trafficmanager.net/amer/", caller: AppId);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task RefusesSkillCallFromAnotherAppOfTheTenant()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(TestActivities.ServiceUrl, caller: OtherAppOfTheTenant);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task RefusesV1EntraTokenWhoseAppidIsAnotherApp()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(TestActivities.ServiceUrl, caller: OtherAppOfTheTenant, issuer: EntraV1Issuer, callerClaim: "appid");

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefusesEntraTokenThatNamesNoCallingApp()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(TestActivities.ServiceUrl, caller: null);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsSkillCallFromAnAppListedInAllowedCallers()
    {
        await using var host = await StartSingleTenantAsync(new() { ["AllowedCallers"] = OtherAppOfTheTenant });
        var token = EntraToken(TestActivities.ServiceUrl, caller: OtherAppOfTheTenant);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Handler.Calls);
    }

    [Theory]
    [InlineData("entra")]
    [InlineData("connector")]
    public async Task SingleTenantBotRefusesActivityFromAnotherTenant(string tokenKind)
    {
        await using var host = await StartSingleTenantAsync();
        var token = tokenKind == "entra" ? EntraToken(TestActivities.ServiceUrl, caller: AppId) : Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now);

        var response = await host.PostAsync(TestActivities.Message(tenantId: "00000000-0000-0000-0000-00000000beef"), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task SingleTenantBotRefusesActivityWhoseChannelDataNamesAnotherTenant()
    {
        await using var host = await StartSingleTenantAsync();
        var token = EntraToken(TestActivities.ServiceUrl, caller: AppId);

        var response = await host.PostAsync(TestActivities.Message(tenantId: TenantId, channelDataTenantId: "00000000-0000-0000-0000-00000000beef"), token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task MultiTenantBotServesActivitiesOfAnyTenant()
    {
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message(tenantId: "any-customer-tenant"), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RefusesActivityFromAChannelThatIsNotAllowed()
    {
        // The signing key is endorsed for webchat too, so only AllowedChannels (default msteams) stands in the way.
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message(channelId: "webchat"), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task AcceptsAChannelListedInAllowedChannels()
    {
        await using var host = await StartMultiTenantAsync(new() { ["AllowedChannels"] = "msteams,webchat" });

        var response = await host.PostAsync(TestActivities.Message(channelId: "webchat"), Issuer.CreateToken(AppId, TestActivities.ServiceUrl, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("http://127.0.0.1:9/")]
    public async Task RefusesActivityWhoseServiceUrlIsNotATeamsHostEvenWithAMatchingToken(string serviceUrl)
    {
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message(serviceUrl: serviceUrl), Issuer.CreateToken(AppId, serviceUrl, Now));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task AcceptsAServiceUrlListedInAllowedServiceUrls()
    {
        const string extra = "https://bots.contoso.example/connector/emea/";
        await using var host = await StartMultiTenantAsync(new() { ["AllowedServiceUrls:0"] = "https://bots.contoso.example/connector" });

        var response = await host.PostAsync(TestActivities.Message(serviceUrl: extra), Issuer.CreateToken(AppId, extra, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    [InlineData("https://europe.directline.botframework.com/")]
    public async Task AcceptsTheTeamsAndBotFrameworkHostsOfThePublicAndGovernmentClouds(string serviceUrl)
    {
        await using var host = await StartMultiTenantAsync();

        var response = await host.PostAsync(TestActivities.Message(serviceUrl: serviceUrl), Issuer.CreateToken(AppId, serviceUrl, Now));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private string EntraToken(string serviceUrl, string? caller, string issuer = EntraIssuer, string callerClaim = "azp") =>
        Issuer.CreateToken(AppId, serviceUrl, Now, issuer: issuer, keyId: LocalOpenIdIssuer.UnendorsedKeyId,
            extraClaims: caller is null ? null : new Dictionary<string, object> { [callerClaim] = caller });

    private Task<BotTestHost> StartMultiTenantAsync(Dictionary<string, string?>? extra = null) =>
        BotTestHost.StartAsync(
            With(extra, new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["MicrosoftAppType"] = "MultiTenant",
                ["BotOpenIdMetadata"] = Issuer.BotMetadataUrl,
            }),
            Now);

    private Task<BotTestHost> StartSingleTenantAsync(Dictionary<string, string?>? extra = null) =>
        BotTestHost.StartAsync(
            With(extra, new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppTenantId"] = TenantId,
                ["BotOpenIdMetadata"] = Issuer.BotMetadataUrl,
                ["EntraOpenIdMetadata"] = Issuer.EntraMetadataTemplate,
            }),
            Now);

    private static Dictionary<string, string?> With(Dictionary<string, string?>? extra, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}

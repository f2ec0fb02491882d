using System.Net;
using Collaboration.Bot.Protocol.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Tests.Authentication;

public sealed class InboundRequestAuthenticatorTests
{
    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void DevelopmentModeRejectsNonLoopbackCallers(string address)
    {
        var authenticator = Create(new BotAuthenticationOptions().UseHostEnvironment("Development"));

        var result = authenticator.AuthenticateDevelopmentRequest(IPAddress.Parse(address));

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void DevelopmentModeAcceptsLoopbackCallers(string address)
    {
        var authenticator = Create(new BotAuthenticationOptions().UseHostEnvironment("Development"));

        var result = authenticator.AuthenticateDevelopmentRequest(IPAddress.Parse(address));

        Assert.True(result.Succeeded);
        Assert.Equal(BotTokenSource.DevelopmentLoopback, result.Source);
    }

    [Fact]
    public void DevelopmentModeRejectsACallerWithoutAnAddress()
    {
        var result = Create(new BotAuthenticationOptions().UseHostEnvironment("Development")).AuthenticateDevelopmentRequest(null);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ConfiguredAppIdTurnsDevelopmentModeOffEvenForLoopbackCallers()
    {
        var authenticator = Create(new BotAuthenticationOptions { MicrosoftAppId = "app", BotOpenIdMetadata = "http://127.0.0.1:1/unused" });

        Assert.False(authenticator.IsDevelopmentMode);
        Assert.False(authenticator.AuthenticateDevelopmentRequest(IPAddress.Loopback).Succeeded);
        var result = await authenticator.AuthenticateAsync(null, "https://x", "msteams", IPAddress.Loopback, CancellationToken.None);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void OptionsBindFromTheConventionalSettingNames()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "pw",
            ["MicrosoftAppTenantId"] = "tid",
            ["MicrosoftAppType"] = "SingleTenant",
            ["BotOpenIdMetadata"] = "https://example.test/metadata",
        }).Build();

        var options = BotAuthenticationOptions.FromConfiguration(configuration);

        Assert.Equal("app-id", options.MicrosoftAppId);
        Assert.Equal(BotAppType.SingleTenant, options.MicrosoftAppType);
        Assert.Equal("https://example.test/metadata", options.BotOpenIdMetadata);
        Assert.True(options.AcceptsEntraTokens);
        Assert.Equal("https://login.microsoftonline.com/tid/v2.0/.well-known/openid-configuration", options.GetEntraOpenIdMetadataUrl());
        Assert.Equal("https://login.microsoftonline.com/tid", options.GetAuthority());
        Assert.Equal(["https://sts.windows.net/tid/", "https://login.microsoftonline.com/tid/v2.0"], options.GetEntraIssuers());
    }

    [Fact]
    public void MultiTenantDefaultsUseTheBotFrameworkMetadataAndAuthority()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = "app" };

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotOpenIdMetadata);
        Assert.Equal("https://login.microsoftonline.com/botframework.com", options.GetAuthority());
        Assert.False(options.AcceptsEntraTokens);
    }

    [Fact]
    public void MetadataOverPlainHttpIsRefusedUnlessLoopback()
    {
        Assert.Throws<ArgumentException>(() => SigningKeyProvider.RequireSecureOrLoopback("http://login.example.test/metadata"));
        Assert.Equal("http://127.0.0.1:5000/m", SigningKeyProvider.RequireSecureOrLoopback("http://127.0.0.1:5000/m"));
    }

    private static InboundRequestAuthenticator Create(BotAuthenticationOptions options) =>
        new(Options.Create(options), new NoHttpClientFactory(), TimeProvider.System, NullLogger<InboundRequestAuthenticator>.Instance);

    private sealed class NoHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}

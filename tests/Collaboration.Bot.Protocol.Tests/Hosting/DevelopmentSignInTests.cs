using System.Net;
using System.Text;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Protocol.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Protocol.Tests.Hosting;

/// <summary>Development sign-in (no MicrosoftAppId) exists only in the Development environment, and only for the developer's own machine.</summary>
public sealed class DevelopmentSignInTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void RefusesToStartWithoutAnAppIdOutsideDevelopment(string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.Services.AddBotProtocol(builder.Configuration);
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBotMessages("/api/messages", new RecordingHandler()));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
        Assert.Contains("Development", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenantBotWithoutAnAppIdNamesItsTenantSettingToo()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppType"] = "SingleTenant" });
        builder.Services.AddBotProtocol(builder.Configuration);
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapBotMessages("/api/messages", new RecordingHandler()));

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("X-Forwarded-Host", "localhost")]
    public async Task RefusesARequestThatCameThroughAProxy(string header, string value)
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync(TestActivities.Message(), headers: new Dictionary<string, string> { [header] = value });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:3978")]
    [InlineData("localhost.attacker.example")]
    [InlineData("10.0.0.5:3978")]
    public async Task RefusesADnsReboundRequestForAForeignHost(string hostHeader)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Message(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = hostHeader;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData("localhost:3978")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]:3978")]
    public async Task AcceptsTheLocalHostNames(string hostHeader)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Message(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = hostHeader;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task RefusesACrossSiteFormPostThatIsNotJson(string mediaType)
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync(TestActivities.Message(), mediaType: mediaType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task AcceptsThePlaygroundsActivitiesFromLoopback()
    {
        await using var host = await StartAsync();

        foreach (var line in TestActivities.PlaygroundLines())
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(line)).StatusCode);
        }

        Assert.Equal(TestActivities.PlaygroundLines().Length, host.Handler.Calls.Count);
    }

    private static Task<BotTestHost> StartAsync() =>
        BotTestHost.StartAsync(new Dictionary<string, string?>(), Now, environment: "Development");
}

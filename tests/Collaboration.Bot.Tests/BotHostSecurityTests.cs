using System.Net;
using System.Text;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Tests;

/// <summary>The real bot host against forged activities and a production start without an identity.</summary>
public sealed class BotHostSecurityTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private LocalOpenIdIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task AnActivityPointingAtAnAttackersServiceUrlIsRefusedAndItsConversationNeverStored()
    {
        const string attacker = "https://attacker.example/teams/";
        await using var host = await StartAuthenticatedAsync();
        var message = host.Activity(Alex, "message");
        message["serviceUrl"] = attacker;
        message["text"] = "my deals";

        var response = await host.PostAsync(message, _issuer.CreateToken(AppId, attacker, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Equal(0, _issuer.TokenRequests);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.ConversationReferences.ToListAsync());
    }

    [Fact]
    public async Task AStoredConversationWithAServiceUrlOutsideTheListIsNeverWrittenTo()
    {
        await using var host = await StartAuthenticatedAsync();
        host.TokenFor = serviceUrl => _issuer.CreateToken(AppId, serviceUrl, DateTimeOffset.UtcNow);
        await host.SayAsync(Alex, "help");
        var connector = host.Services.GetRequiredService<IConnectorClient>();

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() =>
            connector.SendToConversationAsync("https://attacker.example/teams/", Alex.ConversationId, Protocol.Activities.Activity.CreateMessage("hi")));
    }

    [Fact]
    public void TheBotRefusesToStartInProductionWithoutAnAppId()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotHost.Build(["--environment", "Production"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "",
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Crm"] = "Data Source=:memory:",
                ["Notifications:RunHostedServices"] = "false",
            });
        }));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheBotRefusesATextPlainPostFromAnotherSite()
    {
        await using var host = await BotConversationHost.StartAsync();
        var message = host.Activity(Alex, "message");
        message["text"] = "new deal Forged 1k";
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHost.MessagesPath)
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "text/plain"),
        };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Opportunities.ToListAsync());
    }

    private Task<BotConversationHost> StartAuthenticatedAsync() => BotConversationHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["BotOpenIdMetadata"] = _issuer.BotMetadataUrl,
        ["BotAuthority"] = $"{_issuer.HttpsBaseUrl}/botframework.com",
    }, services: s => s.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(_issuer.CreateTrustingHandler));
}

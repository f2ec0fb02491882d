using System.Net;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests;

/// <summary>The bot with real authentication: tokens signed by a local OpenID issuer in, client-credentials tokens out.</summary>
public sealed class AuthenticatedConversationTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private LocalOpenIdIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    private Task<BotConversationHost> StartAsync() => BotConversationHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "secret",
        ["MicrosoftAppType"] = "MultiTenant",
        ["BotOpenIdMetadata"] = _issuer.BotMetadataUrl,
        ["BotAuthority"] = $"{_issuer.HttpsBaseUrl}/botframework.com",
    }, services: s => s.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(_issuer.CreateTrustingHandler));

    [Fact]
    public async Task ASignedTokenIsAcceptedAndTheAnswerGoesOutWithTheBotsToken()
    {
        await using var host = await StartAsync();
        host.TokenFor = serviceUrl => _issuer.CreateToken(AppId, serviceUrl, DateTimeOffset.UtcNow);

        var cards = await host.SayAsync(Alex, "new deal Contoso 120k");

        Assert.Equal(2, cards.Count);
        Assert.All(host.Connector.Requests, r => Assert.Equal($"Bearer {_issuer.AccessToken}", r.Authorization));
        var answer = await host.ClickAsync(Alex, CardReader.Action(cards[0], "advance"));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Moved to Qualify.", CardReader.Text(answer.Card));
    }

    [Fact]
    public async Task WithoutATokenTheBotAnswers401AndDoesNothing()
    {
        await using var host = await StartAsync();

        var message = host.Activity(Alex, "message");
        message["text"] = "new deal Contoso";
        var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task ATokenForAnotherBotIsRefused()
    {
        await using var host = await StartAsync();
        host.TokenFor = serviceUrl => _issuer.CreateToken("another-bot", serviceUrl, DateTimeOffset.UtcNow);

        var message = host.Activity(Alex, "message");
        message["text"] = "help";

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostAsync(message)).StatusCode);
    }
}

using System.Net;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests;

/// <summary>The real bot host fetches what a turn needs from the identity platform while it starts, not in the first turn.</summary>
public sealed class SignInWarmUpTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private LocalOpenIdIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task TheFirstTurnAfterAStartFindsTheSigningKeysAndTheConnectorTokenAlreadyFetched()
    {
        await using var host = await BotConversationHost.StartAuthenticatedAsync(_issuer, AppId);
        await host.Services.GetRequiredService<BotSignInWarmUp>().Completion;
        var (keysAtStart, tokensAtStart) = (_issuer.JwksRequests, _issuer.TokenRequests);

        var cards = await host.SayAsync(Alex, "new deal Alpha 10k");

        Assert.Equal((1, 1), (keysAtStart, tokensAtStart));
        Assert.NotEmpty(cards);
        Assert.Equal((1, 1), (_issuer.JwksRequests, _issuer.TokenRequests));
    }

    [Fact]
    public async Task AStartWhileTheIdentityPlatformIsUnreachableStillStartsAndTheFirstTurnFetchesThemItself()
    {
        _issuer.Unavailable = true;
        await using var host = await BotConversationHost.StartAuthenticatedAsync(_issuer, AppId);
        await host.Services.GetRequiredService<BotSignInWarmUp>().Completion;
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health")).StatusCode);
        _issuer.Unavailable = false;

        var cards = await host.SayAsync(Alex, "new deal Alpha 10k");

        Assert.NotEmpty(cards);
        Assert.Equal((1, 1), (_issuer.JwksRequests, _issuer.TokenRequests));
    }
}

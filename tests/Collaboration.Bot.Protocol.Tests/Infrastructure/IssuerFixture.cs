using Collaboration.Testing;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

public sealed class IssuerFixture : IAsyncLifetime
{
    public LocalOpenIdIssuer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}

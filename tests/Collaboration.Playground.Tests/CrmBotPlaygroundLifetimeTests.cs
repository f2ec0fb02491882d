using System.Diagnostics;
using System.Net.Sockets;

namespace Collaboration.Playground.Tests;

public sealed class CrmBotPlaygroundLifetimeTests
{
    [Fact]
    public async Task DisposingTheFixtureStopsThePlaygroundAndTheBotAndFreesTheirPorts()
    {
        var fixture = new CrmBotPlaygroundFixture();
        int botPort, playgroundPort;
        try
        {
            await fixture.InitializeAsync();
            botPort = fixture.BotPort;
            playgroundPort = fixture.Playground.Port;
            Assert.NotEqual(botPort, playgroundPort);
            var since = fixture.Playground.LastSequence;
            await fixture.Playground.SendMessageAsync("help");
            await fixture.Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is not null);
            Assert.True(await AcceptsAsync(botPort));
            Assert.True(await AcceptsAsync(playgroundPort));
        }
        finally
        {
            await fixture.DisposeAsync();
        }

        // The Playground is killed with its whole process tree; nothing may be left listening.
        var deadline = Stopwatch.StartNew();
        while ((await AcceptsAsync(botPort) || await AcceptsAsync(playgroundPort)) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        Assert.False(await AcceptsAsync(botPort), $"the bot's port {botPort} still accepts connections");
        Assert.False(await AcceptsAsync(playgroundPort), $"the Playground's port {playgroundPort} still accepts connections");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}

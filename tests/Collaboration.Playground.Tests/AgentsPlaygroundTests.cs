using System.Text.Json;
using Collaboration.Testing.Node;
using Collaboration.Testing.Playground;

namespace Collaboration.Playground.Tests;

public sealed class AgentsPlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private AgentsPlayground Playground => fixture.Playground;

    private EchoBot Bot => fixture.Bot;

    [Fact]
    public async Task HelloThroughThePlaygroundGetsTheBotsReply()
    {
        var since = Playground.LastSequence;

        await Playground.SendMessageAsync("hello");

        var reply = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.Text?.StartsWith("Hello", StringComparison.Ordinal) == true);
        Assert.Equal("Hello, Alex Wilber (en-US)", reply.Text);
        Assert.Equal(Playground.ConversationId, reply.ConversationId);
        var received = Bot.LastReceived(a => a.IsMessage && a.Text == "hello");
        Assert.Equal(Playground.ServiceUrl, received.ServiceUrl);
        Assert.Equal(Playground.UserId, received.From?.Id);
        Assert.Equal(Playground.BotId, received.Recipient?.Id);
        Assert.Equal("msteams", received.ChannelId);
        Assert.Equal(Playground.Config.TenantId, received.TenantId);
    }

    [Fact]
    public async Task MessagesCanCarryAnotherLocale()
    {
        var since = Playground.LastSequence;

        await Playground.SendMessageAsync("hello", locale: "de-DE");

        var reply = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.Text?.StartsWith("Hello", StringComparison.Ordinal) == true);
        Assert.Equal("Hello, Alex Wilber (de-DE)", reply.Text);
        Assert.Equal("de-DE", Bot.LastReceived(a => a.IsMessage && a.Locale == "de-DE").GetClientInfo()?.Locale);
    }

    [Fact]
    public async Task ACardsActionExecuteReachesTheBotAndItsAnswerComesBack()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("card");
        var cardMessage = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is not null);
        var card = cardMessage.AdaptiveCard!.Value;
        await CardValidator.EnsureValidAsync(card);
        var action = card.GetProperty("actions")[0];
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());

        var data = new { dealId = action.GetProperty("data").GetProperty("dealId").GetString(), stage = "won" };
        var answer = await Playground.ExecuteAsync(action.GetProperty("verb").GetString()!, data, cardMessage.MessageId);

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.Equal("Deal 42 moved to won", answer.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
        var invoke = Bot.LastReceived(a => a.IsInvoke);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        Assert.Equal(cardMessage.MessageId, invoke.ReplyToId);
        Assert.Equal(Playground.ServiceUrl, invoke.ServiceUrl);
        var invokedAction = invoke.Value!.Value.GetProperty("action");
        Assert.Equal("Action.Execute", invokedAction.GetProperty("type").GetString());
        Assert.Equal("advance", invokedAction.GetProperty("verb").GetString());
        Assert.Equal("42", invokedAction.GetProperty("data").GetProperty("dealId").GetString());
        Assert.Equal("won", invokedAction.GetProperty("data").GetProperty("stage").GetString());

        var updated = await Playground.WaitForBotMessageAsync(m => m.Kind == PlaygroundMessageKind.Updated && m.MessageId == cardMessage.MessageId);
        Assert.Equal("Deal 42 moved to won", updated.AdaptiveCard!.Value.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnInvokeAnsweredWithAMessageReturnsItsText()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("card");
        var cardMessage = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is not null);

        var answer = await Playground.ExecuteAsync("ping", null, cardMessage.MessageId);

        Assert.Equal("application/vnd.microsoft.activity.message", answer.GetProperty("type").GetString());
        Assert.Equal("pong", answer.GetProperty("value").GetString());
    }

    [Fact]
    public async Task ASubmitArrivesAsAMessageWithValueAndReplyToId()
    {
        var since = Playground.LastSequence;
        await Playground.SendMessageAsync("card");
        var cardMessage = await Playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is not null);

        await Playground.SubmitAsync(new { dealId = "42", verb = "advance" }, cardMessage.MessageId);

        var reply = await Playground.WaitForBotMessageAsync(m => m.Sequence > cardMessage.Sequence && m.Text?.StartsWith("Submitted", StringComparison.Ordinal) == true);
        Assert.Contains("\"dealId\":\"42\"", reply.Text, StringComparison.Ordinal);
        var submit = Bot.LastReceived(a => a.IsMessage && a.Value is not null);
        Assert.Equal(cardMessage.MessageId, submit.ReplyToId);
        Assert.Null(submit.Text);
    }

    [Fact]
    public async Task WaitingForAMessageThatNeverComesFailsWithWhatDidArrive()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(
            () => Playground.WaitForBotMessageAsync(m => m.Text == "never sent", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("No matching bot message", error.Message, StringComparison.Ordinal);
        Assert.Contains("Playground log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActingOnAMessageThatDoesNotExistIsAnError()
    {
        var error = await Assert.ThrowsAsync<PlaygroundException>(() => Playground.ExecuteAsync("advance", null, "no-such-message"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }
}

public sealed class NodeToolsTests
{
    [Fact]
    public void AMissingNpmPackageSaysToRunNpmCi()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeTools.RequireInstalled("no-such-package/cli.js"));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePlaygroundAndTheCardLibraryAreInstalled()
    {
        // Fails (never skips) on a checkout where `npm ci` has not run, with the message above.
        NodeTools.RequireInstalled("@microsoft/m365agentsplayground/cli.js");
        NodeTools.RequireInstalled("adaptivecards/dist/adaptivecards.js");
    }
}

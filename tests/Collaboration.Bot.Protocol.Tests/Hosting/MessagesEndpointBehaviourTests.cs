using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Tests.Infrastructure;

namespace Collaboration.Bot.Protocol.Tests.Hosting;

/// <summary>Development mode (no app id, loopback caller) so that only the endpoint's own behaviour is under test.</summary>
public sealed class MessagesEndpointBehaviourTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MalformedJsonIsAnswered400WithProblemDetails()
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync("{\"type\": \"message\", \"text\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(host.Handler.Calls);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"timestamp\":\"not a date\"}")]
    public async Task JsonThatIsNotAnActivityIsAnswered400(string body)
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BodyOverTheLimitIsAnswered413()
    {
        await using var host = await StartAsync(o => o.MaxRequestBodyBytes = 1024);

        var response = await host.PostAsync(TestActivities.Message(new string('x', 2000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.Calls);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimitIsAnswered413()
    {
        await using var host = await StartAsync(o => o.MaxRequestBodyBytes = 1024);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(TestActivities.Message(new string('x', 2000)))));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    [InlineData("someFutureType")]
    public async Task NonInvokeActivitiesAreAnswered200WithAnEmptyBodyAfterTheHandlerRan(string type)
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = (_, _) => Task.FromResult<InvokeResponse?>(InvokeResponse.Message("ignored"));

        var response = await host.PostAsync($$$"""{"type":"{{{type}}}","channelId":"msteams","serviceUrl":"{{{TestActivities.ServiceUrl}}}","conversation":{"id":"c"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Single(host.Handler.Calls);
    }

    [Fact]
    public async Task InvokeIsAnsweredWithTheHandlersStatusAndBody()
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = (_, _) => Task.FromResult<InvokeResponse?>(InvokeResponse.AdaptiveCard(new { type = "AdaptiveCard", version = "1.5" }));

        var response = await host.PostAsync(TestActivities.PlaygroundLines()[1]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("1.5", body.RootElement.GetProperty("value").GetProperty("version").GetString());
        var call = Assert.Single(host.Handler.Calls);
        Assert.Equal("adaptiveCard/action", call.Activity.Name);
    }

    [Fact]
    public async Task InvokeWithACustomStatusIsAnsweredWithThatStatus()
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = (_, _) => Task.FromResult<InvokeResponse?>(InvokeResponse.FromBody(409, new { reason = "conflict" }));

        var response = await host.PostAsync(TestActivities.Invoke());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("conflict", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeTheHandlerDoesNotAnswerIsAcknowledgedWith200AndAnEmptyObject()
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync(TestActivities.Invoke("signin/verifyState"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HandlerThrowingOnAMessageIsAnswered200AndAnApologyIsSent()
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = (_, _) => throw new InvalidOperationException("boom");

        var response = await host.PostAsync(TestActivities.Message());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(host.Connector.Calls);
        Assert.Equal("send", sent.Operation);
        Assert.Equal("a:conversation;messageid=17", sent.ConversationId);
        Assert.StartsWith("Sorry", sent.Activity?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerThrowingOnAnInvokeIsAnswered200WithAUniversalActionError()
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = (_, _) => throw new InvalidOperationException("boom");

        var response = await host.PostAsync(TestActivities.Invoke());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(500, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("boom", body.RootElement.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnContextRepliesIntoTheIncomingConversation()
    {
        await using var host = await StartAsync();
        host.Handler.OnActivity = async (activity, turn) =>
        {
            await turn.ReplyAsync($"echo: {activity.GetTextWithoutBotMention()}");
            return null;
        };

        var response = await host.PostAsync(TestActivities.Message("<at>Collaboration</at> deals"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.Connector.Calls);
        Assert.Equal("reply", reply.Operation);
        Assert.Equal(TestActivities.ServiceUrl, reply.ServiceUrl);
        Assert.Equal("echo: deals", reply.Activity?.Text);
        Assert.Equal("activity-1", reply.Activity?.ReplyToId);
        Assert.Equal("bot-id", reply.Activity?.From?.Id);
    }

    private static Task<BotTestHost> StartAsync(Action<Protocol.Hosting.BotEndpointOptions>? configure = null) =>
        BotTestHost.StartAsync(new Dictionary<string, string?>(), Now, configure, environment: "Development");
}

using System.Net;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Authentication;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Tests.Infrastructure;
using Collaboration.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Protocol.Tests.Connector;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ConversationId = "19:abc@thread.tacv2;messageid=1795730257075";
    private LocalConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await LocalConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task SendPostsToTheConversationActivitiesWithTheIdEscaped()
    {
        var client = CreateClient();

        var result = await client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Activity.CreateMessage("hi"));

        Assert.Equal("activity-1", result.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1795730257075/activities", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("hi", body.RootElement.GetProperty("text").GetString());
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task ReplyPostsToTheActivityPath()
    {
        var client = CreateClient();

        await client.ReplyToActivityAsync(_connector.ServiceUrl.TrimEnd('/'), "a:1", "1795730257075", Activity.CreateMessage("re"));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1/activities/1795730257075", request.RawTarget);
    }

    [Fact]
    public async Task UpdatePutsToTheActivityPath()
    {
        var client = CreateClient();

        var result = await client.UpdateActivityAsync(_connector.ServiceUrl, ConversationId, "1795730257075", Activity.CreateMessage(null, Attachment.AdaptiveCard(new { type = "AdaptiveCard" })));

        Assert.Equal("activity-1", result.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("%3Bmessageid%3D1795730257075/activities/1795730257075", request.RawTarget, StringComparison.Ordinal);
        Assert.Contains("application/vnd.microsoft.card.adaptive", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteSendsDeleteToTheActivityPathAndAcceptsAnEmptyAnswer()
    {
        _connector.Respond = _ => Results.Ok();
        var client = CreateClient();

        await client.DeleteActivityAsync(_connector.ServiceUrl, "a:1", "42");

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1/activities/42", request.RawTarget);
    }

    [Fact]
    public async Task GetMemberReadsTheMembersAadObjectIdFromTheEscapedMemberPath()
    {
        _connector.Respond = _ => Results.Json(new { id = "29:1abc", name = "Priya Raman", aadObjectId = "6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", userRole = "user" });
        var client = CreateClient();

        var member = await client.GetConversationMemberAsync(_connector.ServiceUrl, ConversationId, "29:1abc");

        Assert.Equal(("29:1abc", "6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11"), (member!.Id, member.AadObjectId));
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1795730257075/members/29%3A1abc", request.RawTarget);
    }

    [Fact]
    public async Task GetMemberAnswersNullForSomeoneWhoIsNoMember()
    {
        _connector.Respond = _ => Results.Json(new { error = new { code = "MemberNotFoundInConversation" } }, statusCode: 404);
        var client = CreateClient();

        Assert.Null(await client.GetConversationMemberAsync(_connector.ServiceUrl, "a:1", "29:nobody"));
    }

    [Fact]
    public async Task CreateConversationPostsThePersonalConversationBody()
    {
        _connector.Respond = _ => Results.Json(new { id = "a:new-conversation" });
        var client = CreateClient();

        var result = await client.CreatePersonalConversationAsync(_connector.ServiceUrl, "28:bot", "29:user", "tenant-1");

        Assert.Equal("a:new-conversation", result.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.False(body.RootElement.GetProperty("isGroup").GetBoolean());
        Assert.Equal("28:bot", body.RootElement.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:user", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ThrottledSendWaitsForRetryAfterAndThenSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        _connector.Clock = time.GetUtcNow;
        _connector.Respond = r => r.Number == 1 ? new RetryAfterResult(StatusCodes.Status429TooManyRequests, "2") : Results.Json(new { id = "sent" });
        var client = CreateClient(time: time);

        var send = client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi"));
        await AdvanceUntilCompletedAsync(time, send);

        Assert.Equal("sent", (await send).Id);
        var requests = _connector.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        var waited = requests[1].ReceivedAt - requests[0].ReceivedAt;
        Assert.True(waited >= TimeSpan.FromSeconds(2), $"retried after {waited}, before the 2 s Retry-After");
    }

    [Fact]
    public async Task RetryAfterAsADateIsMeasuredAgainstTheTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var client = CreateClient(time: time);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), client.GetRetryDelay(response, attempt: 1));
    }

    [Fact]
    public void BackoffWithoutRetryAfterGrowsExponentiallyWithJitterAndIsCapped()
    {
        var client = CreateClient(configure: o =>
        {
            o.BaseDelay = TimeSpan.FromSeconds(1);
            o.MaxDelay = TimeSpan.FromSeconds(5);
        });
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        var first = client.GetRetryDelay(response, 1)!.Value;
        var third = client.GetRetryDelay(response, 3)!.Value;
        var tenth = client.GetRetryDelay(response, 10)!.Value;

        Assert.InRange(first, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(third, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.InRange(tenth, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task RetryAfterLongerThanTheMaximumIsNotWaitedFor()
    {
        _connector.Respond = _ => new RetryAfterResult(StatusCodes.Status429TooManyRequests, "3600");
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi")));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task TransientFailuresAreRetriedUpToTheAttemptLimitThenReported(int status)
    {
        _connector.Respond = _ => Results.StatusCode(status);
        var client = CreateClient(configure: o =>
        {
            o.MaxAttempts = 3;
            o.BaseDelay = TimeSpan.FromMilliseconds(1);
        });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi")));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        _connector.Respond = _ => Results.Json(new { error = new { code = "BadArgument", message = "nope" } }, statusCode: 400);
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi")));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("BadArgument", error.ResponseBody, StringComparison.Ordinal);
        Assert.Single(_connector.Requests);
    }

    [Theory]
    [InlineData("""{"error":{"code":"Forbidden","subCode":"MessageWritesBlocked","message":"Thread is blocked"}}""", "MessageWritesBlocked")]
    [InlineData("""{"subCode":"MessageWritesBlocked"}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"BotDisabledByAdmin","message":"x","innerHttpError":{"statusCode":403,"body":{"errorCode":"209","subCode":"MessageWritesBlocked"}}}}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"Forbidden","innerHttpError":{"statusCode":403,"body":"{\"subCode\":\"MessageWritesBlocked\"}"}}}""", "MessageWritesBlocked")]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""", "ConversationBlockedByUser")]
    public async Task BlockedConversationIsReportedDistinctlyAndNotRetried(string body, string reason)
    {
        _connector.Respond = _ => Results.Text(body, "application/json", statusCode: 403);
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConversationBlockedException>(() => client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Activity.CreateMessage("hi")));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(ConversationId, error.ConversationId);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task OtherForbiddenAnswersAreOrdinaryConnectorErrors()
    {
        _connector.Respond = _ => Results.Text("""{"error":{"code":"Forbidden","message":"no"}}""", "application/json", statusCode: 403);
        var client = CreateClient();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi")));

        Assert.IsNotType<ConversationBlockedException>(error);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task ClientCredentialsTokenIsRequestedOnceAndReusedAcrossSends()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        var options = Options.Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = "11111111-2222-3333-4444-555555555555",
            MicrosoftAppPassword = "app-secret",
            BotAuthority = $"{issuer.HttpsBaseUrl}/botframework.com",
        });
        var tokens = new MsalBotTokenProvider(options, new TrustingHttpClientFactory(issuer));
        var client = CreateClient(tokens);

        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("one"));
        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("two"));

        Assert.Equal(1, issuer.TokenRequests);
        var form = Assert.Single(issuer.TokenRequestForms);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", form["client_id"]);
        Assert.All(_connector.Requests, r => Assert.Equal($"Bearer {issuer.AccessToken}", r.Authorization));
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task ATokenThatExpiresWithinFiveMinutesIsNotReusedForTheNextSend()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        issuer.AccessTokenSeconds = 120;
        var options = Options.Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = "11111111-2222-3333-4444-555555555555",
            MicrosoftAppPassword = "app-secret",
            BotAuthority = $"{issuer.HttpsBaseUrl}/botframework.com",
        });
        var client = CreateClient(new MsalBotTokenProvider(options, new TrustingHttpClientFactory(issuer)));

        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("one"));
        issuer.AccessToken = "renewed-access-token";
        await client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("two"));

        Assert.Equal(2, issuer.TokenRequests);
        Assert.Equal("Bearer renewed-access-token", _connector.Requests.Last().Authorization);
    }

    [Fact]
    public async Task DevelopmentModeSendsNoToken()
    {
        var tokens = new MsalBotTokenProvider(Options.Create(new BotAuthenticationOptions().UseHostEnvironment("Development")), new TrustingHttpClientFactory(null));

        Assert.Null(await tokens.GetAccessTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TokenIsNeverSentOverPlainHttpToARemoteHost()
    {
        var client = CreateClient(new FixedToken());

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.SendToConversationAsync("http://connector.example.test/", "a:1", Activity.CreateMessage("hi")));
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("https://smba.trafficmanager.net@attacker.example/")]
    [InlineData("https://attacker.example/smba.trafficmanager.net/")]
    public async Task NeverSendsTheBotsTokenToAServiceUrlOutsideTheAllowList(string serviceUrl)
    {
        var tokens = new CountingToken();
        var client = CreateClient(tokens, environment: "Production");

        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.SendToConversationAsync(serviceUrl, "a:1", Activity.CreateMessage("hi")));
        await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.CreateConversationAsync(serviceUrl, ConversationParameters.Personal("28:bot", "aad-user", "tenant")));

        Assert.Equal(0, tokens.Requests);
    }

    [Fact]
    public async Task OutsideDevelopmentALoopbackServiceUrlIsNeverCalled()
    {
        var client = CreateClient(new CountingToken(), environment: "Production");

        var error = await Assert.ThrowsAsync<ServiceUrlNotAllowedException>(() => client.SendToConversationAsync(_connector.ServiceUrl, "a:1", Activity.CreateMessage("hi")));

        Assert.Empty(_connector.Requests);
        Assert.Contains("AllowedServiceUrls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAllowedServiceUrlOverPlainHttpStopsStartUp()
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = "app", AllowedServiceUrls = ["http://connector.example.test/"] }.UseHostEnvironment("Production");

        Assert.Throws<InvalidOperationException>(() => new ServiceUrlAllowList(Options.Create(options)));
    }

    private static async Task AdvanceUntilCompletedAsync(FakeTimeProvider time, Task task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            await Task.Delay(5);
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    // The local connector listens on 127.0.0.1 over http, which only the Development environment allows.
    private static ConnectorClient CreateClient(
        IBotTokenProvider? tokens = null, TimeProvider? time = null, Action<ConnectorOptions>? configure = null, string environment = "Development",
        params string[] allowedServiceUrls)
    {
        var options = new ConnectorOptions();
        configure?.Invoke(options);
        var bot = new BotAuthenticationOptions { AllowedServiceUrls = [.. allowedServiceUrls] }.UseHostEnvironment(environment);
        return new ConnectorClient(
            new HttpClient(), tokens ?? new NoTokens(), new ServiceUrlAllowList(Options.Create(bot)), Options.Create(options), time ?? TimeProvider.System,
            NullLogger<ConnectorClient>.Instance);
    }

    private sealed class NoTokens : IBotTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class CountingToken : IBotTokenProvider
    {
        public int Requests;

        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult<string?>("token");
        }
    }

    private sealed class FixedToken : IBotTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("token");
    }

    private sealed class TrustingHttpClientFactory(LocalOpenIdIssuer? issuer) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => issuer is null ? new HttpClient() : new HttpClient(issuer.CreateTrustingHandler());
    }

    private sealed class RetryAfterResult(int status, string retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.RetryAfter = retryAfter;
            return Task.CompletedTask;
        }
    }
}

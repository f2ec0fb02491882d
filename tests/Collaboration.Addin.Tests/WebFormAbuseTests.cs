using System.Net;
using Collaboration.Addin.Capture;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests;

/// <summary>What keeps a public web form from being used to flood a tenant with leads.</summary>
public class WebFormAbuseTests
{
    private static HttpRequestMessage Submission(string key, string email, string? origin = WebFormTests.Site, string? forwardedFor = null,
        params (string Key, string Value)[] more)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email) };
        fields.AddRange(more.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/capture/forms/{key}") { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }

    private static async Task<int> DealsAsync(AddinHost host)
    {
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        return await db.Opportunities.CountAsync();
    }

    [Fact]
    public async Task AScriptPostingWithoutAnOriginToAFormLimitedToSomeSitesIsRefused()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await WebFormTests.CreateFormAsync(host);

        var scripted = await host.Client().SendAsync(Submission(key, "bot@spam.example", origin: null));
        var visitor = await host.Client().SendAsync(Submission(key, "visitor@fabrikam.example"));

        Assert.Equal(HttpStatusCode.Forbidden, scripted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        Assert.Equal(1, await DealsAsync(host));
    }

    [Fact]
    public async Task AForgedForwardedForFromAnUnconfiguredProxyDoesNotEscapeTheLimit()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["CaptureForms:PerIpPerMinute"] = "2" });
        var key = await WebFormTests.CreateFormAsync(host);
        var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.SendAsync(Submission(key, $"lead{i}@fabrikam.example", forwardedFor: $"203.0.113.{i + 1}"))).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BehindAConfiguredProxyEachForwardedClientHasItsOwnLimit()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:PerIpPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        var key = await WebFormTests.CreateFormAsync(host);
        var client = host.Client();

        async Task<HttpStatusCode> From(string address, int n) => (await client.SendAsync(Submission(key, $"lead{n}@fabrikam.example", forwardedFor: address))).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.1", 1));
        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.1", 2));
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("203.0.113.1", 3));
        Assert.Equal(HttpStatusCode.OK, await From("203.0.113.2", 4));
    }

    [Fact]
    public async Task AnIPv6ClientRotatingThroughItsSlash64SharesOneLimit()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:PerIpPerMinute"] = "2",
            ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8",
        });
        var key = await WebFormTests.CreateFormAsync(host);
        var client = host.Client();

        async Task<HttpStatusCode> From(string address, int n) => (await client.SendAsync(Submission(key, $"lead{n}@fabrikam.example", forwardedFor: address))).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await From("2001:db8:1:2::1", 1));
        Assert.Equal(HttpStatusCode.OK, await From("2001:db8:1:2:aaaa::2", 2));
        Assert.Equal(HttpStatusCode.TooManyRequests, await From("2001:db8:1:2:ffff:ffff:ffff:3", 3));
        Assert.Equal(HttpStatusCode.OK, await From("2001:db8:1:3::1", 4));
    }

    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    public void RateLimitsKeyIPv4ByAddressAndIPv6ByItsSlash64(string address, string partition)
    {
        Assert.Equal(partition, ClientPartition.Of(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task TheDailyCapPerEmailAddressStopsOneAddressFloodingTheTenant()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:PerIpPerMinute"] = "100",
            ["CaptureForms:PerEmailPerDay"] = "2",
        });
        var key = await WebFormTests.CreateFormAsync(host);
        var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.SendAsync(Submission(key, "Same.Person@fabrikam.example"))).StatusCode);
        var chineseVisitor = Submission(key, "same.person@FABRIKAM.example");
        chineseVisitor.Headers.Add("Accept-Language", "zh-CN");
        var third = await client.SendAsync(chineseVisitor);
        var other = await client.SendAsync(Submission(key, "other@fabrikam.example"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(int.Parse(third.Headers.GetValues("Retry-After").Single()) is > 0 and <= 86_400);
        Assert.Equal("此邮箱地址今日提交已达上限，请明天再试。", (await third.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(3, await DealsAsync(host));
    }

    [Fact]
    public async Task TheDailyCapPerTenantStopsAFloodFromManyAddresses()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:PerIpPerMinute"] = "100",
            ["CaptureForms:PerTenantPerDay"] = "3",
        });
        var key = await WebFormTests.CreateFormAsync(host);
        var second = await WebFormTests.CreateFormAsync(host, name: "Newsletter");
        var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.SendAsync(Submission(key, $"lead{i}@fabrikam{i}.example"))).StatusCode);
        var fourth = await client.SendAsync(Submission(second, "lead4@fabrikam4.example"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal(3, await DealsAsync(host));
    }

    [Fact]
    public async Task WithACaptchaConfiguredOnlySubmissionsThatPassItAreCaptured()
    {
        await using var provider = await CaptchaProvider.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:Captcha:VerifyUrl"] = provider.VerifyUrl,
            ["CaptureForms:Captcha:Secret"] = "captcha-secret",
        });
        var key = await WebFormTests.CreateFormAsync(host);
        var client = host.Client();

        var none = await client.SendAsync(Submission(key, "bot1@spam.example"));
        var wrong = await client.SendAsync(Submission(key, "bot2@spam.example", more: ("cf-turnstile-response", "forged-token")));
        var good = await client.SendAsync(Submission(key, "human@fabrikam.example", more: ("h-captcha-response", CaptchaProvider.GoodToken)));

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, await DealsAsync(host));
        // No token: the provider is not even asked. Each check names the secret, the token and the client.
        Assert.Equal(2, provider.Checks.Count);
        Assert.All(provider.Checks, c => Assert.Equal("captcha-secret", c["secret"]));
        Assert.All(provider.Checks, c => Assert.Equal("127.0.0.1", c["remoteip"]));
        Assert.Equal(["forged-token", CaptchaProvider.GoodToken], provider.Checks.Select(c => c["response"]));
    }

    [Fact]
    public async Task AnUnreachableCaptchaProviderRefusesRatherThanLetsSubmissionsThrough()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CaptureForms:Captcha:VerifyUrl"] = $"http://127.0.0.1:{AddinHost.FreePort()}/siteverify",
            ["CaptureForms:Captcha:Secret"] = "captcha-secret",
        });
        var key = await WebFormTests.CreateFormAsync(host);

        var response = await host.Client().SendAsync(Submission(key, "human@fabrikam.example", more: ("cf-turnstile-response", CaptchaProvider.GoodToken)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await DealsAsync(host));
    }

    /// <summary>A siteverify endpoint shaped like Turnstile's and hCaptcha's, on 127.0.0.1.</summary>
    private sealed class CaptchaProvider : IAsyncDisposable
    {
        public const string GoodToken = "XXXX.DUMMY.TOKEN.XXXX";
        private LoopbackServer _server = null!;

        public string VerifyUrl => _server.BaseUrl + "/siteverify";
        public List<Dictionary<string, string>> Checks { get; } = [];

        public static async Task<CaptchaProvider> StartAsync()
        {
            var self = new CaptchaProvider();
            self._server = await LoopbackServer.StartAsync(app => app.MapPost("/siteverify", async (HttpContext context) =>
            {
                var form = await context.Request.ReadFormAsync();
                var check = form.ToDictionary(f => f.Key, f => f.Value.ToString());
                lock (self.Checks) self.Checks.Add(check);
                var success = check.GetValueOrDefault("secret") == "captcha-secret" && check.GetValueOrDefault("response") == GoodToken;
                return Results.Json(new Dictionary<string, object> { ["success"] = success, ["error-codes"] = success ? Array.Empty<string>() : ["invalid-input-response"] });
            }));
            return self;
        }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}

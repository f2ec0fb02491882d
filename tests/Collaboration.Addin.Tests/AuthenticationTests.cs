using System.Net;
using System.Net.Http.Headers;
using Collaboration.Addin.Auth;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests;

public class AuthenticationTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("2001:db8::1", false)]
    public void DevelopmentSignInTrustsOnlyTheMachineItself(string address, bool allowed)
    {
        Assert.Equal(allowed, AddinAuthentication.AllowsDevelopmentCaller(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    [InlineData("X-Real-IP")]
    public void DevelopmentSignInRefusesALoopbackCallThatAProxyForwarded(string header)
    {
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary { [header] = "203.0.113.7" };

        Assert.False(AddinAuthentication.AllowsDevelopmentCaller(IPAddress.Loopback, headers));
        Assert.True(AddinAuthentication.AllowsDevelopmentCaller(IPAddress.Loopback, new Microsoft.AspNetCore.Http.HeaderDictionary()));
    }

    [Fact]
    public async Task DevelopmentModeAnswersAForwardedRequestWith401()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.GetAsync("/api/opportunities?mine=true");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void DevelopmentSignInRefusesACallerWithoutAnAddress()
    {
        Assert.False(AddinAuthentication.AllowsDevelopmentCaller(null));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/tenant/v2.0", true)]
    [InlineData("http://localhost:5001/tenant/v2.0", true)]
    [InlineData("https://127.0.0.1:5001/tenant/v2.0", false)]
    [InlineData("http://login.microsoftonline.com/tenant/v2.0", false)]
    [InlineData("http://10.0.0.5/tenant/v2.0", false)]
    public void OnlyALoopbackIssuerMayBeReadOverPlainHttp(string authority, bool plainHttpAllowed)
    {
        Assert.Equal(plainHttpAllowed, AddinAuthentication.IsLoopbackHttp(authority));
    }

    [Fact]
    public async Task DevelopmentModeSignsInTheDemoRepByDefault()
    {
        await using var host = await AddinHost.StartAsync();

        var response = await host.Client().GetAsync("/api/opportunities?mine=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await host.Services.GetRequiredService<Collaboration.Application.Users.UserDirectory>()
            .FindAsync(Collaboration.Application.DemoData.DemoDataSeeder.TenantId, Collaboration.Application.DemoData.DemoDataSeeder.DemoRepObjectId);
        Assert.Equal("Alex Wilber", user?.DisplayName);
    }

    [Fact]
    public async Task AValidTokenSignsTheRepInAndCreatesThem()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token(objectId: "entra-rep-1"));

        var created = await client.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From("buyer@contoso.com"));
        var mine = await client.GetAsync("/api/opportunities?mine=true");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("entra-rep-1", (await created.ReadJsonAsync()).GetProperty("ownerId").GetString());
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        await using var db = host.Db.Database.Open(LocalOpenIdIssuer.TenantId);
        var rep = await db.Users.SingleAsync();
        Assert.Equal(("entra-rep-1", "Megan Bowen"), (rep.ObjectId, rep.DisplayName));
    }

    [Fact]
    public async Task DevelopmentHeadersAreIgnoredOnceEntraIsConfigured()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());

        var response = await host.RepClient().GetAsync("/api/opportunities?mine=true");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokensForAnotherAudienceExpiredOrWithoutTheScopeAreRefused()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());

        async Task<HttpStatusCode> CallWith(string token)
        {
            var client = host.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.GetAsync("/api/opportunities?mine=true")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await CallWith(issuer.Token()));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(issuer.Token(audience: "api://someone-else")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(issuer.Token(expires: DateTimeOffset.UtcNow.AddMinutes(-30))));
        Assert.Equal(HttpStatusCode.Forbidden, await CallWith(issuer.Token(scope: "Mail.Read")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallWith(issuer.Token()[..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync("/api/opportunities?mine=true")).StatusCode);
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-Hans-CN,en;q=0.5", "zh-Hans")]
    [InlineData("en-GB,zh;q=0.8", "en")]
    [InlineData("fr-FR,zh-TW;q=0.7", "zh-Hans")]
    [InlineData("", "en")]
    public void TheLocaleFollowsAcceptLanguage(string header, string expected)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.AcceptLanguage = header;

        Assert.Equal(expected, RequestLocale.Of(context.Request));
        Assert.Equal(expected == "zh-Hans", ErrorMessages.IsChinese(RequestLocale.Of(context.Request)));
    }
}

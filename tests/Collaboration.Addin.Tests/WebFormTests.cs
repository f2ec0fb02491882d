using System.Net;
using System.Text;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Users;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class WebFormTests
{
    internal const string Site = "https://www.contoso.example";

    internal static async Task<string> CreateFormAsync(AddinHost host, string name = "Contact us", string[]? origins = null, string? tenant = null)
    {
        var response = await host.AdminClient(tenant ?? AddinHost.TenantA).PostJsonAsync("/api/admin/forms", new { name, allowedOrigins = origins ?? [Site] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("key").GetString()!;
    }

    private static HttpRequestMessage Post(string key, HttpContent content, string? origin = Site)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/capture/forms/{key}") { Content = content };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task AnUrlEncodedSubmissionCapturesADealWithItsSourceAndHints()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);

        var response = await host.Client().SendAsync(Post(key, Form(("name", "Li Na"), ("email", "Li.Na@Fabrikam.example"), ("company", "Fabrikam"),
            ("message", "We need a CRM for 40 reps."), ("budget", "50000"), ("timeline", "within 2 weeks"), ("page", "https://www.contoso.example/pricing"),
            ("utm_source", "newsletter"), ("utm_campaign", "spring"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Site, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(CaptureSource.WebForm, deal.Source);
        Assert.Equal("Contact us https://www.contoso.example/pricing utm_campaign=spring utm_source=newsletter", deal.SourceDetail);
        Assert.Equal("Fabrikam – Contact us", deal.Name);
        Assert.Equal(AddinHost.RepA, deal.OwnerId);
        Assert.Equal(50000m, deal.Bant.BudgetAmount);
        Assert.NotEqual(Collaboration.Domain.Qualification.Timeframe.Unknown, deal.Bant.Timeframe);
        Assert.True(deal.QualificationScore > 0);
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal("li.na@fabrikam.example", contact.Email);
        Assert.Equal("Li Na", contact.Name);
        Assert.Equal("Fabrikam", (await db.Accounts.SingleAsync()).Name);
        Assert.Single(await db.Interactions.ToListAsync());
        Assert.Contains(await db.Outbox.Select(o => o.Type).ToListAsync(), t => t == "OwnerAssigned");
    }

    [Fact]
    public async Task AJsonSubmissionIsAcceptedAndASecondOneUpdatesTheSameContact()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);
        var client = host.Client();

        var first = await client.SendAsync(Post(key, new StringContent("""{"email":"buyer@tailspin.example","name":"Buyer","company":"Tailspin","message":"预算大约20万元，下个月上线"}""", Encoding.UTF8, "application/json")));
        var second = await client.SendAsync(Post(key, new StringContent("""{"email":"BUYER@tailspin.example","message":"Following up"}""", Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(2, await db.Opportunities.CountAsync());
        Assert.Single(await db.Contacts.ToListAsync());
        var chinese = await db.Opportunities.SingleAsync(o => o.Name.StartsWith("Tailspin"));
        Assert.Equal(200000m, chinese.Bant.BudgetAmount);
    }

    [Fact]
    public async Task TheHoneypotDropsTheSubmissionButAnswersOkAndCountsIt()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);

        var response = await host.Client().SendAsync(Post(key, Form(("email", "bot@spam.example"), ("website", "http://spam.example"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Empty(await db.Opportunities.ToListAsync());
            Assert.Empty(await db.Contacts.ToListAsync());
        }
        var forms = await (await host.AdminClient().GetAsync("/api/admin/forms")).ReadJsonAsync();
        Assert.Equal(1, forms[0].GetProperty("honeypotCount").GetInt64());
    }

    [Fact]
    public async Task WrongAndRevokedKeysAre404AndOversizeIs413AndAMissingEmailIs400()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);
        var client = host.Client();

        var oversize = await client.SendAsync(Post(key, Form(("email", "a@b.example"), ("message", new string('x', 20_000)))));
        var noEmail = await client.SendAsync(Post(key, Form(("name", "Nobody"))));
        var wrong = await client.SendAsync(Post("not-a-key", Form(("email", "a@b.example"))));
        var revoke = await host.AdminClient().DeleteAsync($"/api/admin/forms/{key}");
        var revoked = await client.SendAsync(Post(key, Form(("email", "a@b.example"))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEmail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Empty(await db.Opportunities.ToListAsync());
    }

    [Fact]
    public async Task CorsFollowsTheFormsAllowedOrigins()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);
        var client = host.Client();

        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, $"/api/capture/forms/{key}");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "content-type");
            return request;
        }

        var allowed = await client.SendAsync(Preflight("https://WWW.contoso.example"));
        var refused = await client.SendAsync(Preflight("https://evil.example"));
        var post = await client.SendAsync(Post(key, Form(("email", "a@b.example")), origin: "https://evil.example"));

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal("https://WWW.contoso.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Empty(await db.Opportunities.ToListAsync());
    }

    [Fact]
    public async Task TooManySubmissionsFromOneClientGet429WithRetryAfter()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["CaptureForms:PerIpPerMinute"] = "2" });
        var key = await CreateFormAsync(host);
        var client = host.Client();

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) statuses.Add(await client.SendAsync(Post(key, Form(("email", $"lead{i}@fabrikam.example")))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses.Select(s => s.StatusCode));
        Assert.True(int.Parse(statuses[2].Headers.GetValues("Retry-After").Single()) > 0);
    }

    [Fact]
    public async Task TheSnippetPostsToTheFormWithAHiddenHoneypot()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host, name: "Demo <request>");

        var response = await host.AdminClient().GetAsync($"/api/admin/forms/{key}/snippet");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"action=\"{host.BaseAddress.ToString().TrimEnd('/')}/api/capture/forms/{key}\"", html);
        Assert.Contains("name=\"website\" tabindex=\"-1\" autocomplete=\"off\"", html);
        Assert.Contains("aria-hidden=\"true\"", html);
        Assert.Contains("Demo &lt;request&gt;", html);
        Assert.DoesNotContain("<request>", html);
    }

    [Fact]
    public async Task FormsOfOneTenantAreInvisibleToAnother()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await CreateFormAsync(host);

        var list = await (await host.AdminClient(AddinHost.TenantB, "rep-b").GetAsync("/api/admin/forms")).ReadJsonAsync();
        var revoke = await host.AdminClient(AddinHost.TenantB, "rep-b").DeleteAsync($"/api/admin/forms/{key}");

        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ConcurrentSubmissionsFromOneNewSenderMakeOneContact(DatabaseKind kind)
    {
        // Twelve submissions of one address is past the daily cap per address; this test is about the contact they share.
        await using var host = await AddinHost.StartAsync(kind, new Dictionary<string, string?>
        {
            ["CaptureForms:PerIpPerMinute"] = "1000",
            ["CaptureForms:PerEmailPerDay"] = "100",
        });
        var key = await CreateFormAsync(host);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            host.Client().SendAsync(Post(key, Form(("email", "same.person@northwind.example"), ("name", "Same Person"), ("message", $"try {i}"))))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Single(await db.Contacts.ToListAsync());
        Assert.Single(await db.Accounts.ToListAsync());
        Assert.Equal(12, await db.Opportunities.CountAsync());
    }
}

public class ReferralCaptureTests
{
    [Fact]
    public async Task ADealFromEmailRecordsItsReferrerOrProspecting()
    {
        await using var host = await AddinHost.StartAsync();
        var client = host.RepClient();

        var referred = await client.PostJsonAsync("/api/opportunities/from-email", new Dictionary<string, object?>
        {
            ["from"] = new { name = "Zhou", address = "zhou@litware.example" },
            ["subject"] = "Intro via Wang Fang",
            ["bodyText"] = "Hello",
            ["internetMessageId"] = "<r1@litware.example>",
            ["referredBy"] = "Wang Fang",
        });
        var prospected = await client.PostJsonAsync("/api/opportunities/from-email", new Dictionary<string, object?>
        {
            ["from"] = new { name = "Kim", address = "kim@adatum.example" },
            ["subject"] = "Our call",
            ["bodyText"] = "Thanks",
            ["internetMessageId"] = "<p1@adatum.example>",
            ["source"] = "prospecting",
        });

        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        Assert.Equal(HttpStatusCode.Created, prospected.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var referral = await db.Opportunities.SingleAsync(o => o.Name == "Intro via Wang Fang");
        Assert.Equal(CaptureSource.Referral, referral.Source);
        Assert.Equal("Wang Fang", referral.ReferredBy);
        Assert.Equal(CaptureSource.Prospecting, (await db.Opportunities.SingleAsync(o => o.Name == "Our call")).Source);
    }
}

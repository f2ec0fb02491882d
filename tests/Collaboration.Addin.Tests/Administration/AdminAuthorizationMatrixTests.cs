using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Administration;

/// <summary>Every admin endpoint for an admin, a rep, a manager (a rep with reports) and an admin of another tenant.</summary>
public class AdminAuthorizationMatrixTests
{
    private const string Manager = "manager-a";

    public static TheoryData<string, string, string?> Endpoints => new()
    {
        { "GET", "/api/admin/pipeline", null },
        { "PUT", "/api/admin/pipeline", "{}" },
        { "GET", "/api/admin/people", null },
        { "PATCH", $"/api/admin/people/{AddinHost.RepA}", """{"team":"East"}""" },
        { "POST", "/api/admin/people/reassign", $$"""{"fromObjectId":"{{AddinHost.RepA}}","toObjectId":"{{Manager}}"}""" },
        { "POST", "/api/admin/people/import", "email,team,manager email\n" },
        { "POST", "/api/admin/people/sync", null },
        { "GET", "/api/admin/quotas?period=2027-Q1", null },
        { "PUT", "/api/admin/quotas", "[]" },
        { "GET", "/api/admin/nurture", null },
        { "PUT", "/api/admin/nurture", "{}" },
        { "POST", "/api/admin/nurture/preview", """{"step":{"day":0,"kind":"email","subject":{"en":"Hi {{ contact }}"},"body":{"en":"x"}}}""" },
        { "GET", "/api/admin/audit", null },
        { "GET", "/api/admin/free-mail", null },
        { "PUT", "/api/admin/free-mail", """{"extra":["mail.local-isp.cn"],"notFreeMail":[]}""" },
        { "GET", "/api/admin/products", null },
        { "PUT", "/api/admin/products", "[]" },
        { "POST", "/api/admin/products/import", "code,name,USD\nPRO,Pro licence,100\n" },
        { "GET", "/api/admin/quote-settings", null },
        { "PUT", "/api/admin/quote-settings", """{"discountApprovalThreshold":10,"taxRatePercent":0}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task OnlyAnAdminOfTheTenantGetsIn(string method, string url, string? body)
    {
        await using var host = await AddinHost.StartAsync();
        await PlaceAsync(host);

        var rep = await SendAsync(host.RepClient(acceptLanguage: "zh-CN"), method, url, body);
        var manager = await SendAsync(host.RepClient(objectId: Manager), method, url, body);
        var admin = await SendAsync(host.AdminClient(), method, url, body);

        Assert.Equal(HttpStatusCode.Forbidden, rep.StatusCode);
        var problem = await rep.ReadJsonAsync();
        Assert.Equal("admin_required", problem.GetProperty("code").GetString());
        Assert.Contains("管理员", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, manager.StatusCode);
        Assert.True(admin.IsSuccessStatusCode || admin.StatusCode == HttpStatusCode.UnprocessableEntity, $"{method} {url}: {admin.StatusCode} {await admin.Content.ReadAsStringAsync()}");
        Assert.NotEqual(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task AnAdminOfAnotherTenantNeitherSeesNorChangesThisTenantsPeople()
    {
        await using var host = await AddinHost.StartAsync();
        await PlaceAsync(host);
        var outsider = host.AdminClient(tenantId: AddinHost.TenantB, objectId: "admin-b");

        var people = await (await outsider.GetAsync("/api/admin/people")).ReadJsonAsync();
        var patch = await SendAsync(outsider, "PATCH", $"/api/admin/people/{AddinHost.RepA}", """{"team":"Stolen"}""");
        var quotas = await SendAsync(outsider, "PUT", "/api/admin/quotas", $$"""[{"ownerObjectId":"{{AddinHost.RepA}}","period":"2027-Q1","amount":1,"currency":"USD"}]""");

        Assert.Equal(["admin-b"], people.EnumerateArray().Select(p => p.GetProperty("objectId").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, quotas.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal("East", (await db.Users.SingleAsync(u => u.ObjectId == AddinHost.RepA)).Team);
        await using var other = host.Db.Database.Open(AddinHost.TenantB);
        Assert.Empty(await other.Quotas.ToListAsync());
    }

    /// <summary>The rep, their manager, and one admin call so each exists; the rep reports to the manager in team East.</summary>
    internal static async Task PlaceAsync(AddinHost host)
    {
        await host.RepClient().GetAsync("/api/opportunities?mine=true");
        await host.RepClient(objectId: Manager).GetAsync("/api/opportunities?mine=true");
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        (await db.Users.SingleAsync(u => u.ObjectId == AddinHost.RepA)).PlaceInTeam("East", Manager);
        (await db.Users.SingleAsync(u => u.ObjectId == Manager)).PlaceInTeam("East", null);
        await db.SaveChangesAsync();
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, url.EndsWith("/import", StringComparison.Ordinal) ? "text/csv" : "application/json");
        return client.SendAsync(request);
    }
}

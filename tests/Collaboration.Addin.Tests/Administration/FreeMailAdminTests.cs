using System.Net;
using System.Text.Json;
using Collaboration.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Administration;

/// <summary>The free-mail overrides: saved on the tenant (so capture uses them), audited, and refused by entry when bad or too many.</summary>
public class FreeMailAdminTests
{
    [Fact]
    public async Task SavedOverridesChangeWhatTheTenantCountsAsFreeMailAndAreAuditedWithBeforeAndAfter()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();

        var saved = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/free-mail",
            """{"extra":["@Mail.Local-ISP.cn.","mail.local-isp.cn"],"notFreeMail":["163.com"]}""");
        var read = await (await admin.GetAsync("/api/admin/free-mail")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["mail.local-isp.cn"], read.GetProperty("extra").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["163.com"], read.GetProperty("notFreeMail").EnumerateArray().Select(d => d.GetString()));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var tenant = await db.Tenants.SingleAsync();
        Assert.True(tenant.IsFreeMail("mail.local-isp.cn"));
        Assert.False(tenant.IsFreeMail("163.com"));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "free-mail.change");
        Assert.DoesNotContain("163.com", audit.Before);
        Assert.Contains("163.com", audit.After);
    }

    [Fact]
    public async Task ABadDomainIsRefusedNamingTheEntryInTheCallersLanguageAndNothingIsSaved()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient(acceptLanguage: "zh-CN");
        await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/free-mail", """{"extra":["kept.example"],"notFreeMail":[]}""");
        var tooLong = new string('a', 60) + "." + new string('b', 300) + ".com";

        var response = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/free-mail",
            JsonSerializer.Serialize(new { extra = new[] { "ok.example", "not a domain", tooLong }, notFreeMail = new[] { "<script>.cn" } }));
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("not a domain", errors.GetProperty("extra[1]")[0].GetString());
        Assert.Contains("不是有效的域名", errors.GetProperty("extra[1]")[0].GetString());
        Assert.True(errors.TryGetProperty("extra[2]", out _));
        Assert.True(errors.TryGetProperty("notFreeMail[0]", out _));
        Assert.False(errors.TryGetProperty("extra[0]", out _));
        var read = await (await admin.GetAsync("/api/admin/free-mail")).ReadJsonAsync();
        Assert.Equal(["kept.example"], read.GetProperty("extra").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task MoreDomainsThanTheLimitAreRefusedWithoutSavingAny()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();
        var many = Enumerable.Range(0, Tenant.MaxFreeMailOverrides + 1).Select(i => $"d{i}.example").ToArray();

        var response = await AdminAuthorizationMatrixTests.SendAsync(admin, "PUT", "/api/admin/free-mail",
            JsonSerializer.Serialize(new { extra = many, notFreeMail = Array.Empty<string>() }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("extra", out _));
        var read = await (await admin.GetAsync("/api/admin/free-mail")).ReadJsonAsync();
        Assert.Empty(read.GetProperty("extra").EnumerateArray());
    }
}

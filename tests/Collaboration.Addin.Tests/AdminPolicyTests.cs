using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Collaboration.Application.Access;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

/// <summary>Who is an admin (<see cref="AdminPolicy"/>), seen through the admin endpoints, and what they do is audited.</summary>
public class AdminPolicyTests
{
    [Fact]
    public async Task ADevelopmentRepWithoutTheAdminRoleGets403()
    {
        await using var host = await AddinHost.StartAsync();

        var create = await host.RepClient().PostJsonAsync("/api/admin/forms", new { name = "Contact us", allowedOrigins = new[] { WebFormTests.Site } });
        var rules = await host.RepClient().GetAsync("/api/admin/assignment-rules");
        var defaultRep = await host.Client().GetAsync("/api/admin/forms");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rules.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, defaultRep.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Empty(await db.WebForms.ToListAsync());
    }

    [Fact]
    public async Task TheDevelopmentRoleHeaderMakesAnAdmin()
    {
        await using var host = await AddinHost.StartAsync();

        var create = await host.AdminClient().PostJsonAsync("/api/admin/forms", new { name = "Contact us", allowedOrigins = new[] { WebFormTests.Site } });

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
    }

    [Fact]
    public async Task TheAppRoleInATokenMakesAnAdminAndIsStoredForTheBotUntilATokenComesWithoutIt()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        HttpClient As(string token)
        {
            var client = host.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        var withRole = await As(issuer.Token(objectId: "entra-admin", roles: [AdminPolicy.AppRole])).GetAsync("/api/admin/forms");
        var storedWhileHeld = await IsAdminAsync(host, "entra-admin");
        var oldRoleName = await As(issuer.Token(objectId: "entra-other", roles: ["Collaboration.Admin"])).GetAsync("/api/admin/forms");
        var withoutRole = await As(issuer.Token(objectId: "entra-admin")).GetAsync("/api/admin/forms");

        Assert.Equal(HttpStatusCode.OK, withRole.StatusCode);
        Assert.True(storedWhileHeld);
        Assert.Equal(HttpStatusCode.Forbidden, oldRoleName.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutRole.StatusCode);
        Assert.False(await IsAdminAsync(host, "entra-admin"));
        await using var db = host.Db.Database.Open(LocalOpenIdIssuer.TenantId);
        var audit = await db.AuditEntries.Where(a => a.ActorObjectId == "entra-admin").OrderBy(a => a.At).ToListAsync();
        Assert.Equal(["user.admin-from-role", "user.admin-from-role"], audit.Select(a => a.Action));
        Assert.Contains("\"isAdmin\":true", audit[0].After);
        Assert.Contains("\"isAdmin\":false", audit[1].After);
    }

    [Fact]
    public async Task AnAdminFlagSetByAnAdminSurvivesTokensWithoutTheRole()
    {
        await using var host = await AddinHost.StartAsync();
        await host.RepClient().GetAsync("/api/opportunities?mine=true");
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == AddinHost.RepA)).SetAdmin(true);
            await db.SaveChangesAsync();
        }

        var first = await host.RepClient().GetAsync("/api/admin/forms");
        var again = await host.RepClient().GetAsync("/api/admin/forms");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await IsAdminAsync(host, AddinHost.RepA, AddinHost.TenantA));
    }

    [Fact]
    public async Task ABootstrapObjectIdIsAnAdminOfItsTenantWithoutTheRole()
    {
        await using var host = await AddinHost.StartAsync(settings: new Dictionary<string, string?> { ["Admin:BootstrapObjectIds:0"] = "first-admin" });

        var bootstrap = await host.RepClient(objectId: "first-admin").GetAsync("/api/admin/forms");
        var someoneElse = await host.RepClient(objectId: "someone-else").GetAsync("/api/admin/forms");

        Assert.Equal(HttpStatusCode.OK, bootstrap.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
    }

    [Fact]
    public async Task EveryAdminActionIsWrittenToTheAuditLogWithWhoWhenBeforeAndAfter()
    {
        await using var host = await AddinHost.StartAsync();
        var admin = host.AdminClient();

        var created = await (await admin.PostJsonAsync("/api/admin/forms", new { name = "Contact us", allowedOrigins = new[] { WebFormTests.Site } })).ReadJsonAsync();
        var key = created.GetProperty("key").GetString()!;
        await admin.DeleteAsync($"/api/admin/forms/{key}");
        await admin.PutAsJsonAsync("/api/admin/assignment-rules", new object[] { new { kind = "accountOwner" } }, Json.Options);

        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var audit = await db.AuditEntries.Where(a => a.Action != "user.admin-from-role").OrderBy(a => a.At).ThenBy(a => a.Action).ToListAsync();
        Assert.Equal(["web-form.create", "web-form.revoke", "assignment-rules.replace"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(AddinHost.RepA, a.ActorObjectId));
        Assert.All(audit, a => Assert.True(a.At > DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Null(audit[0].Before);
        Assert.Contains(key, audit[0].After);
        Assert.Contains("\"revokedAt\":null", audit[1].Before);
        Assert.DoesNotContain("\"revokedAt\":null", audit[1].After);
        Assert.Equal("[]", audit[2].Before);
        Assert.Contains("AccountOwner", audit[2].After);
    }

    private static async Task<bool> IsAdminAsync(AddinHost host, string objectId, string tenantId = LocalOpenIdIssuer.TenantId)
    {
        await using var db = host.Db.Database.Open(tenantId);
        return (await db.Users.AsNoTracking().SingleAsync(u => u.ObjectId == objectId)).IsAdmin;
    }
}

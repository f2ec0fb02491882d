using System.Net;
using System.Net.Http.Headers;
using Collaboration.Application.Access;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

/// <summary><c>GET /api/me</c>: the one call that tells the dashboard who is signed in and whether they are an admin.</summary>
public class MeEndpointTests
{
    [Fact]
    public async Task ARepIsNotAnAdminAndTheRoleHeaderOrTheStoredFlagMakesOneInTheirTenantOnly()
    {
        await using var host = await AddinHost.StartAsync();

        var rep = await (await host.RepClient(objectId: "rep-1").GetAsync("/api/me")).ReadJsonAsync();
        var withRole = await (await host.AdminClient(objectId: "rep-2").GetAsync("/api/me")).ReadJsonAsync();
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == "rep-1")).SetAdmin(true);
            await db.SaveChangesAsync();
        }
        var flagged = await (await host.RepClient(objectId: "rep-1").GetAsync("/api/me")).ReadJsonAsync();
        var elsewhere = await (await host.RepClient(tenantId: AddinHost.TenantB, objectId: "rep-1").GetAsync("/api/me")).ReadJsonAsync();

        Assert.Equal(("rep-1", "Rep rep-1", false, "en-US"),
            (rep.GetProperty("objectId").GetString(), rep.GetProperty("displayName").GetString(), rep.GetProperty("isAdmin").GetBoolean(), rep.GetProperty("locale").GetString()));
        Assert.True(withRole.GetProperty("isAdmin").GetBoolean());
        Assert.True(flagged.GetProperty("isAdmin").GetBoolean());
        Assert.False(elsewhere.GetProperty("isAdmin").GetBoolean());
    }

    [Fact]
    public async Task WithEntraTheAppRoleInTheTokenMakesAnAdminAndNoTokenIs401()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        async Task<HttpResponseMessage> MeAsync(string? token)
        {
            var client = host.Client();
            if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.GetAsync("/api/me");
        }

        var admin = await (await MeAsync(issuer.Token(objectId: "entra-admin", roles: [AdminPolicy.AppRole]))).ReadJsonAsync();
        var rep = await (await MeAsync(issuer.Token(objectId: "entra-rep"))).ReadJsonAsync();
        var anonymous = await MeAsync(null);

        Assert.Equal(("entra-admin", true), (admin.GetProperty("objectId").GetString(), admin.GetProperty("isAdmin").GetBoolean()));
        Assert.False(rep.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesMe()
    {
        await using var host = await AddinHost.StartAsync();

        var document = await (await host.Client().GetAsync("/openapi/v1.json")).ReadJsonAsync();

        Assert.True(document.GetProperty("paths").GetProperty("/api/me").TryGetProperty("get", out _));
    }
}

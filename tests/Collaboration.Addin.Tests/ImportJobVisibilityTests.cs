using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

/// <summary>An import job shows its file name, counts and rejected rows (names and emails): its uploader's and admins' business only.</summary>
public class ImportJobVisibilityTests
{
    [Fact]
    public async Task AnotherRepCannotReadMyImportJobButAnAdminCan()
    {
        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var host = await AddinHost.StartAsync(settings: issuer.AzureAdSettings());
        HttpClient SignedIn(string objectId)
        {
            var client = host.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Token(objectId: objectId));
            return client;
        }
        var uploader = SignedIn("entra-uploader");
        var colleague = SignedIn("entra-colleague");
        var admin = SignedIn("entra-admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/opportunities?mine=true")).StatusCode);
        await using (var db = host.Db.Database.Open(LocalOpenIdIssuer.TenantId))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == "entra-admin")).SetAdmin(true);
            await db.SaveChangesAsync();
        }
        var csv = Encoding.UTF8.GetBytes("email,name\nmia@proseware.example,Mia\nnot-an-email,Secret Person\n");

        var job = await ImportTests.ImportAsync(uploader, csv, "vip-dinner.csv", "VIP dinner");
        var byColleague = await colleague.GetAsync($"/api/imports/{job.GetProperty("id").GetGuid()}");
        var byAdmin = await admin.GetAsync($"/api/imports/{job.GetProperty("id").GetGuid()}");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, byColleague.StatusCode);
        Assert.DoesNotContain("vip-dinner", await byColleague.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal("vip-dinner.csv", (await byAdmin.ReadJsonAsync()).GetProperty("fileName").GetString());
    }
}

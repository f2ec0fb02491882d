using System.Net;
using System.Net.Http.Json;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class AssignmentRuleEndpointTests
{
    private static async Task SeedUsersAsync(AddinHost host, params (string ObjectId, string? Team)[] users)
    {
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        foreach (var (objectId, team) in users)
        {
            var user = new User(AddinHost.TenantA, objectId, objectId, $"{objectId}@seller.example");
            user.PlaceInTeam(team, null);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task AnAdminReplacesAndListsTheOrderedRules()
    {
        await using var host = await AddinHost.StartAsync();
        await SeedUsersAsync(host, ("rep-cn", null), ("inside-1", "inside"));
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            db.AssignmentRules.Add(AssignmentRule.AccountOwner(AddinHost.TenantA, 1));
            await db.SaveChangesAsync();
        }
        var client = host.AdminClient();

        var put = await client.PutAsJsonAsync("/api/admin/assignment-rules", new object[]
        {
            new { kind = "territory", country = "cn", assigneeObjectId = "rep-cn" },
            new { kind = "roundRobin", team = "inside" },
            new { kind = "accountOwner" },
        }, Json.Options);
        var list = await (await client.GetAsync("/api/admin/assignment-rules")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["territory", "roundRobin", "accountOwner"], list.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("CN", list[0].GetProperty("country").GetString());
        Assert.Equal("rep-cn", list[0].GetProperty("assigneeObjectId").GetString());
        Assert.Equal("inside", list[1].GetProperty("team").GetString());
        await using (var db = host.Db.Database.Open(AddinHost.TenantA))
        {
            Assert.Equal([1, 2, 3], await db.AssignmentRules.OrderBy(r => r.Position).Select(r => r.Position).ToListAsync());
        }

        var cleared = await client.PutAsJsonAsync("/api/admin/assignment-rules", Array.Empty<object>(), Json.Options);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty((await cleared.ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task UnknownRepsTeamsAndIncompleteRulesAreRefusedWith422AndChangeNothing()
    {
        await using var host = await AddinHost.StartAsync();
        await SeedUsersAsync(host, ("rep-cn", null), ("inside-1", "inside"));
        var client = host.AdminClient();
        await client.PutAsJsonAsync("/api/admin/assignment-rules", new object[] { new { kind = "accountOwner" } }, Json.Options);

        var unknownRep = await client.PutAsJsonAsync("/api/admin/assignment-rules", new object[]
        {
            new { kind = "accountOwner" },
            new { kind = "territory", emailDomainSuffix = ".de", assigneeObjectId = "nobody" },
        }, Json.Options);
        var unknownTeam = await client.PutAsJsonAsync("/api/admin/assignment-rules", new object[] { new { kind = "roundRobin", team = "ghosts" } }, Json.Options);
        var chinese = host.AdminClient(acceptLanguage: "zh-CN");
        var unknownTeamZh = await chinese.PutAsJsonAsync("/api/admin/assignment-rules", new object[] { new { kind = "roundRobin", team = "ghosts" } }, Json.Options);
        var noTerritory = await client.PutAsJsonAsync("/api/admin/assignment-rules", new object[] { new { kind = "territory", assigneeObjectId = "rep-cn" } }, Json.Options);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownRep.StatusCode);
        var problem = await unknownRep.ReadJsonAsync();
        Assert.Equal("unknown_rep", problem.GetProperty("code").GetString());
        Assert.Equal("Rule 2: \"nobody\" is not a rep of this tenant.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownTeam.StatusCode);
        Assert.Equal("unknown_team", (await unknownTeam.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal("规则 1：本租户没有属于“ghosts”团队的销售代表。", (await unknownTeamZh.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTerritory.StatusCode);
        Assert.Equal("invalid_rule", (await noTerritory.ReadJsonAsync()).GetProperty("code").GetString());
        var list = await (await client.GetAsync("/api/admin/assignment-rules")).ReadJsonAsync();
        Assert.Equal(["accountOwner"], list.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
    }
}

using System.Net;
using Collaboration.Domain.Assignment;
using Collaboration.Domain.Users;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests;

public class AssignmentTests
{
    private static async Task SeedAsync(AddinHost host, IEnumerable<AssignmentRule> rules, params (string ObjectId, string? Team)[] users)
    {
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        foreach (var (objectId, team) in users)
        {
            var user = new User(AddinHost.TenantA, objectId, objectId, $"{objectId}@seller.example");
            user.PlaceInTeam(team, null);
            db.Users.Add(user);
        }
        db.AssignmentRules.AddRange(rules);
        await db.SaveChangesAsync();
    }

    private static Task<HttpResponseMessage> SubmitAsync(AddinHost host, string key, string email, string? country = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/capture/forms/{key}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["country"] = country ?? "" }),
        };
        // A visitor of the site the form was made for (a form with an origin list refuses posts without Origin).
        request.Headers.Add("Origin", WebFormTests.Site);
        return host.Client().SendAsync(request);
    }

    [Fact]
    public async Task RoundRobinServesTheTeamEvenlyUnderTwentyConcurrentCapturesOnPostgres()
    {
        await using var host = await AddinHost.StartAsync(DatabaseKind.Postgres, new Dictionary<string, string?> { ["CaptureForms:PerIpPerMinute"] = "1000" });
        var key = await WebFormTests.CreateFormAsync(host);
        await SeedAsync(host, [AssignmentRule.RoundRobin(AddinHost.TenantA, 1, "inside")],
            ("inside-1", "inside"), ("inside-2", "inside"), ("inside-3", "inside"), ("inside-4", "inside"), ("outside", "field"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SubmitAsync(host, key, $"lead{i}@company{i}.example")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var owners = await db.Opportunities.GroupBy(o => o.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(["inside-1", "inside-2", "inside-3", "inside-4"], owners.Select(o => o.Key).Order());
        Assert.All(owners, o => Assert.Equal(5, o.Count));
        Assert.Equal(20, (await db.RoundRobinCursors.SingleAsync()).Counter);
        var notified = await db.Outbox.Where(m => m.Type == "OwnerAssigned").CountAsync();
        Assert.Equal(20, notified);
    }

    [Fact]
    public async Task TerritoryThenAccountOwnerThenRoundRobinDecideInOrder()
    {
        await using var host = await AddinHost.StartAsync();
        var key = await WebFormTests.CreateFormAsync(host);
        await SeedAsync(host,
        [
            AssignmentRule.Territory(AddinHost.TenantA, 1, "rep-cn", country: "cn"),
            AssignmentRule.Territory(AddinHost.TenantA, 2, "rep-de", emailDomainSuffix: ".de"),
            AssignmentRule.AccountOwner(AddinHost.TenantA, 3),
            AssignmentRule.RoundRobin(AddinHost.TenantA, 4, "inside"),
        ], ("rep-cn", null), ("rep-de", null), ("inside-1", "inside"), ("inside-2", "inside"));

        await SubmitAsync(host, key, "wang@shanghai.example", "CN");
        await SubmitAsync(host, key, "hans@firma.de");
        await SubmitAsync(host, key, "first@contoso.example");
        await SubmitAsync(host, key, "second@contoso.example");
        await SubmitAsync(host, key, "other@fabrikam.example");

        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        async Task<string> OwnerOf(string email) =>
            (await db.Opportunities.Join(db.Contacts, o => o.PrimaryContactId, c => c.Id, (o, c) => new { o.OwnerId, c.Email }).SingleAsync(x => x.Email == email)).OwnerId;
        Assert.Equal("rep-cn", await OwnerOf("wang@shanghai.example"));
        Assert.Equal("rep-de", await OwnerOf("hans@firma.de"));
        Assert.Equal("inside-1", await OwnerOf("first@contoso.example"));
        Assert.Equal("inside-1", await OwnerOf("second@contoso.example")); // the account's owner keeps it
        Assert.Equal("inside-2", await OwnerOf("other@fabrikam.example"));
    }

    [Fact]
    public void TerritoryMatchesASuffixOnLabelBoundariesOnly()
    {
        var rule = AssignmentRule.Territory("t", 1, "rep", emailDomainSuffix: "contoso.cn");

        Assert.True(rule.MatchesTerritory(new AssignmentCandidate("a@contoso.cn", null, null)));
        Assert.True(rule.MatchesTerritory(new AssignmentCandidate("a@bj.contoso.cn", null, null)));
        Assert.False(rule.MatchesTerritory(new AssignmentCandidate("a@notcontoso.cn", null, null)));
        Assert.False(rule.MatchesTerritory(new AssignmentCandidate(null, "CN", null)));
    }
}

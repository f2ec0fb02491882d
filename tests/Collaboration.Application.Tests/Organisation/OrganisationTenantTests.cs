using Collaboration.Application.Access;
using Collaboration.Application.Organisation;
using Collaboration.Domain.Common;
using Collaboration.Domain.Users;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Organisation;

/// <summary>Where someone stands in the organisation, from their own tenant only.</summary>
public class OrganisationTenantTests
{
    [Fact]
    public async Task ARepSeesTheirManagerActiveTeammatesAndReportsOfTheirOwnTenantOnly()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            var boss = new User(CrmTestHost.TenantA, "boss", "Boss", null);
            var ann = new User(CrmTestHost.TenantA, "ann", "Ann", null);
            var bob = new User(CrmTestHost.TenantA, "bob", "Bob", null);
            var cy = new User(CrmTestHost.TenantA, "cy", "Cy", null);
            ann.PlaceInTeam("East", "boss");
            bob.PlaceInTeam("East", "ann");
            cy.PlaceInTeam("East", "boss");
            cy.SetActive(false);
            db.Users.AddRange(boss, ann, bob, cy);
            await db.SaveChangesAsync();
        }
        await using (var other = host.Db.Database.Open(CrmTestHost.TenantB))
        {
            var stranger = new User(CrmTestHost.TenantB, "zed", "Zed", null);
            stranger.PlaceInTeam("East", "ann");
            other.Users.Add(stranger);
            await other.SaveChangesAsync();
        }
        // The one organisation reader: the bot's "my team" and "who is my manager" use it.
        var organisation = new OrganisationPlaces(host.Db.Database, new AdminOptions());

        var place = await organisation.PlaceAsync(new Actor(CrmTestHost.TenantA, "ann", ChangeSurface.Teams));
        var nobody = await organisation.PlaceAsync(new Actor(CrmTestHost.TenantA, "nobody", ChangeSurface.Teams));

        Assert.Equal("boss", place.Manager!.ObjectId);
        Assert.Equal(["bob"], place.Teammates.Select(p => p.ObjectId));
        Assert.Equal(["bob"], place.Reports.Select(r => r.Person.ObjectId));
        Assert.Equal(2, place.TeamSize);
        Assert.Equal((null, null, 0, 0), (nobody.Manager, nobody.Me.Team, nobody.Teammates.Count, nobody.Reports.Count));
    }
}

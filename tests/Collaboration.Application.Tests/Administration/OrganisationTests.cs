using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Collaboration.Domain.Users;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Administration;

public class OrganisationTests
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
        var organisation = new Collaboration.Application.Administration.Organisation(host.Db.Database);

        var view = await organisation.OfAsync(new Actor(CrmTestHost.TenantA, "ann", ChangeSurface.Teams));

        Assert.Equal("boss", view!.Manager!.ObjectId);
        Assert.Equal(["bob"], view.Teammates.Select(p => p.ObjectId));
        Assert.Equal(["bob"], view.DirectReports.Select(p => p.ObjectId));
        Assert.Null(await organisation.OfAsync(new Actor(CrmTestHost.TenantA, "nobody", ChangeSurface.Teams)));
    }
}

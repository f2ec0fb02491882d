using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// Every deal card shows its newest timeline entries by name: the names of their authors come with the rows, so a
/// card reads its history and its touches in two statements on SQLite and in one on PostgreSQL (a UNION of the two,
/// where each statement is a round trip), not three; the other people an entry names (the owners of an owner change)
/// are still read, by name.
/// </summary>
public class TimelineNameTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ATimelineNamesItsAuthorsFromTheRowsItReadsAndReadsOnlyTheOtherPeopleItNames(DatabaseKind kind)
    {
        // Listening before the host starts: EF Core caches for a while that nobody listens to its commands.
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var ann = await RepAsync(host, "aad-ann", "Ann Lee");
        var bob = await RepAsync(host, "aad-bob", "Bob Wu");
        var deal = await host.Deals.CaptureAsync(ann, new CaptureRequest("Contoso renewal") { Amount = 5000m });
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Deals.LogInteractionAsync(ann, deal.Id, new InteractionInput(InteractionKind.Call, "Budget confirmed"));
        var timeline = new DealTimeline(host.Db.Database, host.Clock);
        var detail = await host.Queries.DetailAsync(ann, deal.Id, 20);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA)) commands.RecordOn(db.Database.GetDbConnection());

        var entries = await timeline.ForAsync(ann, detail, 20);
        var ran = commands.Stop();

        Assert.Contains(entries, e => e.Kind == TimelineKind.Interaction);
        Assert.Contains(entries, e => e.Kind == TimelineKind.Stage);
        Assert.All(entries, e => Assert.Equal("Ann Lee", e.Who));
        Assert.Equal(kind == DatabaseKind.Postgres ? 1 : 2, ran.Count);

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Deals.AssignOwnerAsync(ann, deal.Id, null, "aad-bob");
        var handedOver = await timeline.ForAsync(bob, deal.Id, 20);

        var ownerChange = Assert.Single(handedOver, e => e.Field == "owner" && e.NewValue == "aad-bob");
        Assert.Equal("Ann Lee", ownerChange.Who);
        Assert.Contains("Ann Lee → Bob Wu", ownerChange.Summary, StringComparison.Ordinal);
    }

    private static async Task<Actor> RepAsync(CrmTestHost host, string objectId, string displayName)
    {
        await host.Users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, objectId, displayName, $"{objectId}@example.com", "en-US", "UTC"));
        return new Actor(CrmTestHost.TenantA, objectId, ChangeSurface.Teams);
    }
}

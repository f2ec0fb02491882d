using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Testing;

/// <summary>The real use cases over a <see cref="TestDatabase"/>, with a clock the test controls.</summary>
public sealed class CrmTestHost : IAsyncDisposable
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private CrmTestHost(TestDatabase database)
    {
        Db = database;
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        Parties = new PartyMatcher(database.Database);
        Deals = new OpportunityService(database.Database, Parties, Clock);
        Queries = new OpportunityQueries(database.Database, Clock);
        Users = new UserDirectory(database.Database, Clock);
    }

    public TestDatabase Db { get; }
    public FakeTimeProvider Clock { get; }
    public PartyMatcher Parties { get; }
    public OpportunityService Deals { get; }
    public OpportunityQueries Queries { get; }
    public UserDirectory Users { get; }

    public static async Task<CrmTestHost> StartAsync(DatabaseKind kind) => new(await TestDatabase.CreateAsync(kind));

    public async Task<Actor> RepAsync(string objectId, string tenantId = TenantA, string? team = null, string? manager = null, ChangeSurface surface = ChangeSurface.Teams)
    {
        await Users.EnsureAsync(new UserProfile(tenantId, objectId, objectId, $"{objectId}@example.com", "en-US", "UTC"));
        if (team is not null || manager is not null)
        {
            await using var db = Db.Database.Open(tenantId);
            var user = db.Users.Single(u => u.ObjectId == objectId);
            user.PlaceInTeam(team, manager);
            await db.SaveChangesAsync();
        }
        return new Actor(tenantId, objectId, surface);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Interactions;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A rep's deal list and a deal's timeline show as many rows as asked, in their order (on SQLite they read with a
/// constant LIMIT and stop at the caller's).
/// </summary>
public class ListLimitTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task MyDealsAndTheTimelineShowAsManyAsAskedHottestAndNewestFirst(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-limits");
        var deals = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            deals.Add((await host.Deals.CaptureAsync(rep, new CaptureRequest($"Deal {i}") { CloseDate = new DateOnly(2027, 1, 10 - i) })).Id);
        }
        for (var i = 0; i < 4; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Deals.LogInteractionAsync(rep, deals[0], new InteractionInput(InteractionKind.Call, $"Call {i}", Direction.Outbound));
        }

        var three = await host.Queries.MyOpenDealsAsync(rep, 3);
        var all = await host.Queries.MyOpenDealsAsync(rep, 500);
        var none = await host.Queries.MyOpenDealsAsync(rep, 0);
        var timeline = await new DealTimeline(host.Db.Database, host.Clock).ForAsync(rep, deals[0], 2);

        // Equal scores: the nearest close date first, which is the last deal captured.
        Assert.Equal(["Deal 4", "Deal 3", "Deal 2"], three.Select(d => d.Name));
        Assert.Equal(5, all.Count);
        Assert.Empty(none);
        Assert.Equal(["Call: Call 3", "Call: Call 2"], timeline.Select(e => e.Summary));
    }
}

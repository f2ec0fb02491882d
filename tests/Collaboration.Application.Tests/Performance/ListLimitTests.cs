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

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ATimelineOfInterleavedChangesAndTouchesShowsTheNewestOfBothInOrderAtAnyLimit(DatabaseKind kind)
    {
        // On PostgreSQL the history and the touches are one statement (a UNION of each one's newest rows): the card must
        // still show the newest of both together, each kind cut at the limit before they are merged.
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-interleaved");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Interleaved") { Amount = 1_000m });
        for (var i = 0; i < 6; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Deals.LogInteractionAsync(rep, deal.Id, new InteractionInput(InteractionKind.Call, $"Call {i}", Direction.Outbound));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Deals.UpdateDetailsAsync(rep, deal.Id, null, new OpportunityService.DealDetailsUpdate(NextStep: $"Step {i}"));
        }
        var timeline = new DealTimeline(host.Db.Database, host.Clock);

        var everything = await timeline.ForAsync(rep, deal.Id, 200);
        var five = await timeline.ForAsync(rep, deal.Id, 5);
        var one = await timeline.ForAsync(rep, deal.Id, 1);

        Assert.Equal(6, everything.Count(e => e.Kind == TimelineKind.Interaction));
        Assert.Equal(6, everything.Count(e => e.Field == "nextStep"));
        Assert.Equal(everything.OrderByDescending(e => e.At).Select(e => e.At), everything.Select(e => e.At));
        Assert.Equal(everything.Take(5).Select(e => e.Summary), five.Select(e => e.Summary));
        Assert.Equal(["Next step: Step 4 → Step 5", "Call: Call 5", "Next step: Step 3 → Step 4", "Call: Call 4", "Next step: Step 2 → Step 3"],
            five.Select(e => e.Summary));
        Assert.Equal("Next step: Step 4 → Step 5", Assert.Single(one).Summary);
    }
}

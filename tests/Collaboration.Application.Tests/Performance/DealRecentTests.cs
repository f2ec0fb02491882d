using Collaboration.Application.Capture;
using Collaboration.Application.Contracts;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Interactions;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// Every deal card, after every change, shows the deal's newest timeline entries and its payments and deliveries: they
/// are read in one unit of work (on SQLite a unit of work that starts after another's commit reads its pages again).
/// </summary>
public class DealRecentTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ACardsTimelineAndMilestonesAreReadInOneUnitOfWork(DatabaseKind kind)
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-1");
        var contracts = new ContractService(host.Db.Database, host.Clock);
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Signed deal") { Amount = 50_000m });
        await host.Deals.LogInteractionAsync(rep, deal.Id, new InteractionInput(InteractionKind.Call, "Budget confirmed"));
        await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Delivery, "Go-live", null, null, new DateOnly(2027, 3, 1)));
        await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, "Deposit", 25_000m, null, new DateOnly(2027, 1, 15)));
        // One already paid, and one past its due date: the card marks the overdue one.
        var paid = await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, "Kick-off fee", 1_250.5m, "EUR", new DateOnly(2026, 10, 1)));
        await contracts.MarkDoneAsync(rep, deal.Id, paid.Id);
        await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Delivery, "Pilot", null, null, new DateOnly(2026, 11, 1)));
        var detail = await host.Queries.DetailAsync(rep, deal.Id, 20);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA)) commands.RecordOn(db.Database.GetDbConnection());

        var recent = await new DealTimeline(host.Db.Database, host.Clock).RecentAsync(rep, detail, 5);
        var ran = commands.Stop();

        Assert.Contains(recent.Timeline, e => e.Kind == TimelineKind.Interaction && e.Summary.Contains("Budget confirmed", StringComparison.Ordinal));
        Assert.Contains(recent.Timeline, e => e.Kind == TimelineKind.Stage);
        Assert.Equal(["Kick-off fee", "Pilot", "Deposit", "Go-live"], recent.Milestones.Select(m => m.Description));
        // Every value as the milestones' own read gives it (kind, amounts, currency, dates, overdue).
        Assert.Equal(await contracts.MilestonesAsync(rep, deal.Id), recent.Milestones);
        Assert.Equal([false, true, false, false], recent.Milestones.Select(m => m.Overdue));
        Assert.NotNull(recent.Milestones[0].PaidOn);
        // History, touches and milestones; on PostgreSQL history and touches are one statement.
        Assert.Equal(kind == DatabaseKind.Postgres ? 2 : 3, ran.Count);
        Assert.Single(ran.Select(c => c.UnitOfWork).Distinct());
    }
}

using Collaboration.Application.Capture;
using Collaboration.Application.Contracts;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Notifications;

/// <summary>Overdue payments and deliveries in the owner's daily digest, on a fake clock, won deals included.</summary>
public class MilestoneReminderTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Databases))]
    public async Task AnOverduePaymentOfAWonDealIsInTheDigestFromTheDayAfterItIsDueUntilItIsPaid(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep", timeZone: "Asia/Shanghai");
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Contoso") { Amount = 100_000m });
        await host.Crm.Deals.CloseWonAsync(rep, deal.Id, null, null, new DateOnly(2027, 1, 4), overrideReason: "signed");
        var contracts = new ContractService(host.Crm.Db.Database, host.Crm.Clock);
        var payment = await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, null, 30_000m, null, new DateOnly(2027, 1, 6)));
        var delivery = await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Delivery, "Licences", null, null, new DateOnly(2027, 1, 8)));

        // Paid on the 9th at 10:00 Shanghai time (02:00 UTC), after that day's digest.
        var actions = new Dictionary<DateTimeOffset, Func<Task>> { [new DateTimeOffset(2027, 1, 9, 2, 0, 0, TimeSpan.Zero)] = () => contracts.MarkDoneAsync(rep, deal.Id, payment.Id) };
        while (host.Crm.Clock.GetUtcNow() <= Start.AddDays(8))
        {
            await host.Nurture.RunAsync();
            if (actions.GetValueOrDefault(host.Crm.Clock.GetUtcNow()) is { } action) await action();
            host.Crm.Clock.Advance(TimeSpan.FromHours(1));
        }

        var byDay = (await host.DeliveriesAsync()).Where(d => d.Kind == NotificationKind.Digest)
            .ToDictionary(d => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(d.CreatedAt, LocalClock.Zone("Asia/Shanghai")).DateTime),
                d => DeliveryPayload.Deserialize(d.Payload).Reminders.Where(r => r.Rule == ReminderRule.MilestoneOverdue).ToList());
        IEnumerable<DateOnly> DaysWith(Guid milestone) => byDay.Where(d => d.Value.Any(r => r.MilestoneId == milestone)).Select(d => d.Key).Order();

        Assert.Equal([new(2027, 1, 7), new(2027, 1, 8), new(2027, 1, 9)], DaysWith(payment.Id));
        Assert.Equal([new(2027, 1, 9), new(2027, 1, 10), new(2027, 1, 11), new(2027, 1, 12)], DaysWith(delivery.Id));
        var reminder = byDay[new DateOnly(2027, 1, 9)].Single(r => r.MilestoneId == payment.Id);
        Assert.Equal((deal.Id, new DateOnly(2027, 1, 6)), (reminder.OpportunityId, reminder.DueOn));
        Assert.StartsWith("payment:30000:", reminder.Detail);
        Assert.NotNull(reminder.OpportunityVersion);
        Assert.DoesNotContain(payment.Id, (await host.NurtureService.DueAsync(rep)).Select(r => r.MilestoneId));
        Assert.Contains(delivery.Id, (await host.NurtureService.DueAsync(rep)).Select(r => r.MilestoneId));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ASnoozedOrLostDealsOverdueMilestoneIsNotInTheRemindersAndTheRuleCanBeTurnedOff(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep");
        var contracts = new ContractService(host.Crm.Db.Database, host.Crm.Clock);
        var snoozed = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Snoozed") { Amount = 10_000m });
        var lost = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Lost") { Amount = 10_000m });
        var open = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Open") { Amount = 10_000m });
        foreach (var deal in new[] { snoozed, lost, open })
        {
            await contracts.AddMilestoneAsync(rep, deal.Id, new MilestoneRequest(MilestoneKind.Payment, null, 5_000m, null, new DateOnly(2027, 1, 2)));
        }
        await host.Crm.Deals.CloseLostAsync(rep, lost.Id, null, "price", null);
        await host.NurtureService.SnoozeAsync(rep, snoozed.Id, ReminderRule.MilestoneOverdue, SnoozeLength.Week);

        var due = (await host.NurtureService.DueAsync(rep)).Where(r => r.Rule == ReminderRule.MilestoneOverdue).Select(r => r.OpportunityName);

        Assert.Equal(["Open"], due);
        Assert.Empty(ReminderEvaluator.For(new Milestone("tenant-a", open.Id, MilestoneKind.Delivery, null, null, null, new DateOnly(2027, 1, 2),
            new Domain.Common.ChangeContext("rep", Domain.Common.ChangeSurface.Teams, Start)), open, NurtureRules.Default with { RemindMilestoneOverdue = false }, new DateOnly(2027, 1, 4)));
    }
}

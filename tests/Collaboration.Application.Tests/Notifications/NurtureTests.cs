using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;

namespace Collaboration.Application.Tests.Notifications;

public class NurtureTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Databases))]
    public async Task EachRepGetsOneDigestADayAtEightInTheirOwnTimeZone(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        host.Crm.Clock.SetUtcNow(Start);
        var li = await host.UserAsync("li", timeZone: "Asia/Shanghai");
        var sam = await host.UserAsync("sam", timeZone: "America/Los_Angeles");
        await host.Crm.Deals.CaptureAsync(li, new CaptureRequest("Li's lead"));
        await host.Crm.Deals.CaptureAsync(sam, new CaptureRequest("Sam's lead"));

        await RunHourlyAsync(host, Start.AddDays(7));

        var digests = (await host.DeliveriesAsync()).Where(d => d.Kind == NotificationKind.Digest).ToList();
        // New goes stale after 3 days, at 09:00 UTC on the 29th: 17:00 in Shanghai, 01:00 in Los Angeles.
        var liDigests = digests.Where(d => d.Recipient == "li").Select(d => d.CreatedAt).ToList();
        var samDigests = digests.Where(d => d.Recipient == "sam").Select(d => d.CreatedAt).ToList();
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), liDigests[0]);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), samDigests[0]);
        Assert.All(liDigests, at => Assert.Equal(8, TimeZoneInfo.ConvertTime(at, LocalClock.Zone("Asia/Shanghai")).Hour));
        Assert.All(samDigests, at => Assert.Equal(8, TimeZoneInfo.ConvertTime(at, LocalClock.Zone("America/Los_Angeles")).Hour));
        Assert.Equal(liDigests.Count, liDigests.Select(at => at.Date).Distinct().Count());
        Assert.Equal(4, liDigests.Count);
        Assert.Equal(4, samDigests.Count);

        var message = DeliveryPayload.Deserialize(digests[0].Payload);
        var reminder = Assert.Single(message.Reminders);
        Assert.Equal((ReminderRule.Untouched, new DateOnly(2026, 11, 29), "new"), (reminder.Rule, reminder.DueOn, reminder.Detail));

        await host.SendUntilIdleAsync();
        Assert.Equal(digests.Count, host.Recorded.Sent.Count);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AMonthOfReminderRulesOnAFakeClockRemindsOnTheRightDays(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep");
        var fresh = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Fresh lead"));
        var touched = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Touched lead"));
        var qualifying = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Qualifying"));
        await host.Crm.Deals.MoveStageAsync(rep, qualifying.Id, null, Stage.Qualify);
        var late = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Late close") { CloseDate = new DateOnly(2026, 12, 5) });
        var nurturing = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Nurturing"));
        await host.Crm.Deals.MoveStageAsync(rep, nurturing.Id, null, Stage.Nurture, overrideReason: "long-term prospect");
        await host.Crm.Deals.UpdateDetailsAsync(rep, nurturing.Id, null,
            new OpportunityService.DealDetailsUpdate(NextStep: "Check budget cycle", NextFollowUpOn: new DateOnly(2026, 12, 10)));
        var enrolment = await host.NurtureService.EnrolAsync(rep, nurturing.Id, "standard");

        var actions = new Dictionary<DateTimeOffset, Func<Task>>
        {
            [At(11, 27, 10)] = () => host.NurtureService.CompleteStepAsync(rep, enrolment.Id),
            [At(11, 28, 9)] = () => host.Crm.Deals.LogInteractionAsync(rep, touched.Id, new InteractionInput(InteractionKind.Call, "Spoke to buyer")),
            [At(12, 2, 10)] = async () =>
            {
                await host.NurtureService.SnoozeAsync(rep, fresh.Id, ReminderRule.Untouched, SnoozeLength.Week);
                await host.NurtureService.SnoozeAsync(rep, touched.Id, ReminderRule.Untouched, SnoozeLength.Day);
            },
            [At(12, 4, 10)] = () => host.NurtureService.CompleteStepAsync(rep, enrolment.Id),
        };
        await RunHourlyAsync(host, Start.AddDays(31), actions);

        var byDay = (await host.DeliveriesAsync()).Where(d => d.Kind == NotificationKind.Digest)
            .ToDictionary(d => DateOnly.FromDateTime(d.CreatedAt.UtcDateTime),
                d => DeliveryPayload.Deserialize(d.Payload).Reminders.Select(r => $"{r.OpportunityName}/{r.Rule}").ToHashSet());
        HashSet<string> On(int month, int day) => byDay.GetValueOrDefault(new DateOnly(2026, month, day)) ?? [];
        IEnumerable<DateOnly> DaysWith(string reminder) => byDay.Where(d => d.Value.Contains(reminder)).Select(d => d.Key).Order();

        Assert.Equal(["Nurturing/PlanStep"], On(11, 26));
        Assert.Equal(new DateOnly(2026, 11, 30), DaysWith("Fresh lead/Untouched").First());
        Assert.Equal(new DateOnly(2026, 12, 2), DaysWith("Touched lead/Untouched").First());
        Assert.Equal(new DateOnly(2026, 12, 2), DaysWith("Qualifying/QualificationIncomplete").First());
        Assert.Equal(new DateOnly(2026, 12, 4), DaysWith("Qualifying/Untouched").First());
        Assert.Equal(new DateOnly(2026, 12, 6), DaysWith("Late close/CloseDatePassed").First());
        Assert.Equal(new DateOnly(2026, 12, 10), DaysWith("Nurturing/FollowUpDue").First());
        Assert.Equal(new DateOnly(2026, 12, 27), DaysWith("Nurturing/Untouched").First());

        // Snoozed on 2 Dec after the digest: a week for the fresh lead, a day for the touched one.
        Assert.DoesNotContain(DaysWith("Fresh lead/Untouched"), d => d > new DateOnly(2026, 12, 2) && d < new DateOnly(2026, 12, 10));
        Assert.Contains(new DateOnly(2026, 12, 10), DaysWith("Fresh lead/Untouched"));
        Assert.DoesNotContain(new DateOnly(2026, 12, 3), DaysWith("Touched lead/Untouched"));
        Assert.Contains(new DateOnly(2026, 12, 4), DaysWith("Touched lead/Untouched"));

        // The plan: the brochure is due from day 0 until done after the digest of day 1, the call from day 7 until
        // done after the digest of 4 Dec, the case study from day 21.
        Assert.Equal(
            [new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 17)],
            DaysWith("Nurturing/PlanStep").Take(5));
        Assert.DoesNotContain(DaysWith("Nurturing/PlanStep"), d => d > new DateOnly(2026, 12, 4) && d < new DateOnly(2026, 12, 17));

        Assert.True(byDay.Count <= 31, "at most one digest a day");
    }

    [Fact]
    public async Task ADigestWrittenDuringQuietHoursWaitsForThemToEndAndDigestTimeIsTheRepsChoice()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        host.Crm.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var early = await host.UserAsync("early", timeZone: "Europe/Berlin");
        var late = await host.UserAsync("late", timeZone: "Europe/Berlin");
        await host.Preferences.SetQuietHoursAsync(early, new TimeOnly(6, 0), new TimeOnly(9, 30));
        await host.Preferences.SetDigestTimeAsync(late, new TimeOnly(10, 0));
        await host.Crm.Deals.CaptureAsync(early, new CaptureRequest("Early's lead") { CloseDate = new DateOnly(2026, 11, 1) });
        await host.Crm.Deals.CaptureAsync(late, new CaptureRequest("Late's lead") { CloseDate = new DateOnly(2026, 11, 1) });

        await RunHourlyAsync(host, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var digests = (await host.DeliveriesAsync()).ToDictionary(d => d.Recipient);
        // Berlin is UTC+1 in November: 08:00 local is 07:00 UTC, quiet until 09:30 local = 08:30 UTC; 10:00 local is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 7, 0, 0, TimeSpan.Zero), digests["early"].CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), digests["early"].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), digests["late"].CreatedAt);
    }

    [Fact]
    public async Task TheTenantsDigestTimeServesRepsWhoChoseNoneOfTheirOwn()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        host.Crm.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var plain = await host.UserAsync("plain", timeZone: "Europe/Berlin");
        var own = await host.UserAsync("own", timeZone: "Europe/Berlin");
        await host.Preferences.SetDigestTimeAsync(own, new TimeOnly(10, 0));
        await host.NurtureService.ChangeRulesAsync(CrmTestHost.TenantA, NurtureRules.Default with { DigestAt = new TimeOnly(11, 30) });
        await host.Crm.Deals.CaptureAsync(plain, new CaptureRequest("Plain's lead") { CloseDate = new DateOnly(2026, 11, 1) });
        await host.Crm.Deals.CaptureAsync(own, new CaptureRequest("Own's lead") { CloseDate = new DateOnly(2026, 11, 1) });

        await RunHourlyAsync(host, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

        var digests = (await host.DeliveriesAsync()).ToDictionary(d => d.Recipient);
        // Berlin is UTC+1: 11:30 local is 10:30 UTC, found at the 11:00 UTC run; 10:00 local is 09:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero), digests["plain"].CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), digests["own"].CreatedAt);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ATenantsOwnRulesReplaceTheShippedOnes(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep");
        await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Hot lead") { CloseDate = new DateOnly(2026, 11, 1) });
        await host.NurtureService.ChangeRulesAsync(CrmTestHost.TenantA, NurtureRules.Default with
        {
            UntouchedDays = new Dictionary<Stage, int> { [Stage.New] = 1 },
            RemindCloseDatePassed = false,
        });

        host.Crm.Clock.Advance(TimeSpan.FromDays(1));
        var due = await host.NurtureService.DueAsync(rep);

        Assert.Equal([ReminderRule.Untouched], due.Select(r => r.Rule));
        await host.NurtureService.ChangeRulesAsync(CrmTestHost.TenantA, NurtureRules.Default);
        Assert.Equal([ReminderRule.CloseDatePassed], (await host.NurtureService.DueAsync(rep)).Select(r => r.Rule));
    }

    [Fact]
    public async Task WhatIsDueNowLeavesOutSnoozedRemindersUntilTheSnoozeEnds()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        host.Crm.Clock.SetUtcNow(Start);
        var rep = await host.UserAsync("rep");
        var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest("Quiet lead") { CloseDate = new DateOnly(2026, 11, 20) });

        var due = await host.NurtureService.DueAsync(rep);
        Assert.Equal([ReminderRule.CloseDatePassed], due.Select(r => r.Rule));

        await host.NurtureService.SnoozeAsync(rep, deal.Id, ReminderRule.CloseDatePassed, SnoozeLength.Day);
        Assert.Empty(await host.NurtureService.DueAsync(rep));
        host.Crm.Clock.Advance(TimeSpan.FromHours(23));
        Assert.DoesNotContain(await host.NurtureService.DueAsync(rep), r => r.Rule == ReminderRule.CloseDatePassed);
        host.Crm.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Contains(await host.NurtureService.DueAsync(rep), r => r.Rule == ReminderRule.CloseDatePassed);
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task RunHourlyAsync(NotificationTestHost host, DateTimeOffset until, Dictionary<DateTimeOffset, Func<Task>>? actions = null)
    {
        while (host.Crm.Clock.GetUtcNow() <= until)
        {
            await host.Nurture.RunAsync();
            if (actions?.GetValueOrDefault(host.Crm.Clock.GetUtcNow()) is { } action) await action();
            host.Crm.Clock.Advance(TimeSpan.FromHours(1));
        }
    }
}

using Collaboration.Application.Notifications;
using Collaboration.Application.Reports;
using Collaboration.Domain.Notifications;
using Collaboration.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collaboration.Application.Tests.Notifications;

public class WeeklyDigestSchedulerTests
{
    [Fact]
    public async Task EachManagerGetsOneDigestDeliveryAtTheirOwnMondayMorningThroughTheDeliveryPipeline()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var clock = host.Crm.Clock; // Thursday 2026-11-26 09:00 UTC
        await host.UserAsync("boss", timeZone: "Asia/Shanghai", locale: "zh-CN");
        await host.UserAsync("ann", manager: "boss");
        await host.UserAsync("max", timeZone: "America/New_York");
        await host.UserAsync("bob", manager: "max");
        var db = host.Crm.Db.Database;
        var scheduler = new WeeklyDigestScheduler(db, new WeeklyDigestComposer(new PipelineReports(db, clock), new AttainmentReports(db, clock), db), new ReportAudience(db), clock,
            NullLogger<WeeklyDigestScheduler>.Instance);

        // Last Monday's run is days ago: not sent late.
        Assert.Equal(0, await scheduler.RunAsync());

        var shanghai = WeeklyDigestSchedule.NextRunAfter(clock.GetUtcNow(), "Asia/Shanghai");
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), shanghai);
        clock.SetUtcNow(shanghai - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await scheduler.RunAsync());
        clock.SetUtcNow(shanghai);
        Assert.Equal(1, await scheduler.RunAsync());
        Assert.Equal(0, await scheduler.RunAsync());

        clock.SetUtcNow(WeeklyDigestSchedule.NextRunAfter(shanghai, "America/New_York"));
        Assert.Equal(1, await scheduler.RunAsync());
        Assert.Equal(0, await scheduler.RunAsync());

        var deliveries = await host.DeliveriesAsync();
        Assert.Equal(["boss", "max"], deliveries.Select(d => d.Recipient));
        Assert.All(deliveries, d => Assert.Equal((NotificationKind.WeeklyDigest, "weekly:2026-11-23"), (d.Kind, d.SourceKey)));
        var message = DeliveryPayload.Deserialize(deliveries[0].Payload);
        Assert.Equal("zh-CN", message.Locale);
        var content = WeeklyDigestDelivery.Read(message.Content)!;
        Assert.Equal(("boss", new DateOnly(2026, 11, 23)), (content.Digest.ManagerId, content.Digest.WeekStart));
        Assert.Contains("ann", content.Names.Keys);

        Assert.Equal(2, await host.SendUntilIdleAsync());
        Assert.Equal(["boss", "max"], host.Recorded.Sent.Select(s => s.Notification.Recipient).Order());
    }

    [Fact]
    public async Task AnAdminWhoTurnedTheWeeklyDigestOffStopsItForTheirTenant()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var clock = host.Crm.Clock;
        await host.UserAsync("boss", timeZone: "Asia/Shanghai");
        await host.UserAsync("ann", manager: "boss");
        var db = host.Crm.Db.Database;
        await new Collaboration.Application.Administration.NurtureAdministration(db, clock).ChangeAsync(new Actor(CrmTestHost.TenantA, "admin", Domain.Common.ChangeSurface.Api),
            Domain.Nurture.NurtureRules.Default with { WeeklyDigest = false });
        var scheduler = new WeeklyDigestScheduler(db, new WeeklyDigestComposer(new PipelineReports(db, clock), new AttainmentReports(db, clock), db), new ReportAudience(db), clock,
            NullLogger<WeeklyDigestScheduler>.Instance);

        clock.SetUtcNow(WeeklyDigestSchedule.NextRunAfter(clock.GetUtcNow(), "Asia/Shanghai"));

        Assert.Equal(0, await scheduler.RunAsync());
        Assert.Empty(await host.DeliveriesAsync());
    }
}

using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Notifications;

public class OutboxDispatchTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task OwnerHearsOfAStageChangeSomeoneElseMadeButNotOfTheirOwn(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var alice = await host.UserAsync("alice", locale: "zh-CN", team: "east", manager: "boss");
        var boss = await host.UserAsync("boss", team: "east");
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Contoso rollout"));
        await host.Crm.Deals.MoveStageAsync(alice, deal.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(boss.Via(ChangeSurface.Outlook), deal.Id, null, Stage.New);

        await host.Dispatcher.DrainAsync();

        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal((RecipientKind.User, "alice", NotificationKind.StageChanged), (delivery.RecipientKind, delivery.Recipient, delivery.Kind));
        var message = DeliveryPayload.Deserialize(delivery.Payload);
        Assert.Equal((Stage.Qualify, Stage.New), (message.FromStage, message.ToStage));
        Assert.Equal(("boss", "BOSS", ChangeSurface.Outlook, "zh-CN"), (message.ActorId, message.ActorName, message.Surface, message.Locale));
        Assert.Equal(deal.Id, message.OpportunityId);
        Assert.Equal("Contoso rollout", message.OpportunityName);

        await host.Sender.SendDueAsync();
        var sent = Assert.Single(host.Recorded.Sent);
        Assert.Equal("alice", sent.Notification.Recipient);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await host.DeliveriesAsync()).Status);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task EachDeliveryNamesTheDealVersionItsChangeProduced(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var boss = await host.UserAsync("boss", team: "east");
        await host.UserAsync("alice", team: "east", manager: "boss");
        var deal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Fabrikam") { OwnerObjectId = "alice" });
        var qualify = (await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify)).Deal;
        var back = (await host.Crm.Deals.MoveStageAsync(boss, deal.Id, qualify.Version, Stage.New)).Deal;

        await host.Dispatcher.DrainAsync();

        var versions = (await host.DeliveriesAsync()).Select(d => DeliveryPayload.Deserialize(d.Payload))
            .Select(m => (m.Kind, m.ToStage, m.OpportunityVersion)).ToList();
        Assert.Equal(
        [
            (NotificationKind.OwnerAssigned, null, 1),
            (NotificationKind.StageChanged, Stage.Qualify, qualify.Version),
            (NotificationKind.StageChanged, Stage.New, back.Version),
        ], versions);
        Assert.Equal((2, 3), (qualify.Version, back.Version));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task NewOwnerHearsOfAnAssignmentBySomeoneElse(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var boss = await host.UserAsync("boss", team: "east");
        await host.UserAsync("alice", team: "east", manager: "boss");
        var deal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Fabrikam"));
        await host.Crm.Deals.AssignOwnerAsync(boss, deal.Id, null, "alice");

        await host.Dispatcher.DrainAsync();

        var delivery = Assert.Single(await host.DeliveriesAsync());
        Assert.Equal(("alice", NotificationKind.OwnerAssigned), (delivery.Recipient, delivery.Kind));
        Assert.Equal("boss", DeliveryPayload.Deserialize(delivery.Payload).PreviousOwnerId);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ChannelsGetOneMessagePerChangeTheirFilterMatches(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        // Channels are subscribed by a manager, who sees both reps' deals.
        var head = await host.UserAsync("head", team: "east");
        var east = await host.UserAsync("east-rep", team: "east", manager: "head");
        var west = await host.UserAsync("west-rep", team: "west", manager: "head");
        await host.Preferences.SubscribeAsync(head, "channel-wins", SubscriptionFilter.WonDeals);
        await host.Preferences.SubscribeAsync(head, "channel-all", SubscriptionFilter.AllStageChanges);
        await host.Preferences.SubscribeAsync(head, "channel-east", SubscriptionFilter.MyTeam);
        await host.Preferences.SubscribeAsync(head, "channel-east", SubscriptionFilter.MyTeam);
        var eastDeal = await host.Crm.Deals.CaptureAsync(east, new CaptureRequest("East deal") { Amount = 5_000m, CloseDate = new DateOnly(2026, 12, 1) });
        var westDeal = await host.Crm.Deals.CaptureAsync(west, new CaptureRequest("West deal"));
        await host.Crm.Deals.MoveStageAsync(east, eastDeal.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(west, westDeal.Id, null, Stage.Qualify);
        await host.Crm.Deals.CloseWonAsync(east, eastDeal.Id, null, null, null, overrideReason: "signed early");

        await host.Dispatcher.DrainAsync();

        var deliveries = await host.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal(RecipientKind.Conversation, d.RecipientKind));
        Assert.Equal(3, deliveries.Count(d => d.Recipient == "channel-all"));
        Assert.Equal(2, deliveries.Count(d => d.Recipient == "channel-east"));
        var win = Assert.Single(deliveries, d => d.Recipient == "channel-wins");
        Assert.Equal(NotificationKind.DealWon, win.Kind);
        var message = DeliveryPayload.Deserialize(win.Payload);
        Assert.Equal((5_000m, "USD", SubscriptionFilter.WonDeals), (message.Amount, message.Currency, message.Subscription));
    }

    [Fact]
    public async Task ATeamSubscriptionNeedsATeam()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var loner = await host.UserAsync("loner");
        await host.UserAsync("report", manager: "loner");

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Preferences.SubscribeAsync(loner, "channel", SubscriptionFilter.MyTeam));

        Assert.Equal("team_required", error.Error.Code);
        var named = await host.Preferences.SubscribeAsync(loner, "channel", SubscriptionFilter.MyTeam, team: "east");
        Assert.Equal("east", named.Team);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AMutedDealSendsNothingToTheRepWhoMutedIt(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var alice = await host.UserAsync("alice", team: "east", manager: "boss");
        var boss = await host.UserAsync("boss", team: "east");
        await host.Preferences.SubscribeAsync(boss, "channel-all", SubscriptionFilter.AllStageChanges);
        var muted = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Muted"));
        var loud = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Loud"));
        await host.Preferences.MuteAsync(alice, muted.Id);
        await host.Preferences.MuteAsync(alice, muted.Id);

        await host.Crm.Deals.MoveStageAsync(boss, muted.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(boss, loud.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();

        var deliveries = await host.DeliveriesAsync();
        var toAlice = Assert.Single(deliveries, d => d.Recipient == "alice");
        Assert.Equal(loud.Id, DeliveryPayload.Deserialize(toAlice.Payload).OpportunityId);
        Assert.Equal(2, deliveries.Count(d => d.Recipient == "channel-all"));

        await host.Preferences.UnmuteAsync(alice, muted.Id);
        await host.Crm.Deals.MoveStageAsync(boss, muted.Id, null, Stage.New);
        await host.Dispatcher.DrainAsync();
        Assert.Equal(2, (await host.DeliveriesAsync()).Count(d => d.Recipient == "alice"));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task QuietHoursHoldANotificationUntilTheyEndInTheRecipientsOwnTimeZone(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        // 13:00 UTC is 21:00 in Shanghai (quiet from 20:00 to 07:00) and 08:00 in New York (quiet from 22:00 to 06:00).
        host.Crm.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero));
        var shanghai = await host.UserAsync("li", timeZone: "Asia/Shanghai", manager: "boss");
        var newYork = await host.UserAsync("sam", timeZone: "America/New_York", manager: "boss");
        var boss = await host.UserAsync("boss");
        await host.Preferences.SetQuietHoursAsync(shanghai, new TimeOnly(20, 0), new TimeOnly(7, 0));
        await host.Preferences.SetQuietHoursAsync(newYork, new TimeOnly(22, 0), new TimeOnly(6, 0));
        var liDeal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Li's deal") { OwnerObjectId = "li" });
        var samDeal = await host.Crm.Deals.CaptureAsync(boss, new CaptureRequest("Sam's deal") { OwnerObjectId = "sam" });
        await host.Crm.Deals.MoveStageAsync(boss, liDeal.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(boss, samDeal.Id, null, Stage.Qualify);

        await host.Dispatcher.DrainAsync();
        await host.Sender.SendDueAsync();

        Assert.Equal(2, host.Recorded.To("sam").Count);
        Assert.Empty(host.Recorded.To("li"));
        var held = (await host.DeliveriesAsync()).Where(d => d.Recipient == "li").ToList();
        Assert.Equal(2, held.Count);
        var sevenInShanghai = new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero);
        Assert.All(held, d => Assert.Equal(sevenInShanghai, d.DueAt));

        host.Crm.Clock.SetUtcNow(sevenInShanghai.AddMinutes(-1));
        await host.Sender.SendDueAsync();
        Assert.Empty(host.Recorded.To("li"));

        host.Crm.Clock.SetUtcNow(sevenInShanghai);
        await host.Sender.SendDueAsync();
        Assert.Equal(2, host.Recorded.To("li").Count);
        Assert.All(await host.DeliveriesAsync(), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ProcessingTheSameOutboxRowsAgainAfterACrashMakesNoSecondDelivery(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var alice = await host.UserAsync("alice", manager: "boss");
        var boss = await host.UserAsync("boss");
        await host.Preferences.SubscribeAsync(boss, "channel-all", SubscriptionFilter.AllStageChanges);
        var deal = await host.Crm.Deals.CaptureAsync(alice, new CaptureRequest("Crash test"));
        for (var i = 0; i < 5; i++)
        {
            await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, i % 2 == 0 ? Stage.Qualify : Stage.New);
        }
        await host.Dispatcher.DrainAsync();
        var first = await host.DeliveriesAsync();
        Assert.Equal(10, first.Count);

        // The state a crash between writing deliveries and marking the outbox would leave: rows pending again.
        await using (var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA))
        {
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTimeOffset?)null));
        }
        await host.NewDispatcher().DrainAsync();
        await host.Dispatcher.DrainAsync();

        var second = await host.DeliveriesAsync();
        Assert.Equal(first.Select(d => (d.Id, d.SourceKey, d.Recipient)), second.Select(d => (d.Id, d.SourceKey, d.Recipient)));
        await using var check = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal(0, await check.Outbox.CountAsync(m => m.ProcessedAt == null));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task EachTenantsEventsBecomeDeliveriesOfThatTenantOnly(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        foreach (var tenant in new[] { CrmTestHost.TenantA, CrmTestHost.TenantB })
        {
            var rep = await host.UserAsync("rep", manager: "boss", tenantId: tenant);
            var boss = await host.UserAsync("boss", tenantId: tenant);
            var deal = await host.Crm.Deals.CaptureAsync(rep, new CaptureRequest($"Deal of {tenant}"));
            await host.Crm.Deals.MoveStageAsync(boss, deal.Id, null, Stage.Qualify);
        }

        await host.Dispatcher.DrainAsync();
        await host.Sender.SendDueAsync();

        foreach (var tenant in new[] { CrmTestHost.TenantA, CrmTestHost.TenantB })
        {
            var delivery = Assert.Single(await host.DeliveriesAsync(tenant));
            Assert.Equal(tenant, delivery.TenantId);
            Assert.Equal($"Deal of {tenant}", DeliveryPayload.Deserialize(delivery.Payload).OpportunityName);
        }
        Assert.Equal(2, host.Recorded.Sent.Count);
    }
}

using Collaboration.Application.Capture;
using Collaboration.Application.Conversations;
using Collaboration.Application.Notifications;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Notifications;

/// <summary>A subscription never tells a conversation about a deal its subscriber may not see.</summary>
public class SubscriptionVisibilityTests
{
    private const string SalesChannel = "19:sales@thread.tacv2";

    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    [Theory, MemberData(nameof(Databases))]
    public async Task ARepSubscribedToAllStageChangesNoLongerReceivesAnotherRepsInvisibleDeal(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var alice = await host.UserAsync("alice", team: "east");
        var carol = await host.UserAsync("carol", team: "east");
        var bob = await host.UserAsync("bob", team: "west");
        var alicesChat = await PersonalChatAsync(host, "alice");
        await host.Preferences.SubscribeAsync(alice, alicesChat, SubscriptionFilter.AllStageChanges);
        await host.Preferences.SubscribeAsync(alice, alicesChat, SubscriptionFilter.WonDeals);
        var secret = await host.Crm.Deals.CaptureAsync(bob, new CaptureRequest("Bob's secret merger") { Amount = 987_654m, CloseDate = new DateOnly(2026, 12, 1) });
        await host.Crm.Deals.MoveStageAsync(bob, secret.Id, null, Stage.Qualify);
        await host.Crm.Deals.CloseWonAsync(bob, secret.Id, null, null, null, overrideReason: "signed");
        var teamDeal = await host.Crm.Deals.CaptureAsync(carol, new CaptureRequest("Carol's rollout"));
        await host.Crm.Deals.MoveStageAsync(carol, teamDeal.Id, null, Stage.Qualify);

        await host.Dispatcher.DrainAsync();
        await host.SendUntilIdleAsync();

        var heard = host.Recorded.To(alicesChat);
        Assert.NotEmpty(heard);
        Assert.All(heard, n => Assert.Equal(teamDeal.Id, n.Message.OpportunityId));
        Assert.DoesNotContain(await host.DeliveriesAsync(), d => d.Payload.Contains("secret merger", StringComparison.Ordinal) || d.Payload.Contains("987654", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARepCannotSubscribeAChannel()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.UserAsync("rep", team: "east");

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Preferences.SubscribeAsync(rep, SalesChannel, SubscriptionFilter.AllStageChanges));

        Assert.Equal("channel_subscription_managers_only", error.Error.Code);
        Assert.Contains("admin or a manager", error.Error.Describe("en-US"), StringComparison.Ordinal);
        Assert.Contains("管理员或经理", error.Error.Describe("zh-CN"), StringComparison.Ordinal);
        Assert.Empty(await SubscriptionsAsync(host));
    }

    [Fact]
    public async Task ARepCannotRemoveAChannelsSubscriptions()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var mia = await host.UserAsync("mia");
        var rep = await host.UserAsync("rep", manager: "mia");
        await host.Preferences.SubscribeAsync(mia, SalesChannel, SubscriptionFilter.WonDeals);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Preferences.UnsubscribeAsync(rep, SalesChannel));

        Assert.Equal("channel_subscription_managers_only", error.Error.Code);
        Assert.Single(await SubscriptionsAsync(host));
        Assert.Equal(1, await host.Preferences.UnsubscribeAsync(mia, SalesChannel));
    }

    [Fact]
    public async Task ARepCannotSubscribeAnotherRepsPersonalChat()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.UserAsync("rep");
        await host.UserAsync("victim");
        var victimsChat = await PersonalChatAsync(host, "victim");

        var error = await Assert.ThrowsAsync<DomainException>(() => host.Preferences.SubscribeAsync(rep, victimsChat, SubscriptionFilter.WonDeals));

        Assert.Equal("channel_subscription_managers_only", error.Error.Code);
        Assert.Empty(await SubscriptionsAsync(host));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task AManagerCanSubscribeAChannelAndItHearsOnlyOfTheirTeamsDeals(DatabaseKind kind)
    {
        await using var host = await NotificationTestHost.StartAsync(kind);
        var mia = await host.UserAsync("mia");
        var report = await host.UserAsync("report", manager: "mia");
        var outsider = await host.UserAsync("outsider", team: "west");
        await host.Preferences.SubscribeAsync(mia, SalesChannel, SubscriptionFilter.AllStageChanges);
        var teamDeal = await host.Crm.Deals.CaptureAsync(report, new CaptureRequest("Report's deal"));
        var otherDeal = await host.Crm.Deals.CaptureAsync(outsider, new CaptureRequest("Outsider's deal") { Amount = 50_000m });
        await host.Crm.Deals.MoveStageAsync(report, teamDeal.Id, null, Stage.Qualify);
        await host.Crm.Deals.MoveStageAsync(outsider, otherDeal.Id, null, Stage.Qualify);

        await host.Dispatcher.DrainAsync();
        await host.SendUntilIdleAsync();

        var heard = Assert.Single(host.Recorded.To(SalesChannel));
        Assert.Equal(("Report's deal", SubscriptionFilter.AllStageChanges), (heard.Message.OpportunityName, heard.Message.Subscription));
    }

    [Fact]
    public async Task AnAdminCanSubscribeAChannel()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var admin = await host.UserAsync("admin");
        await using (var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == "admin")).SetAdmin(true);
            await db.SaveChangesAsync();
        }

        var subscription = await host.Preferences.SubscribeAsync(admin, SalesChannel, SubscriptionFilter.WonDeals);

        Assert.Equal(("admin", SalesChannel), (subscription.CreatedBy, subscription.ConversationKey));
    }

    [Fact]
    public async Task AChannelStopsHearingOfADealOnceItsSubscriberMayNoLongerSeeIt()
    {
        await using var host = await NotificationTestHost.StartAsync(DatabaseKind.Sqlite);
        var mia = await host.UserAsync("mia");
        var report = await host.UserAsync("report", manager: "mia");
        await host.UserAsync("other-manager");
        await host.Preferences.SubscribeAsync(mia, SalesChannel, SubscriptionFilter.AllStageChanges);
        var deal = await host.Crm.Deals.CaptureAsync(report, new CaptureRequest("Moving on"));
        await host.Crm.Deals.MoveStageAsync(report, deal.Id, null, Stage.Qualify);
        await host.Dispatcher.DrainAsync();
        Assert.Single(await host.DeliveriesAsync(), d => d.Recipient == SalesChannel);

        await host.UserAsync("report", manager: "other-manager");
        await host.Crm.Deals.MoveStageAsync(report, deal.Id, null, Stage.New);
        await host.Dispatcher.DrainAsync();

        Assert.Single(await host.DeliveriesAsync(), d => d.Recipient == SalesChannel);
    }

    private static async Task<string> PersonalChatAsync(NotificationTestHost host, string objectId)
    {
        var conversationId = $"a:personal-{objectId}";
        await new ConversationDirectory(host.Crm.Db.Database, host.Crm.Clock).RememberAsync(CrmTestHost.TenantA, conversationId,
            new ConversationAddress("https://smba.trafficmanager.net/emea/", "msteams", "personal", objectId, null, "28:bot", "en-US"));
        return conversationId;
    }

    private static async Task<List<Subscription>> SubscriptionsAsync(NotificationTestHost host)
    {
        await using var db = host.Crm.Db.Database.Open(CrmTestHost.TenantA);
        return await db.Subscriptions.AsNoTracking().ToListAsync();
    }
}

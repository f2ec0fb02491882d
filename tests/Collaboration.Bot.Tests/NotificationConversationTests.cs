using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Bot.Tests;

/// <summary>Notifications and reminders through the real bot host: its dispatcher, sender, Teams channel and card actions.</summary>
public sealed class NotificationConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private const string Channel = "19:sales-channel@thread.tacv2";

    [Fact]
    public async Task ATeammatesStageChangeReachesTheOwnerAsACardAndTheOwnersOwnChangeSendsNothing()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Alpha 10k");
        await host.SayAsync(Alex, "new deal Bravo 20k");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", Alex.ObjectId, Megan.ObjectId);

        await host.SayAsync(Alex, "advance alpha");
        var before = host.Connector.Requests.Count;
        Assert.Equal(0, await PumpAsync(host));
        Assert.Equal(before, host.Connector.Requests.Count);

        await host.SayAsync(Megan, "advance bravo");
        before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));

        var request = Assert.Single(host.RequestsSince(before));
        Assert.Contains("/v3/conversations/" + Uri.EscapeDataString(Alex.ConversationId) + "/activities", request.RawTarget);
        var card = BotConversationHost.CardOf(request)!;
        var text = CardReader.Text(card);
        Assert.Contains("Bravo", text);
        Assert.Contains("Megan Bowen", text);
        Assert.Contains("Teams", text);
        Assert.Contains(PipelineSettings.Default.For(Stage.New).DisplayName("en-US") + " → " + PipelineSettings.Default.For(Stage.Qualify).DisplayName("en-US"), text);
        Assert.True(CardReader.HasAction(card, CardVerbs.Show));
        Assert.True(CardReader.HasAction(card, NotifyVerbs.Mute));
        Assert.True(CardReader.HasAction(card, NotifyVerbs.MoveStage));

        // "Log a touch" on the notification answers with the fresh deal card.
        var touched = await host.ClickAsync(Alex, CardReader.Action(card, NotifyVerbs.Touch));
        Assert.Contains("Touch logged on Bravo", CardReader.Text(touched.Card));
        Assert.True(CardReader.HasAction(touched.Card, CardVerbs.Advance));

        // "Mute this deal" on the card: Megan's next change of Bravo is not delivered to Alex.
        var muted = await host.ClickAsync(Alex, CardReader.Action(card, NotifyVerbs.Mute));
        Assert.Equal(HttpStatusCode.OK, muted.Status);
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Single(await db.Mutes.Where(m => m.UserObjectId == Alex.ObjectId).ToListAsync());
        }
    }

    [Fact]
    public async Task AChineseOwnerGetsTheCardInChinese()
    {
        var li = new TestUser("aad-li", "李雷", Locale: "zh-CN");
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(li, "新商机 华为项目 10万");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", li.ObjectId, Megan.ObjectId);
        await host.SayAsync(Megan, "advance 华为");
        var before = host.Connector.Requests.Count;

        Assert.Equal(1, await PumpAsync(host));

        var text = CardReader.Text(BotConversationHost.CardOf(Assert.Single(host.RequestsSince(before)))!);
        Assert.Contains("Megan Bowen 推进了您的商机", text);
        Assert.Contains(PipelineSettings.Default.For(Stage.Qualify).DisplayName("zh-Hans"), text);
        Assert.Contains("打开商机", text);
    }

    [Fact]
    public async Task AConversationTeamsBlocksIsDeactivatedAndLaterNotificationsAreParkedWithoutACall()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Alpha 10k");
        await host.SayAsync(Alex, "new deal Bravo 10k");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", Alex.ObjectId, Megan.ObjectId);
        host.Connector.Respond = r => r.RawTarget.Contains("personal-aad-alex", StringComparison.Ordinal) && r.Method == "POST" && r.Body.Contains("Alpha", StringComparison.Ordinal)
            ? Microsoft.AspNetCore.Http.Results.Json(new { error = new { code = "ConversationBlockedByUser", message = "User blocked the conversation with the bot." } }, statusCode: 403)
            : Microsoft.AspNetCore.Http.Results.Json(new { id = "ok" });

        await host.SayAsync(Megan, "advance alpha");
        Assert.Equal(0, await PumpAsync(host));
        await host.SayAsync(Megan, "advance bravo");
        var before = host.Connector.Requests.Count;
        Assert.Equal(0, await PumpAsync(host));

        Assert.Empty(host.RequestsSince(before));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.False((await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == Alex.ConversationId)).IsActive);
        var deliveries = await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([DeliveryStatus.Parked, DeliveryStatus.Parked], deliveries.Select(d => d.Status));
        Assert.Contains("ConversationBlockedByUser", deliveries[0].LastError);
        Assert.Contains("deactivated", deliveries[1].LastError);
        var parked = CardReader.Text(Assert.Single(await host.SayAsync(Megan, "parked")));
        Assert.Contains("Only a tenant admin", parked);
    }

    [Fact]
    public async Task SubscribeMuteAndQuietHoursCommandsChangeThePreferencesInTheDatabase()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 10k");
        await AdminsAsync(host, Alex.ObjectId); // only admins and managers subscribe channels

        Assert.Contains("won deals", CardReader.Text(Assert.Single(await SayInChannelAsync(host, Alex, "subscribe won deals"))));
        await SayInChannelAsync(host, Alex, "订阅 所有阶段变化");
        Assert.Contains("not in a team", CardReader.Text(Assert.Single(await SayInChannelAsync(host, Alex, "subscribe my team"))));
        await TeamAsync(host, "east", Alex.ObjectId);
        await SayInChannelAsync(host, Alex, "subscribe my team");
        await host.SayAsync(Alex, "mute contoso");
        await host.SayAsync(Alex, "免打扰 20:00-08:00");

        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            var subscriptions = (await db.Subscriptions.AsNoTracking().ToListAsync()).OrderBy(s => s.Filter).ToList();
            Assert.Equal([SubscriptionFilter.WonDeals, SubscriptionFilter.AllStageChanges, SubscriptionFilter.MyTeam], subscriptions.Select(s => s.Filter));
            Assert.All(subscriptions, s => Assert.Equal(Channel, s.ConversationKey));
            Assert.Equal("east", subscriptions[2].Team);
            var mute = await db.Mutes.AsNoTracking().SingleAsync();
            Assert.Equal((await db.Opportunities.SingleAsync()).Id, mute.OpportunityId);
            var settings = await db.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserObjectId == Alex.ObjectId);
            Assert.Equal(new TimeOnly(20, 0), settings.QuietFrom);
            Assert.Equal(new TimeOnly(8, 0), settings.QuietUntil);
        }

        await host.SayAsync(Alex, "unmute contoso");
        await host.SayAsync(Alex, "quiet hours off");
        await SayInChannelAsync(host, Alex, "unsubscribe");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Empty(await db.Subscriptions.ToListAsync());
            Assert.Empty(await db.Mutes.ToListAsync());
            Assert.Null((await db.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserObjectId == Alex.ObjectId)).QuietFrom);
        }
    }

    [Fact]
    public async Task ReminderCardActionsSnoozeLogATouchSetTheFollowUpAndMoveTheStage()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        foreach (var name in new[] { "Alpha", "Bravo", "Charlie", "Delta" }) await host.SayAsync(Alex, $"new deal {name} 10k");
        clock.Advance(TimeSpan.FromDays(4));

        var card = Assert.Single(await host.SayAsync(Alex, "reminders"));
        Assert.Contains("4 reminder(s)", CardReader.Text(card));
        Guid IdOf(string name) => Guid.Parse(ReminderAction(card, name, NotifyVerbs.Touch)["data"]![CardData.DealId]!.GetValue<string>());
        var (alpha, bravo, charlie, delta) = (IdOf("Alpha"), IdOf("Bravo"), IdOf("Charlie"), IdOf("Delta"));

        var snoozed = await host.ClickAsync(Alex, ReminderAction(card, "Alpha", NotifyVerbs.Snooze));
        Assert.Equal(HttpStatusCode.OK, snoozed.Status);
        Assert.Contains("Snoozed Alpha", CardReader.Text(snoozed.Card));
        Assert.Contains("3 reminder(s)", CardReader.Text(snoozed.Card));
        Assert.DoesNotContain("Alpha\n", CardReader.Text(snoozed.Card).Split("Snoozed")[1]);

        var touched = await host.ClickAsync(Alex, ReminderAction(snoozed.Card, "Bravo", NotifyVerbs.Touch));
        Assert.Contains("Touch logged on Bravo", CardReader.Text(touched.Card));

        var followUpAction = ReminderAction(touched.Card, "Charlie", NotifyVerbs.FollowUp);
        var followUp = await host.ClickAsync(Alex, followUpAction,
            new Dictionary<string, string> { [followUpAction["data"]![NotifyVerbs.DateInput]!.GetValue<string>()] = "2027-01-15" });
        Assert.Contains("2027-01-15", CardReader.Text(followUp.Card));

        var moveAction = ReminderAction(followUp.Card, "Delta", NotifyVerbs.MoveStage);
        var moved = await host.ClickAsync(Alex, moveAction,
            new Dictionary<string, string> { [moveAction["data"]![NotifyVerbs.StageInput]!.GetValue<string>()] = Stage.Qualify.Key() });
        Assert.Contains("Delta moved to", CardReader.Text(moved.Card));

        await using var db = host.Db.Database.Open("tenant-a");
        var snooze = await db.Snoozes.AsNoTracking().SingleAsync();
        Assert.Equal((alpha, ReminderRule.Untouched), (snooze.OpportunityId, snooze.Rule));
        Assert.Equal(clock.GetUtcNow().AddDays(1), snooze.Until);
        Assert.Single(await db.Interactions.AsNoTracking().Where(i => i.OpportunityId == bravo).ToListAsync());
        Assert.Equal(new DateOnly(2027, 1, 15), (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == charlie)).NextFollowUpOn);
        Assert.Equal(Stage.Qualify, (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == delta)).Stage);
    }

    [Fact]
    public async Task TheParkedCommandListsFailedDeliveriesForAdminsOnly()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");
        Assert.Contains("Only a tenant admin", CardReader.Text(Assert.Single(await host.SayAsync(Alex, "parked"))));
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == Alex.ObjectId)).SetAdmin(true);
            await db.SaveChangesAsync();
        }
        Assert.Contains("Nothing is parked", CardReader.Text(Assert.Single(await host.SayAsync(Alex, "失败通知"))));
    }

    [Fact]
    public async Task ATenantThatRenamedItsStagesSeesItsOwnNamesOnTheNotificationCardInEachRecipientsLanguage()
    {
        var li = new TestUser("aad-li", "李雷", Locale: "zh-CN");
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Bravo 20k");
        await host.SayAsync(li, "新商机 华为项目 10万");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", Alex.ObjectId, li.ObjectId, Megan.ObjectId);
        await RenameStagesAsync(host);

        await host.SayAsync(Megan, "advance bravo");
        await host.SayAsync(Megan, "advance 华为");
        var before = host.Connector.Requests.Count;
        Assert.Equal(2, await PumpAsync(host));

        var cards = host.CardsSentSince(before);
        var english = cards.Single(c => CardReader.Text(c).Contains("Bravo", StringComparison.Ordinal));
        Assert.Equal("Bravo: New → Discovery", Title(english));
        Assert.Contains("Incubate", StageChoices(english));
        Assert.DoesNotContain(PipelineSettings.Default.For(Stage.Nurture).DisplayName("en-US"), StageChoices(english));
        var chinese = cards.Single(c => CardReader.Text(c).Contains("华为项目", StringComparison.Ordinal));
        Assert.Equal("华为项目：新建 → 探索", Title(chinese));
        Assert.Contains("孵化", StageChoices(chinese));
    }

    [Fact]
    public async Task TheDailyDigestAndTheRemindersCommandOfferTheTenantsStageNames()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "new deal Alpha 10k");
        await RenameStagesAsync(host);
        clock.Advance(TimeSpan.FromDays(4));

        Assert.Equal(1, await host.Services.GetRequiredService<NurtureRunner>().RunAsync());
        var before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));

        var digest = Assert.Single(host.CardsSentSince(before));
        Assert.Contains("1 reminder(s)", CardReader.Text(digest));
        Assert.Contains("Discovery", StageChoices(digest));
        Assert.DoesNotContain(PipelineSettings.Default.For(Stage.Qualify).DisplayName("en-US"), StageChoices(digest));
        Assert.Contains("Discovery", StageChoices(Assert.Single(await host.SayAsync(Alex, "reminders"))));
    }

    [Fact]
    public async Task TheWeeklyDigestNamesTheStagesDealsEnteredAsTheTenantDoes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Megan, "new deal Bravo 20k");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            (await db.Users.SingleAsync(u => u.ObjectId == Megan.ObjectId)).PlaceInTeam("east", Alex.ObjectId);
            await db.SaveChangesAsync();
        }
        await host.SayAsync(Megan, "advance bravo");
        await RenameStagesAsync(host);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await host.Services.GetRequiredService<WeeklyDigestScheduler>().RunAsync());
        var before = host.Connector.Requests.Count;
        await PumpAsync(host);

        var digest = host.CardsSentSince(before).Single(c => CardReader.Text(c).Contains("Your team's week", StringComparison.Ordinal));
        var facts = CardReader.Walk(digest).Where(o => o["type"]?.GetValue<string>() == "FactSet")
            .SelectMany(f => f["facts"]!.AsArray()).Select(f => f!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Discovery", facts);
        Assert.DoesNotContain(PipelineSettings.Default.For(Stage.Qualify).DisplayName("en-US"), facts);
    }

    [Fact]
    public async Task AClickOnANotificationCardAfterALaterChangeIsNotAppliedAndShowsWhatChanged()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Bravo 20k");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", Alex.ObjectId, Megan.ObjectId);
        await host.SayAsync(Megan, "advance bravo");
        var before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));
        var card = Assert.Single(host.CardsSentSince(before));
        var move = CardReader.Action(card, NotifyVerbs.MoveStage);
        Assert.Equal(await VersionAsync(host, "Bravo"), move["data"]![CardData.Version]!.GetValue<int>());

        await host.SayAsync(Megan, "log call bravo: pricing call");
        var stale = await host.ClickAsync(Alex, move, new Dictionary<string, string> { [CardData.Stage] = Stage.New.Key() });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        var text = CardReader.Text(stale.Card);
        Assert.Contains("This deal changed since this card was shown; nothing was changed by your click", text);
        Assert.Contains("Call logged: pricing call (Megan Bowen", text);
        Assert.True(CardReader.HasAction(stale.Card, CardVerbs.Advance));
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Equal(Stage.Qualify, (await db.Opportunities.AsNoTracking().SingleAsync()).Stage);
        }

        // The fresh card the conflict answered with carries the current version: a click on it goes through.
        var touched = await host.ClickAsync(Alex, CardReader.Action(stale.Card, CardVerbs.Log),
            new Dictionary<string, string> { [CardData.Kind] = "Note", [CardData.Text] = "Saw Megan's call" });
        Assert.Contains("Note logged.", CardReader.Text(touched.Card));
    }

    [Fact]
    public async Task AStaleNotificationCardSubmittedFromAnOldClientAnswersInChineseAndLogsNothing()
    {
        var li = new TestUser("aad-li", "李雷", Locale: "zh-CN");
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(li, "新商机 华为项目 10万");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", li.ObjectId, Megan.ObjectId);
        await host.SayAsync(Megan, "advance 华为");
        var before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));
        var card = Assert.Single(host.CardsSentSince(before));
        await host.SayAsync(Megan, "move 华为 to new");

        var answer = Assert.Single(await host.SubmitAsync(li, CardReader.Action(card, NotifyVerbs.Touch)));

        var text = CardReader.Text(answer);
        Assert.Contains("此卡片显示后商机已被修改，您的操作未执行", text);
        Assert.Contains("阶段：资格审核 → 新建（Megan Bowen", text);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Interactions.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task ACardActionWithoutAVersionIsNeverApplied()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Bravo 20k");
        await host.SayAsync(Megan, "help");
        await TeamAsync(host, "east", Alex.ObjectId, Megan.ObjectId);
        await host.SayAsync(Megan, "advance bravo");
        var before = host.Connector.Requests.Count;
        await PumpAsync(host);
        var move = CardReader.Action(Assert.Single(host.CardsSentSince(before)), NotifyVerbs.MoveStage).DeepClone().AsObject();
        move["data"]!.AsObject().Remove(CardData.Version);

        var answer = await host.ClickAsync(Alex, move, new Dictionary<string, string> { [CardData.Stage] = Stage.New.Key() });

        Assert.Contains("This deal changed since this card was shown", CardReader.Text(answer.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.Qualify, (await db.Opportunities.AsNoTracking().SingleAsync()).Stage);
    }

    [Fact]
    public async Task AReminderClickedOnTheDailyDigestAfterTheDealChangedIsNotAppliedButASnoozeStillIs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var host = await BotConversationHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await host.SayAsync(Alex, "new deal Alpha 10k");
        clock.Advance(TimeSpan.FromDays(4));
        await host.Services.GetRequiredService<NurtureRunner>().RunAsync();
        var before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));
        var digest = Assert.Single(host.CardsSentSince(before));
        var followUp = ReminderAction(digest, "Alpha", NotifyVerbs.FollowUp);
        Assert.Equal(await VersionAsync(host, "Alpha"), followUp["data"]![CardData.Version]!.GetValue<int>());

        clock.Advance(TimeSpan.FromMinutes(5));
        await host.SayAsync(Alex, "move alpha to qualify");
        var stale = await host.ClickAsync(Alex, followUp,
            new Dictionary<string, string> { [followUp["data"]![NotifyVerbs.DateInput]!.GetValue<string>()] = "2027-01-15" });
        var snoozed = await host.ClickAsync(Alex, ReminderAction(digest, "Alpha", NotifyVerbs.Snooze));

        var text = CardReader.Text(stale.Card);
        Assert.Contains("This deal changed since this card was shown", text);
        Assert.Contains("Stage: New → Qualify (Alex Wilber", text);
        Assert.Contains("Snoozed Alpha", CardReader.Text(snoozed.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Null((await db.Opportunities.AsNoTracking().SingleAsync()).NextFollowUpOn);
        Assert.Single(await db.Snoozes.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task AnAdminRetriesAParkedNotificationFromTheParkedCardAndItReachesTheConnector()
    {
        var li = new TestUser("aad-li", "李雷", Locale: "zh-CN");
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Bravo 20k");
        await host.SayAsync(Megan, "help");
        await host.SayAsync(li, "帮助");
        await TeamAsync(host, "east", Alex.ObjectId, Megan.ObjectId);
        await AdminsAsync(host, li.ObjectId, Megan.ObjectId);
        var failing = true;
        host.Connector.Respond = r => failing && r.Method == "POST" && r.RawTarget.Contains("personal-aad-alex", StringComparison.Ordinal)
            ? Microsoft.AspNetCore.Http.Results.Json(new { error = new { code = "BadArgument", message = "Malformed activity" } }, statusCode: 400)
            : Microsoft.AspNetCore.Http.Results.Json(new { id = $"activity-{r.Number}" });
        await host.SayAsync(Megan, "advance bravo");
        Assert.Equal(0, await PumpAsync(host));
        failing = false;

        var list = Assert.Single(await host.SayAsync(li, "失败通知"));
        Assert.Contains("StageChanged → aad-alex", CardReader.Text(list));
        var retry = CardReader.Action(list, NotifyVerbs.RetryParked);

        // The action in a non-admin's hands does nothing.
        Assert.Contains("Only a tenant admin", CardReader.Text((await host.ClickAsync(Alex, retry)).Card));
        Assert.Equal(0, await PumpAsync(host));

        var retried = await host.ClickAsync(li, retry);
        var confirmation = CardReader.Text(retried.Card);
        Assert.Contains($"通知 #{retry["data"]![NotifyVerbs.DeliveryId]!.GetValue<string>()} 已重新排队发送", confirmation);
        Assert.Contains("没有发送失败的通知", confirmation);

        var before = host.Connector.Requests.Count;
        Assert.Equal(1, await PumpAsync(host));
        var sent = Assert.Single(host.RequestsSince(before));
        Assert.Contains("/v3/conversations/" + Uri.EscapeDataString(Alex.ConversationId) + "/activities", sent.RawTarget);
        Assert.Equal("Bravo: New → Qualify", Title(BotConversationHost.CardOf(sent)!));
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            Assert.Equal(DeliveryStatus.Sent, (await db.Deliveries.AsNoTracking().SingleAsync()).Status);
        }

        // The old card clicked again by another admin queues nothing twice, and says so in English.
        Assert.Contains("is not parked any more, so nothing was queued", CardReader.Text((await host.ClickAsync(Megan, retry)).Card));
        Assert.Equal(0, await PumpAsync(host));
    }

    internal static async Task<int> PumpAsync(BotConversationHost host)
    {
        await host.Services.GetRequiredService<OutboxDispatcher>().DrainAsync();
        return await host.Services.GetRequiredService<DeliverySender>().SendDueAsync();
    }

    /// <summary>Qualify becomes Discovery (探索) and Nurture Incubate (孵化) in tenant-a.</summary>
    private static async Task RenameStagesAsync(BotConversationHost host)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        var tenant = await db.Tenants.SingleAsync();
        tenant.ChangePipeline(tenant.Pipeline with
        {
            Stages = tenant.Pipeline.Stages.Select(s => s.Stage switch
            {
                Stage.Qualify => s with { Name = "Discovery", NameZh = "探索" },
                Stage.Nurture => s with { Name = "Incubate", NameZh = "孵化" },
                _ => s,
            }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    private static async Task AdminsAsync(BotConversationHost host, params string[] users)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        foreach (var user in await db.Users.Where(u => users.Contains(u.ObjectId)).ToListAsync()) user.SetAdmin(true);
        await db.SaveChangesAsync();
    }

    private static async Task<int> VersionAsync(BotConversationHost host, string dealName)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        return (await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == dealName)).Version;
    }

    private static string Title(JsonObject card) => card["body"]![0]!["text"]!.GetValue<string>();

    private static IReadOnlyList<string> StageChoices(JsonObject card) =>
        CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "Input.ChoiceSet")
            .SelectMany(o => o["choices"]!.AsArray()).Select(c => c!["title"]!.GetValue<string>()).ToList();

    private static JsonObject ReminderAction(JsonObject card, string dealName, string verb)
    {
        var item = CardReader.Walk(card).First(o => o["type"]?.GetValue<string>() == "Container"
            && o["items"]?[0]?["text"]?.GetValue<string>() == dealName);
        return CardReader.Action(item, verb);
    }

    private static async Task<IReadOnlyList<JsonObject>> SayInChannelAsync(BotConversationHost host, TestUser user, string text)
    {
        var before = host.Connector.Requests.Count;
        var message = host.Activity(user, "message", "channel", Channel);
        message["text"] = text;
        message["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message)).StatusCode);
        return host.CardsSentSince(before);
    }

    private static async Task TeamAsync(BotConversationHost host, string team, params string[] users)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        foreach (var user in await db.Users.Where(u => users.Contains(u.ObjectId)).ToListAsync()) user.PlaceInTeam(team, null);
        await db.SaveChangesAsync();
    }
}

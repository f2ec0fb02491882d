using System.Text.Json.Nodes;
using Collaboration.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>Subscriptions through the real bot host: what they cover, and who may make them.</summary>
public sealed class SubscriptionScopeTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private static readonly TestUser Dana = new("aad-dana", "Dana Manager", Locale: "zh-CN");
    private const string Channel = "19:sales-channel@thread.tacv2";

    [Fact]
    public async Task ARepSubscribedToAllStageChangesNoLongerReceivesAnotherRepsInvisibleDeal()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "subscribe all stage changes");
        await host.SayAsync(Megan, "new deal Zephyr merger 750k");
        await host.SayAsync(Megan, "advance zephyr");
        var before = host.Connector.Requests.Count;

        await NotificationConversationTests.PumpAsync(host);

        var toAlex = host.RequestsSince(before).Where(r => r.RawTarget.Contains(Uri.EscapeDataString(Alex.ConversationId), StringComparison.Ordinal)).ToList();
        Assert.Empty(toAlex);
        Assert.DoesNotContain(host.Connector.Requests, r => r.RawTarget.Contains("personal-aad-alex", StringComparison.Ordinal)
            && (r.Body.Contains("Zephyr", StringComparison.Ordinal) || r.Body.Contains("750", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARepCannotSubscribeAChannel()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");

        await SayInChannelAsync(host, Alex, "subscribe all stage changes");

        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Subscriptions.ToListAsync());
    }

    [Fact]
    public async Task AManagerSubscribesAChannelWhichHearsOnlyOfTheirTeamsDealsAndIsToldSo()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Dana, "help");
        await host.SayAsync(Alex, "new deal Alpha 10k");
        await host.SayAsync(Megan, "new deal Zephyr 750k");
        await ReportsToAsync(host, Dana.ObjectId, Alex.ObjectId);

        var confirmation = CardReader.Text(Assert.Single(await SayInChannelAsync(host, Dana, "subscribe all stage changes")));
        Assert.Contains("订阅人可查看的商机", confirmation);
        await host.SayAsync(Alex, "advance alpha");
        await host.SayAsync(Megan, "advance zephyr");
        var before = host.Connector.Requests.Count;
        await NotificationConversationTests.PumpAsync(host);

        var toChannel = host.RequestsSince(before).Where(r => r.RawTarget.Contains(Uri.EscapeDataString(Channel), StringComparison.Ordinal)).ToList();
        var card = BotConversationHost.CardOf(Assert.Single(toChannel))!;
        Assert.Contains("Alpha", CardReader.Text(card));
        Assert.DoesNotContain(host.RequestsSince(before), r => r.Body.Contains("Zephyr", StringComparison.Ordinal) && !r.RawTarget.Contains("personal-aad-megan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheConfirmationSaysWhoseDealsTheSubscriptionCovers()
    {
        await using var host = await BotConversationHost.StartAsync();

        var confirmation = CardReader.Text(Assert.Single(await host.SayAsync(Alex, "subscribe won deals")));

        Assert.Contains("won deals", confirmation);
        Assert.Contains("the person who subscribed may see", confirmation);
    }

    private static async Task<IReadOnlyList<JsonObject>> SayInChannelAsync(BotConversationHost host, TestUser user, string text)
    {
        var before = host.Connector.Requests.Count;
        var message = host.Activity(user, "message", "channel", Channel);
        message["text"] = text;
        message["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        await host.PostAsync(message);
        return host.CardsSentSince(before);
    }

    private static async Task ReportsToAsync(BotConversationHost host, string manager, params string[] reports)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        foreach (var user in await db.Users.Where(u => reports.Contains(u.ObjectId)).ToListAsync()) user.PlaceInTeam(null, manager);
        await db.SaveChangesAsync();
    }
}

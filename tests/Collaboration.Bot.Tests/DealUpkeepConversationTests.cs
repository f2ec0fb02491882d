using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>A plan step marked done from its reminder, reopening with and without a reason, and @mentions Teams sent without an aadObjectId.</summary>
public sealed class DealUpkeepConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly TestUser Priya = new("6f1c2a5e-0d7b-4c1e-9a53-2f1f0c3b8d11", "Priya Raman");

    [Theory]
    [InlineData("en-US", "Step 1 of the plan \"standard\" done for Contoso.")]
    [InlineData("zh-CN", "“Contoso”的跟进计划“standard”第 1 步已完成。")]
    public async Task TheDoneButtonOfAPlanStepsReminderMarksTheStepDone(string locale, string done)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(rep, "new deal Contoso");
        await host.SayAsync(rep, "Contoso start plan standard");
        var reminders = Assert.Single(await host.SayAsync(rep, locale == "en-US" ? "reminders" : "提醒"));

        var answer = await host.ClickAsync(rep, CardReader.Action(reminders, NotifyVerbs.StepDone));

        Assert.Contains(done, CardReader.Text(answer.Card));
        Assert.False(CardReader.HasAction(answer.Card, NotifyVerbs.StepDone), "the step is no longer due");
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(1, (await db.FollowUpEnrolments.AsNoTracking().SingleAsync()).StepsDone);
    }

    [Fact]
    public async Task ReopenWithoutAReasonAsksForOneAndReopensWhenItIsGiven()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        await host.SayAsync(Alex, "lost contoso price");

        var prompt = Assert.Single(await host.SayAsync(Alex, "reopen Contoso"));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.Lost, (await db.Opportunities.AsNoTracking().SingleAsync()).Stage);
        Assert.Contains("Reopen Contoso?", CardReader.Text(prompt));

        var answer = await host.ClickAsync(Alex, CardReader.Action(prompt, CardVerbs.Reopen), new Dictionary<string, string> { [CardData.ReopenReason] = "budget approved after all" });

        Assert.Contains("Deal reopened.", CardReader.Text(answer.Card));
        var deal = await db.Opportunities.AsNoTracking().SingleAsync();
        Assert.Equal(Stage.New, deal.Stage);
        Assert.Contains(await db.OpportunityChanges.Where(c => c.Field == ChangedField.Stage).ToListAsync(),
            c => c.NewValue == Stage.New.Key() && c.Reason == "budget approved after all");
        var again = await host.ClickAsync(Alex, CardReader.Action(prompt, CardVerbs.Reopen), new Dictionary<string, string> { [CardData.ReopenReason] = "twice" });
        Assert.Contains("changed since", CardReader.Text(again.Card), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnEmptyReasonSubmittedFromThePromptIsRefused()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        await host.SayAsync(Alex, "lost contoso price");
        var prompt = Assert.Single(await host.SayAsync(Alex, "reopen Contoso"));

        var answer = await host.ClickAsync(Alex, CardReader.Action(prompt, CardVerbs.Reopen), new Dictionary<string, string> { [CardData.ReopenReason] = "  " });

        Assert.Contains("To reopen a deal, say why.", CardReader.Text(answer.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.Lost, (await db.Opportunities.AsNoTracking().SingleAsync()).Stage);
    }

    [Theory]
    [InlineData("en-US", "reopen Contoso because budget approved", "budget approved", "Deal reopened.")]
    [InlineData("zh-CN", "重新打开 Contoso 因为 预算已批准", "预算已批准", "商机已重新打开。")]
    public async Task ReopenWithAReasonReopensDirectly(string locale, string text, string reason, string done)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(rep, "new deal Contoso 120k");
        await host.SayAsync(rep, "lost contoso price");

        var card = Assert.Single(await host.SayAsync(rep, text));

        Assert.Contains(done, CardReader.Text(card));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.New, (await db.Opportunities.AsNoTracking().SingleAsync()).Stage);
        Assert.Contains(await db.OpportunityChanges.Where(c => c.Field == ChangedField.Stage).ToListAsync(), c => c.Reason == reason);
    }

    [Fact]
    public async Task TheChineseReopenPromptIsInChinese()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Li, "新商机 Contoso 12万");
        await host.SayAsync(Li, "输单 contoso 价格");

        var prompt = Assert.Single(await host.SayAsync(Li, "重新打开 Contoso"));

        Assert.Contains("重新打开“Contoso”？", CardReader.Text(prompt));
        Assert.True(CardReader.HasAction(prompt, CardVerbs.Reopen));
    }

    [Fact]
    public async Task AMentionWithOnlyATeamsIdIsLookedUpThroughTheConnector()
    {
        await using var host = await PlaceAlexAndPriyaAsync();
        host.Connector.Respond = request => request.Method == "GET" && request.RawTarget.Contains("/members/", StringComparison.Ordinal)
            ? Results.Json(new { id = "29:priya-teams-id", name = Priya.Name, aadObjectId = Priya.ObjectId })
            : Results.Json(new { id = $"activity-{request.Number}" });

        var card = await AssignByMentionAsync(host);

        Assert.Contains("Assigned to Priya Raman.", card);
        var lookup = Assert.Single(host.Connector.Requests, r => r.Method == "GET");
        Assert.EndsWith("/members/" + Uri.EscapeDataString("29:priya-teams-id"), lookup.RawTarget, StringComparison.Ordinal);
        Assert.Contains("/v3/conversations/" + Uri.EscapeDataString(Alex.ConversationId) + "/members/", lookup.RawTarget, StringComparison.Ordinal);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Priya.ObjectId, (await db.Opportunities.AsNoTracking().SingleAsync()).OwnerId);
    }

    [Fact]
    public async Task AMentionTheConnectorDoesNotKnowIsRefusedAndChangesNothing()
    {
        await using var host = await PlaceAlexAndPriyaAsync();
        host.Connector.Respond = request => request.Method == "GET"
            ? Results.Json(new { error = new { code = "NotFound", message = "member not found" } }, statusCode: 404)
            : Results.Json(new { id = $"activity-{request.Number}" });

        var card = await AssignByMentionAsync(host);

        Assert.Contains("@mentioning", card);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Alex.ObjectId, (await db.Opportunities.AsNoTracking().SingleAsync()).OwnerId);
    }

    private static async Task<BotConversationHost> PlaceAlexAndPriyaAsync()
    {
        var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Priya, "help");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            foreach (var user in await db.Users.ToListAsync()) user.PlaceInTeam("East", null);
            await db.SaveChangesAsync();
        }
        await host.SayAsync(Alex, "new deal Contoso");
        return host;
    }

    private static async Task<string> AssignByMentionAsync(BotConversationHost host)
    {
        var before = host.Connector.Requests.Count;
        var message = host.Activity(Alex, "message");
        message["text"] = "assign Contoso to <at>Priya Raman</at>";
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Priya Raman</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:priya-teams-id", ["name"] = Priya.Name },
        });
        await host.PostAsync(message);
        return CardReader.Text(host.CardsSentSince(before)[0]);
    }
}

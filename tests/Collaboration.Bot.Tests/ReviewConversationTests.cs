using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Testing;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>Reports, review prompts and review search in whole conversations on the real host.</summary>
public sealed class ReviewConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly TestUser Outsider = new("aad-eve", "Eve", TenantId: "tenant-b");

    private static bool HasImage(JsonObject card) =>
        CardReader.Walk(card).Any(o => o["type"]?.GetValue<string>() == "Image" && o["url"]!.GetValue<string>().StartsWith("data:image/png;base64,", StringComparison.Ordinal));

    private static async Task PlaceAsync(BotConversationHost host, string objectId, string? team, string? manager, string tenant = "tenant-a")
    {
        await using var db = host.Db.Database.Open(tenant);
        (await db.Users.SingleAsync(u => u.ObjectId == objectId)).PlaceInTeam(team, manager);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task ClosingADealPromptsItsOwnerForAReviewThatIsRecordedAndFoundAgain()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso renewal 120k");

        var closed = await host.SayAsync(Alex, "lost contoso price to Fabrikam");

        Assert.Equal(2, closed.Count);
        Assert.Contains("Closed as lost.", CardReader.Text(closed[0]));
        var prompt = closed[1];
        Assert.Contains("Why did we lose Contoso renewal?", CardReader.Text(prompt));
        Assert.Equal("Fabrikam", CardReader.Walk(prompt).Single(o => o["id"]?.GetValue<string>() == ReportCards.Competitor)["value"]!.GetValue<string>());
        await CardValidator.EnsureValidAsync(prompt);

        var answer = await host.ClickAsync(Alex, CardReader.Action(prompt, ReportCards.ReviewVerb), new Dictionary<string, string>
        {
            [ReportCards.Factors] = "Price 20% above Fabrikam\nNo executive sponsor",
            [ReportCards.Competitor] = "Fabrikam",
            [ReportCards.Lessons] = "Bring finance in before the proposal",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Review saved.", CardReader.Text(answer.Card));
        await CardValidator.EnsureValidAsync(answer.Card);
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            var review = (await db.Opportunities.SingleAsync()).Review!;
            Assert.Equal(["Price 20% above Fabrikam", "No executive sponsor"], review.Factors);
            Assert.Equal(("Fabrikam", "Bring finance in before the proposal", "aad-alex"), (review.Competitor, review.Lessons, review.RecordedBy));
        }

        var found = Assert.Single(await host.SayAsync(Alex, "reviews competitor Fabrikam"));
        Assert.Contains("Contoso renewal", CardReader.Text(found));
        Assert.Contains("Bring finance in before the proposal", CardReader.Text(found));
        Assert.Contains("No reviews match yet.", CardReader.Text(Assert.Single(await host.SayAsync(Alex, "reviews competitor Globex"))));
        Assert.Contains("No reviews match yet.", CardReader.Text(Assert.Single(await host.SayAsync(Outsider, "reviews competitor Fabrikam"))));
    }

    [Fact]
    public async Task AnEmptyReviewIsRefusedWithTheReason()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        var prompt = (await host.SayAsync(Alex, "lost contoso price"))[1];

        var answer = await host.ClickAsync(Alex, CardReader.Action(prompt, ReportCards.ReviewVerb));

        Assert.Contains("A review needs at least one factor or a lesson.", CardReader.Text(answer.Card));
    }

    [Fact]
    public async Task WhenAManagerClosesARepsDealTheRepGetsTheReviewPromptInTheirOwnChat()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Li, "新商机 华为 10万");
        await PlaceAsync(host, "aad-li", "East", "aad-alex");
        var before = host.Connector.Requests.Count;

        var cards = await host.SayAsync(Alex, "lost 华为 price");

        Assert.Single(cards, c => CardReader.Text(c).Contains("Closed as lost.", StringComparison.Ordinal));
        var toLi = host.RequestsSince(before).Where(r => r.RawTarget.Contains("a%3Apersonal-aad-li%3Bmessageid%3D1", StringComparison.Ordinal)).ToList();
        var prompt = BotConversationHost.CardOf(Assert.Single(toLi))!;
        Assert.Contains("“华为”为什么输单？", CardReader.Text(prompt));
        var toAlex = host.RequestsSince(before).Where(r => r.RawTarget.Contains("a%3Apersonal-aad-alex", StringComparison.Ordinal)).Select(BotConversationHost.CardOf).OfType<JsonObject>().ToList();
        Assert.NotEmpty(toAlex);
        Assert.DoesNotContain(toAlex, c => CardReader.HasAction(c, ReportCards.ReviewVerb));
    }

    [Fact]
    public async Task ReportCommandsAnswerWithAChartAndNumbersThatFollowWhoAsks()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Megan, "new deal Megan deal 50k close 2026-12-15");
        await host.SayAsync(Li, "新商机 华为 10万");
        await PlaceAsync(host, "aad-megan", "East", "aad-alex");
        await PlaceAsync(host, "aad-li", "West", "aad-alex");
        await host.SayAsync(Li, "输单 华为 价格");
        await host.SayAsync(Megan, "lost megan deal no budget");

        var pipeline = Assert.Single(await host.SayAsync(Alex, "pipeline this year"));
        var winRate = Assert.Single(await host.SayAsync(Alex, "win rate my team this year"));
        var megansWinRate = Assert.Single(await host.SayAsync(Megan, "my win rate this year"));
        var losses = Assert.Single(await host.SayAsync(Li, "今年为什么输单"));
        var forecast = Assert.Single(await host.SayAsync(Alex, "forecast this year"));

        Assert.True(HasImage(pipeline));
        Assert.Contains("2 entered", CardReader.Text(pipeline));
        Assert.Contains("Megan Bowen", CardReader.Text(winRate));
        Assert.Contains("李雷", CardReader.Text(winRate));
        Assert.Contains("0 won · 2 lost · 0%", CardReader.Text(winRate));
        Assert.DoesNotContain("李雷", CardReader.Text(megansWinRate));
        Assert.Contains("0 won · 1 lost · 0%", CardReader.Text(megansWinRate));
        Assert.True(HasImage(losses));
        Assert.Contains("输单原因", CardReader.Text(losses));
        Assert.Contains("price", CardReader.Text(losses));
        Assert.DoesNotContain("no budget", CardReader.Text(losses));
        Assert.Contains("No deals for this period yet.", CardReader.Text(forecast));
        foreach (var card in new[] { pipeline, winRate, losses, forecast }) Assert.True(card.ToJsonString().Length < 100_000);
        var results = await CardValidator.ValidateAsync(new[] { pipeline, winRate, megansWinRate, losses, forecast }.Select((c, i) => ($"card-{i}", (object)c)));
        Assert.All(results, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
    }
}

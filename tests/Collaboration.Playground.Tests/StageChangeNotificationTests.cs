using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Collaboration.Bot;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Collaboration.Testing.Playground;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Playground.Tests;

/// <summary>
/// A stage change made in Outlook (the real add-in backend) reaches the owner in Teams (the real bot host, its
/// dispatcher and sender as hosted services), both hosts in development mode on the same SQLite file.
/// </summary>
public sealed class StageChangeNotificationTests
{
    private const string Tenant = "tenant-a";
    private const string Owner = "aad-owner";
    private const string Mover = "aad-mover";
    private const string OwnerChat = "a:personal-aad-owner";

    [Fact]
    public async Task AChangeInOutlookReachesTheOwnersTeamsChatAndTheOwnersOwnChangeInTeamsSendsNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var connector = await LocalConnector.StartAsync();
        var bot = await StartBotAsync(db);
        await using var _ = bot;
        await using var addin = AddinHost.Restart(db);
        using var botClient = new HttpClient { BaseAddress = bot.BaseAddress };
        using var mover = addin.RepClient(Tenant, Mover, name: "Megan Mover");

        // The owner talks to the bot once: their conversation (on the local connector) is stored; they create two deals.
        await SayAsync(botClient, connector, "new deal Contoso 10k");
        await SayAsync(botClient, connector, "new deal Bravo 20k");
        Assert.Equal(HttpStatusCode.OK, (await mover.GetAsync("/api/opportunities")).StatusCode);
        await Team.PlaceAsync(db, Tenant, "east", Owner, Mover);
        var contoso = await Team.DealAsync(db, Tenant, "Contoso");
        var before = connector.Requests.Count;

        await Team.MoveAsync(mover, contoso.Id, contoso.Version, "qualify");

        var request = await WaitForAsync(() => connector.Requests.Skip(before).FirstOrDefault(r => r.Method == "POST"), TimeSpan.FromSeconds(20));
        Assert.Contains("/v3/conversations/" + Uri.EscapeDataString(OwnerChat) + "/activities", request.RawTarget);
        var text = Team.Text(Team.CardOf(request.Body));
        Assert.Contains("Contoso", text);
        Assert.Contains("Megan Mover", text);
        Assert.Contains("Outlook", text);
        Assert.Contains($"{PipelineSettings.Default.For(Stage.New).Name} → {PipelineSettings.Default.For(Stage.Qualify).Name}", text);

        // The owner's own change in Teams: processed by the dispatcher, but no delivery and nothing sent.
        var afterOutlook = connector.Requests.Count;
        await SayAsync(botClient, connector, "advance bravo");
        var answered = connector.Requests.Count;
        Assert.True(answered > afterOutlook, "the bot answered the owner's command");
        await WaitForAsync(async () =>
        {
            await using var context = db.Database.Open(Tenant);
            return await context.Outbox.AnyAsync(m => m.ProcessedAt == null) ? null : "processed";
        }, TimeSpan.FromSeconds(20));
        await Task.Delay(1000);
        Assert.Equal(answered, connector.Requests.Count);
        await using var check = db.Database.Open(Tenant);
        var delivery = Assert.Single(await check.Deliveries.AsNoTracking().ToListAsync());
        Assert.Equal((Owner, DeliveryStatus.Sent), (delivery.Recipient, delivery.Status));
    }

    internal static Task<BotApp> StartBotAsync(TestDatabase db) => BotApp.StartAsync(db, new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "",
        ["Notifications:PollInterval"] = "00:00:00.200",
    });

    private static async Task SayAsync(HttpClient bot, LocalConnector connector, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.ServiceUrl,
            ["locale"] = "en-US",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "29:owner", ["name"] = "Olivia Owner", ["aadObjectId"] = Owner },
            ["recipient"] = new JsonObject { ["id"] = "28:collaboration-bot", ["name"] = "Collaboration" },
            ["conversation"] = new JsonObject { ["id"] = OwnerChat, ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        var response = await bot.PostAsync(BotHost.MessagesPath, new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<T> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout) where T : class =>
        await WaitForAsync(() => Task.FromResult(probe()), timeout);

    internal static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Nothing arrived within {timeout}.");
            await Task.Delay(100);
        }
    }
}

/// <summary>The same, end to end through the real Microsoft 365 Agents Playground as the owner's Teams client.</summary>
public sealed class PlaygroundNotificationTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    [Fact]
    public async Task AChangeInOutlookByATeammateAppearsInThePlaygroundConversationAsACard()
    {
        var playground = fixture.Playground;
        var tenant = playground.Config.TenantId;
        var owner = playground.Config.CurrentUser.AadObjectId ?? throw new InvalidOperationException("The Playground user has no aadObjectId.");
        var since = playground.LastSequence;
        await playground.SendMessageAsync("new deal Northwind notify 30k");
        await playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is { } c && Cards.Text(Cards.Parse(c)).Contains("Deal created.", StringComparison.Ordinal));

        await using var addin = AddinHost.Restart(fixture.Db);
        using var mover = addin.RepClient(tenant, "aad-playground-mover", name: "Pat Mover");
        Assert.Equal(HttpStatusCode.OK, (await mover.GetAsync("/api/opportunities")).StatusCode);
        await Team.PlaceAsync(fixture.Db, tenant, "playground-team", owner, "aad-playground-mover");
        var deal = await Team.DealAsync(fixture.Db, tenant, "Northwind notify");
        since = playground.LastSequence;

        await Team.MoveAsync(mover, deal.Id, deal.Version, "qualify");

        var message = await playground.WaitForBotMessageAsync(
            m => m.Sequence > since && m.Kind == PlaygroundMessageKind.Created && m.AdaptiveCard is { } c
                && Cards.Text(Cards.Parse(c)).Contains("Northwind notify", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var text = Cards.Text(Cards.Of(message));
        Assert.Contains("Pat Mover", text);
        Assert.Contains("Outlook", text);
        Assert.Contains($"{PipelineSettings.Default.For(Stage.New).Name} → {PipelineSettings.Default.For(Stage.Qualify).Name}", text);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Bot.Tests.Samples;
using Collaboration.Testing;
using Collaboration.Testing.Node;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests;

/// <summary>
/// Every card the bot can send, read by the official Adaptive Cards library (npm <c>adaptivecards</c>, the renderer
/// technology Teams uses): no errors, no warnings. The samples cover every kind of card; the conversation covers the
/// cards as the bot really draws them from a database, in English and Chinese.
/// </summary>
public sealed class CardValidationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");

    [Fact]
    public async Task EverySampleCardParsesCleanlyInTheOfficialLibrary()
    {
        var samples = DealCardSamples.All();

        await AssertValidAsync(samples.Select(s => (s.Name, s.Card)));
    }

    [Fact]
    public async Task EveryNotificationCardParsesCleanlyInTheOfficialLibrary()
    {
        var samples = NotificationCardSamples.All().ToList();

        await AssertValidAsync(samples);
    }

    [Fact]
    public async Task EveryCardAScriptedConversationSendsParsesCleanlyInTheOfficialLibrary()
    {
        await using var host = await BotConversationHost.StartAsync();
        var seen = new CardLog(host);

        // Before any deal: the welcome card on install, the empty list, and the refusal for a sender without an identity.
        var install = host.Activity(Alex, "conversationUpdate");
        install["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotConversationHost.BotId } };
        await seen.PostAsync("welcome", install);
        await seen.SayAsync(Alex, "list-empty", "my deals");
        var anonymous = host.Activity(Alex, "message");
        anonymous["text"] = "help";
        anonymous["from"]!.AsObject().Remove("aadObjectId");
        await seen.PostAsync("no-identity", anonymous);

        // A deal with nothing but a name, and one whose name is full of markdown, mentions and template syntax.
        await seen.SayAsync(Alex, "create-bare", "new deal Bare");
        await seen.SayAsync(Alex, "log-bare", "log call bare: discussed *pricing*");
        await seen.SayAsync(Alex, "create-hostile", "new deal **x** <at>y</at> [a](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}");
        await seen.SayAsync(Alex, "unknown-stage", "move bare to nowhere");

        // English: create (deal card + qualification prompt), help, unknown, list, not found.
        var created = await seen.SayAsync(Alex, "create", "new deal Contoso 50 seats 120000 close 2026-12-31");
        Assert.Equal(2, created.Count);
        await seen.SayAsync(Alex, "help", "help");
        await seen.SayAsync(Alex, "unknown", "frobnicate");
        await seen.SayAsync(Alex, "list", "my deals");
        await seen.SayAsync(Alex, "not-found", "show nosuchdeal");

        // Stage refusal (BANT gate) with the override input, then the override itself.
        var gated = await seen.ClickAsync(Alex, "gated", CardReader.Action(created[0], CardVerbs.Move), new() { [CardData.Stage] = "proposal" });
        var overrideAction = CardReader.Walk(gated).First(o => o["type"]?.GetValue<string>() == "ActionSet")["actions"]![0]!.AsObject();
        var overridden = await seen.ClickAsync(Alex, "override", overrideAction, new() { [CardData.GateReason] = "Strategic account" });
        Assert.Contains("Moved to Proposal.", CardReader.Text(overridden));

        // A stale click, the qualification prompt answered, won with amount and date.
        await seen.ClickAsync(Alex, "stale", CardReader.Action(created[0], CardVerbs.Advance));
        var qualified = await seen.ClickAsync(Alex, "qualified", CardReader.Action(created[1], CardVerbs.Qualify), new()
        {
            [CardData.BudgetAmount] = "120k",
            [CardData.BudgetStatus] = "WillBuy",
            [CardData.DecisionMaker] = "Wang Fang",
            [CardData.Need] = "MustHave",
            [CardData.Timeline] = "ThisQuarter",
        });
        var fresh = (await seen.SayAsync(Alex, "show", "show contoso")).Single();
        var won = await seen.ClickAsync(Alex, "won", CardReader.Action(fresh, CardVerbs.Won), new() { [CardData.WonAmount] = "118000", [CardData.WonDate] = "2026-12-20" });
        Assert.Contains("Closed as won", CardReader.Text(won));
        _ = qualified;

        // Pick-list on an ambiguous name, then lost through the pick.
        await seen.SayAsync(Alex, "create-alpha", "new deal Fabrikam Alpha 10k");
        await seen.SayAsync(Alex, "create-beta", "new deal Fabrikam Beta 20k");
        var pick = (await seen.SayAsync(Alex, "pick-list", "lost fabrikam price")).Single();
        Assert.True(CardReader.HasAction(pick, CardVerbs.Pick));
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            var beta = await db.Opportunities.SingleAsync(o => o.Name == "Fabrikam Beta");
            var lost = await seen.ClickAsync(Alex, "lost", CardReader.Action(pick, CardVerbs.Pick), new() { [CardData.DealId] = beta.Id.ToString() });
            Assert.Contains("Closed as lost.", CardReader.Text(lost));
        }

        // Chinese: create, list, help, unknown, refusal, pick, won and lost by card.
        var zhCreated = await seen.SayAsync(Li, "zh-create", "新商机 华东项目 12万 成交 2026-12-31");
        Assert.Equal(2, zhCreated.Count);
        await seen.SayAsync(Li, "zh-list", "我的商机");
        await seen.SayAsync(Li, "zh-help", "帮助");
        await seen.SayAsync(Li, "zh-unknown", "你好");
        await seen.SayAsync(Li, "zh-refused", "推进 华东项目 到 方案");
        var zhGated = await seen.ClickAsync(Li, "zh-gated", CardReader.Action(zhCreated[0], CardVerbs.Move), new() { [CardData.Stage] = "proposal" });
        Assert.Contains(CardReader.Walk(zhGated), o => o["id"]?.GetValue<string>() == CardData.GateReason);
        await seen.ClickAsync(Li, "zh-qualified", CardReader.Action(zhCreated[1], CardVerbs.Qualify), new() { [CardData.BudgetStatus] = "WillBuy" });
        await seen.SayAsync(Li, "zh-create-2", "新商机 华南项目 8万");
        await seen.SayAsync(Li, "zh-create-3", "新商机 华南二期 5万");
        var zhPick = (await seen.SayAsync(Li, "zh-pick-list", "显示 华南")).Single();
        Assert.True(CardReader.HasAction(zhPick, CardVerbs.Pick));
        var zhShown = (await seen.SayAsync(Li, "zh-show", "显示 华东项目")).Single();
        await seen.ClickAsync(Li, "zh-won", CardReader.Action(zhShown, CardVerbs.Won), new() { [CardData.WonAmount] = "120000" });
        var zhSouth = (await seen.SayAsync(Li, "zh-show-2", "显示 华南项目")).Single();
        await seen.ClickAsync(Li, "zh-lost", CardReader.Action(zhSouth, CardVerbs.Lost), new() { [CardData.LossReason] = "price" });

        Assert.True(seen.Cards.Count >= 40, $"only {seen.Cards.Count} cards were captured");
        await AssertValidAsync(seen.Cards);
    }

    /// <summary>Runs the official library over the cards and checks the Teams rules it does not know.</summary>
    private static async Task AssertValidAsync(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        var list = cards.ToList();
        var failures = new List<string>();
        foreach (var (name, card) in list)
        {
            if (card["version"]?.GetValue<string>() != "1.5") failures.Add($"{name}: version is {card["version"]?.ToJsonString() ?? "missing"}, not \"1.5\"");
            foreach (var action in CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "Action.Execute"))
            {
                var title = action["title"]?.GetValue<string>();
                if (string.IsNullOrWhiteSpace(action["verb"]?.GetValue<string>())) failures.Add($"{name}: Action.Execute \"{title}\" has no verb");
                if (action["fallback"] is not JsonObject fallback || fallback["type"]?.GetValue<string>() != "Action.Submit")
                {
                    failures.Add($"{name}: Action.Execute \"{title}\" has no Action.Submit fallback");
                }
            }
        }

        var results = await CardValidator.ValidateAsync(list.Select(c => (c.Name, (object)c.Card)));
        Assert.Equal(list.Count, results.Count);
        foreach (var result in results.Where(r => !r.IsValid))
        {
            failures.AddRange(result.Problems.Select(p => $"{result.Name}: {p}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} problem(s) in {list.Count} cards:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>Records every card the bot sent (Connector POST and PUT) and every card it answered an invoke with, each under a name.</summary>
    private sealed class CardLog(BotConversationHost host)
    {
        private int _seen;

        public List<(string Name, JsonObject Card)> Cards { get; } = [];

        public async Task<IReadOnlyList<JsonObject>> SayAsync(TestUser user, string name, string text)
        {
            var before = host.Connector.Requests.Count;
            var sent = await host.SayAsync(user, text);
            Collect(name, before);
            return sent;
        }

        public async Task PostAsync(string name, JsonObject activity)
        {
            var before = host.Connector.Requests.Count;
            var response = await host.PostAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(before, host.Connector.Requests.Count);
            Collect(name, before);
        }

        public async Task<JsonObject> ClickAsync(TestUser user, string name, JsonObject action, Dictionary<string, string>? inputs = null)
        {
            var before = host.Connector.Requests.Count;
            var answer = await host.ClickAsync(user, action, inputs);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Body["type"]!.GetValue<string>());
            Cards.Add(($"{name} (invoke answer)", answer.Card));
            Collect(name, before);
            return answer.Card;
        }

        private void Collect(string name, int before)
        {
            foreach (var request in host.RequestsSince(before))
            {
                if (BotConversationHost.CardOf(request) is { } card) Cards.Add(($"{name} ({request.Method} #{++_seen})", card));
            }
        }
    }
}

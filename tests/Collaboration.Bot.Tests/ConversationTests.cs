using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Tests;

/// <summary>Whole conversations: the real host on Kestrel, a real database, a local Bot Connector, development mode.</summary>
public sealed class ConversationTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private static readonly TestUser Li = new("aad-li", "李雷", Locale: "zh-CN");
    private static readonly TestUser Outsider = new("aad-eve", "Eve", TenantId: "tenant-b");

    private static readonly Dictionary<string, string> FullQualification = new()
    {
        [CardData.BudgetAmount] = "120k",
        [CardData.BudgetStatus] = "WillBuy",
        [CardData.DecisionMaker] = "Wang Fang",
        [CardData.Need] = "MustHave",
        [CardData.Timeline] = "ThisQuarter",
    };

    [Fact]
    public async Task CreatingADealByChatSavesItAndAsksForTheQualification()
    {
        await using var host = await BotConversationHost.StartAsync();

        var cards = await host.SayAsync(Alex, "new deal Contoso 50 seats 120000 close 2026-12-31");

        Assert.Equal(2, cards.Count);
        Assert.Contains("Deal created.", CardReader.Text(cards[0]));
        Assert.Contains("Contoso 50 seats", CardReader.Text(cards[0]));
        Assert.Contains("Let's qualify", CardReader.Text(cards[1]));
        Assert.True(CardReader.HasAction(cards[1], CardVerbs.Qualify));
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal("Contoso 50 seats", deal.Name);
        Assert.Equal(120_000m, deal.Amount);
        Assert.Equal(new DateOnly(2026, 12, 31), deal.CloseDate);
        Assert.Equal("aad-alex", deal.OwnerId);
        Assert.Equal(deal.Id.ToString(), CardReader.Action(cards[0], CardVerbs.Advance)["data"]![CardData.DealId]!.GetValue<string>());
        var reference = await db.ConversationReferences.SingleAsync();
        Assert.Equal(Alex.ConversationId, reference.ConversationId);
        Assert.Equal("aad-alex", reference.UserObjectId);
        Assert.Equal(host.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.True(reference.IsActive);
        Assert.All(host.Connector.Requests, r => Assert.Contains("/v3/conversations/a%3Apersonal-aad-alex%3Bmessageid%3D1/activities", r.RawTarget));
    }

    [Fact]
    public async Task AnsweringTheQualificationCardSavesTheBant()
    {
        await using var host = await BotConversationHost.StartAsync();
        var prompt = (await host.SayAsync(Alex, "new deal Contoso 120k"))[1];

        var answer = await host.ClickAsync(Alex, CardReader.Action(prompt, CardVerbs.Qualify), FullQualification);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Body["type"]!.GetValue<string>());
        Assert.Contains("Qualification saved.", CardReader.Text(answer.Card));
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(120_000m, deal.Bant.BudgetAmount);
        Assert.Equal(BudgetStatus.WillBuy, deal.Bant.BudgetStatus);
        Assert.Equal("Wang Fang", deal.Bant.DecisionMakerName);
        Assert.Equal(NeedLevel.MustHave, deal.Bant.Need);
        Assert.Equal(Timeframe.ThisQuarter, deal.Bant.Timeframe);
        Assert.True(deal.QualificationScore >= 90, $"score {deal.QualificationScore}");
        Assert.Contains($"{deal.QualificationScore}/100", CardReader.Text(answer.Card));
    }

    [Fact]
    public async Task CardButtonsAdvanceTheDealThroughEveryStageToWonAndHistoryRecordsEachStep()
    {
        await using var host = await BotConversationHost.StartAsync();
        var cards = await host.SayAsync(Alex, "new deal Contoso 120k close 2026-12-31");
        var card = (await host.ClickAsync(Alex, CardReader.Action(cards[1], CardVerbs.Qualify), FullQualification)).Card;

        var stages = new List<string>();
        while (CardReader.HasAction(card, CardVerbs.Advance))
        {
            var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Advance));
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            card = answer.Card;
            Assert.DoesNotContain("could not", CardReader.Text(card));
            stages.Add(CardReader.Text(card));
        }

        Assert.Equal(6, stages.Count);
        Assert.Contains("Closed as won", stages[^1]);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(Stage.Won, deal.Stage);
        var history = await db.OpportunityChanges.Where(c => c.Field == ChangedField.Stage).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["new", "qualify", "nurture", "proposal", "negotiation", "contract", "won"], history.Select(h => h.NewValue));
        Assert.All(history, h => Assert.Equal(Domain.Common.ChangeSurface.Teams, h.Surface));
        Assert.All(history, h => Assert.Equal("aad-alex", h.ChangedBy));
        Assert.Contains(host.Connector.Requests, r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/card-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovingIntoQualifyWithGapsSendsTheQualificationPrompt()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso 120k"))[0];
        var before = host.Connector.Requests.Count;

        var answer = await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Advance));

        Assert.Contains("Moved to Qualify.", CardReader.Text(answer.Card));
        var prompt = Assert.Single(host.CardsSentSince(before));
        Assert.Contains("Let's qualify", CardReader.Text(prompt));
    }

    [Fact]
    public async Task ATypedAdvanceAndAClickedAdvanceMakeTheSameChangeAndAnswer()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");
        var fabrikam = (await host.SayAsync(Alex, "new deal Fabrikam 120k"))[0];

        var before = host.Connector.Requests.Count;
        var typed = await host.SayAsync(Alex, "advance contoso");
        var clicked = await host.ClickAsync(Alex, CardReader.Action(fabrikam, CardVerbs.Advance));
        var clickPrompts = host.CardsSentSince(before + typed.Count);

        Assert.Equal(2, typed.Count);
        Assert.Equal(CardReader.Text(typed[0]).Replace("Contoso", "Fabrikam", StringComparison.Ordinal), CardReader.Text(clicked.Card));
        Assert.Equal(CardReader.Text(typed[1]).Replace("Contoso", "Fabrikam", StringComparison.Ordinal), CardReader.Text(Assert.Single(clickPrompts)));
        await using var db = host.Db.Database.Open("tenant-a");
        var history = await db.OpportunityChanges.Where(c => c.Field == ChangedField.Stage).OrderBy(c => c.Id).ToListAsync();
        var moves = history.Where(c => c.NewValue == "qualify").ToList();
        Assert.Equal(2, moves.Count);
        Assert.All(moves, m => Assert.Equal(("new", Domain.Common.ChangeSurface.Teams, "aad-alex"), (m.OldValue, m.Surface, m.ChangedBy)));
    }

    [Fact]
    public async Task AGatedMoveShowsTheGapsAndAnOverrideWithAReasonThatWorks()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso 120k"))[0];

        var gated = (await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Move), new Dictionary<string, string> { [CardData.Stage] = "proposal" })).Card;

        Assert.Contains("below the required 50", CardReader.Text(gated));
        var overrideAction = CardReader.Walk(gated).First(o => o["type"]?.GetValue<string>() == "ActionSet")["actions"]![0]!.AsObject();
        Assert.Equal("proposal", overrideAction["data"]![CardData.Target]!.GetValue<string>());
        var moved = (await host.ClickAsync(Alex, overrideAction, new Dictionary<string, string> { [CardData.GateReason] = "Strategic account" })).Card;
        Assert.Contains("Moved to Proposal.", CardReader.Text(moved));
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(Stage.Proposal, deal.Stage);
        Assert.Equal("Strategic account", deal.QualificationOverrideReason);
    }

    [Fact]
    public async Task AChineseConversationGetsChineseAnswers()
    {
        await using var host = await BotConversationHost.StartAsync();

        var created = await host.SayAsync(Li, "新商机 华东项目 12万 成交 2026-12-31");
        var list = await host.SayAsync(Li, "我的商机");
        var budget = await host.SayAsync(Li, "华东项目 预算 12万 已确认");
        var help = await host.SayAsync(Li, "帮助");
        var unknown = await host.SayAsync(Li, "你好");

        Assert.Contains("商机已创建。", CardReader.Text(created[0]));
        Assert.Contains("新建", CardReader.Text(created[0]));
        Assert.Contains("推进到资格审核", CardReader.Text(created[0]));
        Assert.Contains("请完善", CardReader.Text(created[1]));
        Assert.Contains("您的未关闭商机", CardReader.Text(list[0]));
        Assert.Contains("资格信息已保存。", CardReader.Text(budget[0]));
        Assert.Contains("我可以帮您做这些", CardReader.Text(help[0]));
        Assert.Contains("我没有理解", CardReader.Text(unknown[0]));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(BudgetStatus.WillBuy, (await db.Opportunities.SingleAsync()).Bant.BudgetStatus);
    }

    [Fact]
    public async Task AChineseRefusalIsLocalizedInsideTheCard()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Li, "新商机 华东项目 12万");

        var refused = await host.SayAsync(Li, "推进 华东项目 到 方案");

        Assert.Contains("资格评分为", CardReader.Text(refused[0]));
    }

    [Fact]
    public async Task AnAmbiguousNameGetsAPickListAndThePickCarriesTheCommandOn()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso Alpha");
        await host.SayAsync(Alex, "new deal Contoso Beta");

        var pick = Assert.Single(await host.SayAsync(Alex, "log call contoso: discussed pricing"));

        Assert.Contains("Which deal do you mean?", CardReader.Text(pick));
        var choices = CardReader.Walk(pick).First(o => o["id"]?.GetValue<string>() == CardData.DealId)["choices"]!.AsArray();
        Assert.Equal(2, choices.Count);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Interactions.ToListAsync());
        var beta = await db.Opportunities.SingleAsync(o => o.Name == "Contoso Beta");

        var answer = await host.ClickAsync(Alex, CardReader.Action(pick, CardVerbs.Pick), new Dictionary<string, string> { [CardData.DealId] = beta.Id.ToString() });

        Assert.Contains("Call logged.", CardReader.Text(answer.Card));
        var interaction = await db.Interactions.SingleAsync();
        Assert.Equal(beta.Id, interaction.OpportunityId);
        Assert.Equal("discussed pricing", interaction.Summary);
    }

    [Fact]
    public async Task ANameNothingMatchesGetsAHelpfulMessage()
    {
        await using var host = await BotConversationHost.StartAsync();

        var answer = Assert.Single(await host.SayAsync(Alex, "show nosuchdeal"));

        Assert.Contains("I found no deal matching \"nosuchdeal\"", CardReader.Text(answer));
    }

    [Fact]
    public async Task TheSameCardActionClickedTwiceChangesTheDealOnce()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso 120k"))[0];
        var advance = CardReader.Action(card, CardVerbs.Advance);

        var first = await host.ClickAsync(Alex, advance);
        var second = await host.ClickAsync(Alex, advance);

        Assert.Contains("Moved to Qualify.", CardReader.Text(first.Card));
        var stale = CardReader.Text(second.Card);
        Assert.Contains("This deal changed since this card was shown", stale);
        Assert.Contains("Stage: New → Qualify (Alex Wilber", stale);
        Assert.True(CardReader.HasAction(second.Card, CardVerbs.Advance));
        Assert.Contains("Advance to Nurture", stale);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.Qualify, (await db.Opportunities.SingleAsync()).Stage);
        Assert.Equal(2, await db.OpportunityChanges.CountAsync(c => c.Field == ChangedField.Stage));
    }

    [Fact]
    public async Task ACardMadeStaleByATypedQualificationSaysTheScoreChanged()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso 120k"))[0];
        await host.SayAsync(Alex, "contoso budget 120k confirmed");

        var stale = CardReader.Text((await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Advance))).Card);

        Assert.Contains("This deal changed since this card was shown", stale);
        Assert.Contains("BANT score: 0 → 30", stale);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.New, (await db.Opportunities.SingleAsync()).Stage);
    }

    [Fact]
    public async Task AMoveClickOnAFreshCardAnswersWithTheDealsAccountAndOnAStaleCardChangesNothing()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.Services.GetRequiredService<OpportunityService>().CaptureAsync(new Actor("tenant-a", Alex.ObjectId, ChangeSurface.Teams),
            new CaptureRequest("Contoso rollout") { ContactEmail = "priya@contoso.com", AccountName = "Contoso Ltd" });
        var card = (await host.SayAsync(Alex, "show contoso"))[0];
        var staleLater = (await host.SayAsync(Alex, "show contoso"))[0];

        var moved = CardReader.Text((await host.ClickAsync(Alex, CardReader.Action(card, CardVerbs.Move), new Dictionary<string, string> { [CardData.Stage] = "qualify" })).Card);
        var stale = CardReader.Text((await host.ClickAsync(Alex, CardReader.Action(staleLater, CardVerbs.Lost), new Dictionary<string, string> { [CardData.LossReason] = "price" })).Card);

        Assert.Contains("Moved to Qualify.", moved);
        Assert.Contains("Contoso Ltd", moved);
        Assert.Contains("This deal changed since this card was shown", stale);
        Assert.Contains("Alex Wilber", stale);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(Stage.Qualify, deal.Stage);
        Assert.Null(deal.LossReason);
    }

    [Fact]
    public async Task AReferredDealRecordsWhoReferredIt()
    {
        await using var host = await BotConversationHost.StartAsync();

        var cards = await host.SayAsync(Alex, "new deal Fabrikam rollout $80k referred by Wang Fang");

        Assert.Contains("Wang Fang", CardReader.Text(cards[0]));
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal("Wang Fang", deal.ReferredBy);
        Assert.Equal(CaptureSource.Referral, deal.Source);
        Assert.Equal(80_000m, deal.Amount);
        Assert.Equal("USD", deal.Currency);
    }

    [Fact]
    public async Task LostByChatNeedsAKnownReasonAndThenClosesTheDeal()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 120k");

        var refused = CardReader.Text((await host.SayAsync(Alex, "lost contoso"))[0]);
        var lost = CardReader.Text((await host.SayAsync(Alex, "lost contoso price"))[0]);
        var again = CardReader.Text((await host.SayAsync(Alex, "advance contoso"))[0]);

        Assert.Contains("To close as lost, choose a reason", refused);
        Assert.Contains("Closed as lost.", lost);
        Assert.Contains("This deal is closed", again);
        await using var db = host.Db.Database.Open("tenant-a");
        var deal = await db.Opportunities.SingleAsync();
        Assert.Equal(Stage.Lost, deal.Stage);
        Assert.Equal("price", deal.LossReason);
    }

    [Fact]
    public async Task ASubmittedFallbackSendsTheCardAsANewMessageAndUpdatesTheOldOne()
    {
        await using var host = await BotConversationHost.StartAsync();
        var card = (await host.SayAsync(Alex, "new deal Contoso 120k"))[0];
        var before = host.Connector.Requests.Count;

        var sent = await host.SubmitAsync(Alex, CardReader.Action(card, CardVerbs.Log),
            new Dictionary<string, string> { [CardData.Kind] = "Meeting", [CardData.Text] = "Demo went well" }, replyToId: "card-7");

        Assert.Contains("Meeting logged.", CardReader.Text(Assert.Single(sent)));
        Assert.Contains(host.RequestsSince(before), r => r.Method == "PUT" && r.RawTarget.EndsWith("/activities/card-7", StringComparison.Ordinal));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal("Demo went well", (await db.Interactions.SingleAsync()).Summary);
    }

    [Fact]
    public async Task TwoRepsAdvancingOneDealAtOnceOnPostgresChangeItOnce()
    {
        await using var host = await BotConversationHost.StartAsync(DatabaseKind.Postgres);
        await host.SayAsync(Alex, "help");
        await host.SayAsync(Megan, "help");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            foreach (var user in await db.Users.ToListAsync()) user.PlaceInTeam("East", null);
            await db.SaveChangesAsync();
        }
        await host.SayAsync(Alex, "new deal Contoso 120k");
        var alexCard = Assert.Single(await host.SayAsync(Alex, "show contoso"));
        var meganCard = Assert.Single(await host.SayAsync(Megan, "show contoso"));

        var answers = await Task.WhenAll(
            host.ClickAsync(Alex, CardReader.Action(alexCard, CardVerbs.Advance)),
            host.ClickAsync(Megan, CardReader.Action(meganCard, CardVerbs.Advance)));

        var texts = answers.Select(a => CardReader.Text(a.Card)).ToList();
        Assert.Equal(1, texts.Count(t => t.Contains("Moved to Qualify.", StringComparison.Ordinal)));
        var loser = texts.Single(t => !t.Contains("Moved to Qualify.", StringComparison.Ordinal));
        Assert.Contains("This deal changed since this card was shown", loser);
        Assert.Contains("Stage: New → Qualify", loser);
        await using var check = host.Db.Database.Open("tenant-a");
        Assert.Equal(Stage.Qualify, (await check.Opportunities.SingleAsync()).Stage);
        Assert.Equal(2, await check.OpportunityChanges.CountAsync(c => c.Field == ChangedField.Stage));
        Assert.Equal([Stage.New, Stage.Qualify], await check.StageStints.OrderBy(s => s.Ordinal).Select(s => s.Stage).ToListAsync());
    }

    [Fact]
    public async Task ADealIdOfAnotherTenantInCardDataIsTreatedAsNotFound()
    {
        await using var host = await BotConversationHost.StartAsync();
        var theirs = (await host.SayAsync(Outsider, "new deal Secret 500k"))[0];
        var advance = CardReader.Action(theirs, CardVerbs.Advance);

        var answer = await host.ClickAsync(Alex, advance);
        var shown = await host.ClickAsync(Alex, new JsonObject { ["verb"] = CardVerbs.Show, ["data"] = advance["data"]!.DeepClone() });

        Assert.Contains("That deal was not found.", CardReader.Text(answer.Card));
        Assert.Contains("That deal was not found.", CardReader.Text(shown.Card));
        Assert.DoesNotContain("Secret", CardReader.Text(answer.Card) + CardReader.Text(shown.Card));
        await using var db = host.Db.Database.Open("tenant-b");
        Assert.Equal(Stage.New, (await db.Opportunities.SingleAsync()).Stage);
    }

    [Fact]
    public async Task AColleaguesDealOutsideTheTeamIsNotFoundEither()
    {
        await using var host = await BotConversationHost.StartAsync();
        var megans = (await host.SayAsync(Megan, "new deal Private 50k"))[0];

        var answer = await host.ClickAsync(Alex, CardReader.Action(megans, CardVerbs.Advance));
        var byName = Assert.Single(await host.SayAsync(Alex, "show private"));

        Assert.Contains("That deal was not found.", CardReader.Text(answer.Card));
        Assert.Contains("I found no deal matching", CardReader.Text(byName));
    }

    [Fact]
    public async Task AHostileDealNameShowsLiterallyInEveryCard()
    {
        await using var host = await BotConversationHost.StartAsync();
        const string hostile = "**x** <at>y</at> [a](javascript:alert(1))";

        var cards = await host.SayAsync(Alex, "new deal " + hostile);
        var list = await host.SayAsync(Alex, "my deals");

        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Equal(hostile, (await db.Opportunities.SingleAsync()).Name);
        foreach (var request in host.Connector.Requests)
        {
            Assert.DoesNotContain("<at>", request.Body);
            Assert.DoesNotContain("\\u003Cat\\u003E", request.Body);
            var card = BotConversationHost.CardOf(request)!;
            var markdown = CardReader.Walk(card).Where(o => o["type"]?.GetValue<string>() == "TextBlock").Select(o => o["text"]!.GetValue<string>())
                .Concat(CardReader.Walk(card).Where(o => o["title"] is not null && o["value"] is not null && o["type"] is null && o["choices"] is null && o["verb"] is null)
                    .Select(o => o["value"]!.ToString()));
            Assert.All(markdown, text => Assert.DoesNotContain("](javascript", text));
        }
        Assert.Contains(@"\*\*x\*\* \<at\>y\</at\> \[a\]\(javascript:alert\(1\)\)", CardReader.Text(cards[0]));
        Assert.Contains(@"\*\*x\*\*", CardReader.Text(list[0]));
    }

    [Fact]
    public async Task MentionsAreStrippedInChannels()
    {
        await using var host = await BotConversationHost.StartAsync();
        var message = host.Activity(Alex, "message", "channel", "19:general@thread.tacv2");
        message["text"] = $"<at>{BotConversationHost.BotName}</at> help";
        message["entities"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{BotConversationHost.BotName}</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotConversationHost.BotId, ["name"] = BotConversationHost.BotName },
            },
        };
        message["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };

        await host.PostAsync(message);

        var card = BotConversationHost.CardOf(Assert.Single(host.Connector.Requests))!;
        Assert.Contains("Here is what I can do", CardReader.Text(card));
        Assert.DoesNotContain("I did not understand", CardReader.Text(card));
        await using var db = host.Db.Database.Open("tenant-a");
        var reference = await db.ConversationReferences.SingleAsync();
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Null(reference.UserObjectId);
        Assert.Equal("channel", reference.ConversationType);
    }

    [Fact]
    public async Task InstallingStoresTheConversationAndUninstallingDeactivatesIt()
    {
        await using var host = await BotConversationHost.StartAsync();
        var added = host.Activity(Alex, "conversationUpdate");
        added["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotConversationHost.BotId } };
        var teamInstall = host.Activity(Alex, "installationUpdate", "channel", "19:general@thread.tacv2");
        teamInstall["action"] = "add";
        teamInstall["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
        var removed = host.Activity(Alex, "installationUpdate");
        removed["action"] = "remove";

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(added)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(teamInstall)).StatusCode);
        await using var db = host.Db.Database.Open("tenant-a");
        var references = await db.ConversationReferences.AsNoTracking().OrderBy(r => r.ConversationId).ToListAsync();
        Assert.Equal(2, references.Count);
        Assert.Equal("19:team@thread.tacv2", references[0].TeamId);
        Assert.Equal("aad-alex", references[1].UserObjectId);
        Assert.Equal(BotConversationHost.BotId, references[1].BotId);
        Assert.Contains("Hi!", CardReader.Text(BotConversationHost.CardOf(host.Connector.Requests.First())!));

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(removed)).StatusCode);
        Assert.False((await db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == Alex.ConversationId)).IsActive);
    }

    [Fact]
    public async Task HealthAnswers200()
    {
        await using var host = await BotConversationHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health")).StatusCode);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests.MessageExtensions;

/// <summary>The search command, link unfurling and the inserted card's buttons, with Teams' documented invoke payloads.</summary>
public sealed class DealSearchExtensionTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Carol = new("aad-carol", "Carol Teammate");
    private static readonly TestUser Bob = new("aad-bob", "Bob Elsewhere");

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task ASearchFindsTheCallersVisibleDealsByFuzzyNameEachWithAThumbnailPreview(string locale)
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso Ltd 80 seats 80k");
        await host.SayAsync(Alex, "new deal Fabrikam renewal");
        await host.SayAsync(Bob, "new deal Contoso for Bob");

        var (status, body) = await host.InvokeAsync(Alex with { Locale = locale }, "composeExtension/query", MessageExtensionHost.Query("contosso"));

        Assert.Equal(HttpStatusCode.OK, status);
        var attachment = Assert.Single(MessageExtensionHost.Attachments(body))!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Contains("Contoso Ltd 80 seats", CardReader.Text(attachment["content"]!.AsObject()));
        var preview = attachment["preview"]!;
        Assert.Equal("application/vnd.microsoft.card.thumbnail", preview["contentType"]!.GetValue<string>());
        Assert.Equal("Contoso Ltd 80 seats", preview["content"]!["title"]!.GetValue<string>());
        Assert.Equal(PipelineSettings.Default.For(Stage.New).DisplayName(locale), preview["content"]!["subtitle"]!.GetValue<string>());
        Assert.Equal("80,000 USD", preview["content"]!["text"]!.GetValue<string>());
        var advance = CardReader.Action(attachment["content"]!.AsObject(), CardVerbs.Advance);
        Assert.Contains(locale == "en-US" ? "Advance" : "推进", advance["title"]!.GetValue<string>());
        var validation = Assert.Single(await Testing.Node.CardValidator.ValidateAsync([("inserted deal card", (object)attachment["content"]!)]));
        Assert.True(validation.IsValid, string.Join("; ", validation.Problems));
    }

    [Fact]
    public async Task InATeamsMeetingChatTheSearchAndTheInsertedCardsButtonWorkAsInAnyChat()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso meeting follow-up");

        var (status, body) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("contoso"), MessageExtensionHost.MeetingChat);

        Assert.Equal(HttpStatusCode.OK, status);
        var attachment = Assert.Single(MessageExtensionHost.Attachments(body))!.AsObject();
        Assert.Equal("Contoso meeting follow-up", attachment["preview"]!["content"]!["title"]!.GetValue<string>());
        var advance = CardReader.Action(attachment["content"]!.AsObject(), CardVerbs.Advance);

        var clicked = await ClickInGroupChatAsync(host, Alex, advance, MessageExtensionHost.MeetingChat);

        Assert.Equal(HttpStatusCode.OK, clicked.Status);
        Assert.NotEqual(Stage.New, (await DealAsync(host, "Contoso meeting follow-up")).Stage);
    }

    [Fact]
    public Task TeamsInitialRunListsTheCallersOwnRecentDealsNewestFirst() => InitialRunAndSearchAsync(DatabaseKind.Sqlite);

    [Fact]
    public Task TeamsInitialRunAndASearchAnswerTheSameOnPostgres() => InitialRunAndSearchAsync(DatabaseKind.Postgres);

    private static async Task InitialRunAndSearchAsync(DatabaseKind kind)
    {
        await using var host = await BotConversationHost.StartAsync(kind);
        await host.SayAsync(Alex, "new deal Older deal");
        await host.SayAsync(Alex, "new deal Newer deal");
        await host.SayAsync(Bob, "new deal Not Alex's deal");

        var (_, body) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.InitialRun());
        var (_, search) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("deal"));

        Assert.Equal(["Newer deal", "Older deal"], MessageExtensionHost.Attachments(body).Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()));
        Assert.Equal(["Newer deal", "Older deal"], MessageExtensionHost.Attachments(search).Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task AHugeQueryAndAnAskForAThousandResultsAreCutToTheBounds()
    {
        await using var host = await BotConversationHost.StartAsync();
        for (var i = 0; i < DealSearch.MaxResults + 3; i++) await host.SayAsync(Alex, $"new deal Contoso site {i}");

        var watch = Stopwatch.StartNew();
        var (status, huge) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("contoso " + new string('x', 60_000), count: 1000));
        var (_, many) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("contoso", count: 1000));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(MessageExtensionHost.Attachments(huge)); // the words past the bound are not searched for
        Assert.Equal(DealSearch.MaxResults, MessageExtensionHost.Attachments(many).Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Teams waits 5 s for a message extension; this took {watch.Elapsed}");
    }

    [Fact]
    public async Task MalformedOrUnknownPayloadsGetAnAnswerTeamsCanShowNeverAFailure()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");

        var cases = new (string Name, JsonNode? Value)[]
        {
            ("composeExtension/query", JsonValue.Create("not an object")),
            ("composeExtension/query", new JsonObject { ["commandId"] = "searchDeals", ["parameters"] = new JsonObject { ["value"] = "x" } }),
            ("composeExtension/queryLink", new JsonObject { ["url"] = "javascript:alert(1)" }),
            ("composeExtension/queryLink", new JsonObject { ["url"] = new JsonArray() }),
            ("composeExtension/queryLink", null),
        };
        foreach (var (name, value) in cases)
        {
            var (status, body) = await host.InvokeAsync(Alex, name, value);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(MessageExtensionHost.Attachments(body));
        }

        // Parameters Teams never sends read as no words: the rep's recent deals.
        var (_, odd) = await host.InvokeAsync(Alex, "composeExtension/query", new JsonObject { ["parameters"] = new JsonArray(1, null, new JsonObject { ["value"] = 5 }) });
        Assert.Equal("Contoso", Assert.Single(MessageExtensionHost.Attachments(odd))!["preview"]!["content"]!["title"]!.GetValue<string>());

        var (_, unknown) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("contoso", commandId: "somethingElse"));
        Assert.Equal("message", unknown["composeExtension"]!["type"]!.GetValue<string>());
        Assert.Contains("somethingElse", unknown["composeExtension"]!["text"]!.GetValue<string>());

        var tooBig = host.Activity(Alex, "invoke", "groupChat", MessageExtensionHost.GroupChat);
        tooBig["name"] = "composeExtension/query";
        tooBig["value"] = MessageExtensionHost.Query(new string('y', 300_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await host.PostAsync(tooBig)).StatusCode);
    }

    [Fact]
    public async Task ADealLinkUnfurlsIntoTheDealCardForSomeoneWhoMaySeeItAndStaysALinkForOthers()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 50k");
        var id = await DealIdAsync(host, "Contoso");
        var link = new JsonObject { ["url"] = $"https://crm.contoso.com/deals/{id}" };

        var (_, forAlex) = await host.InvokeAsync(Alex, "composeExtension/queryLink", link);
        var (_, forBob) = await host.InvokeAsync(Bob, "composeExtension/queryLink", link.DeepClone());
        var (_, other) = await host.InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = $"https://crm.contoso.com/dashboard?deal={id}" });

        var card = Assert.Single(MessageExtensionHost.Attachments(forAlex))!;
        Assert.Equal("Contoso", card["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.Contains("Contoso", CardReader.Text(card["content"]!.AsObject()));
        Assert.Empty(MessageExtensionHost.Attachments(forBob));
        Assert.Empty(MessageExtensionHost.Attachments(other));
    }

    [Fact]
    public async Task TheInsertedCardsAdvanceWorksForATeammateInAChatTheBotIsNotInAndIsRefusedToAnOutsider()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SameTeamAsync(Alex, Carol);
        await host.SayAsync(Bob, "my deals");
        await host.SayAsync(Alex, "new deal Contoso 50k");
        var (_, found) = await host.InvokeAsync(Alex, "composeExtension/query", MessageExtensionHost.Query("contoso"));
        var inserted = MessageExtensionHost.Attachments(found)[0]!["content"]!.AsObject();
        var advance = CardReader.Action(inserted, CardVerbs.Advance);
        // The bot cannot post in a chat it is not a member of.
        host.Connector.Respond = r => r.Path.Contains(MessageExtensionHost.GroupChat, StringComparison.Ordinal) ? Testing.LocalConnector.MessageWritesBlocked() : null;

        var refused = await ClickInGroupChatAsync(host, Bob, advance);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("That deal was not found.", CardReader.Text(refused.Card));
        Assert.Equal(Stage.New, (await DealAsync(host, "Contoso")).Stage);

        var answered = await ClickInGroupChatAsync(host, Carol, advance);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answered.Body["type"]!.GetValue<string>());
        var deal = await DealAsync(host, "Contoso");
        Assert.NotEqual(Stage.New, deal.Stage);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.False(await db.ConversationReferences.AnyAsync(r => r.ConversationId == MessageExtensionHost.GroupChat), "a click is no invitation to post there");
        Assert.Equal("aad-carol", (await db.OpportunityChanges.AsNoTracking().Where(c => c.OpportunityId == deal.Id && c.Field == Domain.Opportunities.ChangedField.Stage)
            .ToListAsync()).Single(c => c.NewValue == deal.Stage.Key()).ChangedBy);
    }

    private static async Task<InvokeAnswer> ClickInGroupChatAsync(BotConversationHost host, TestUser user, JsonObject action,
        string conversation = MessageExtensionHost.GroupChat)
    {
        var invoke = host.Activity(user, "invoke", "groupChat", conversation);
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = "1611060744833";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.GetValue<string>(), ["data"] = action["data"]!.DeepClone() },
            ["trigger"] = "manual",
        };
        var response = await host.PostAsync(invoke);
        return new InvokeAnswer(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    internal static async Task<Guid> DealIdAsync(BotConversationHost host, string name) => (await DealAsync(host, name)).Id;

    internal static async Task<Domain.Opportunities.Opportunity> DealAsync(BotConversationHost host, string name)
    {
        await using var db = host.Db.Database.Open("tenant-a");
        return await db.Opportunities.AsNoTracking().SingleAsync(o => o.Name == name);
    }
}

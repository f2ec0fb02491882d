using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Bot.MessageExtensions;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests.MessageExtensions;

/// <summary>The message action "Log to deal": fetchTask opens the form, submitAction logs the chat message once.</summary>
public sealed class LogToDealActionTests
{
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Bob = new("aad-bob", "Bob Elsewhere");

    private const string HostileHtml =
        "<div><at id=\"0\">Priya</at> - Budget is <b>approved</b> &amp; we sign Friday<script>alert('x')</script><img src=x onerror=alert(1)></div>";

    [Theory]
    [InlineData("en-US", "Log to deal", "Logged to Contoso.", "This message is already logged to Contoso.")]
    [InlineData("zh-CN", "记录到商机", "已记录到“Contoso”。", "这条消息已记录到“Contoso”。")]
    public async Task TheFormIsPrefilledWithTheMessagesTextAndSubmittingLogsItOnceAsAChat(string locale, string title, string logged, string again)
    {
        var rep = Alex with { Locale = locale };
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 50k");
        var id = await DealSearchExtensionTests.DealIdAsync(host, "Contoso");
        var message = MessageExtensionHost.MessagePayload(HostileHtml, "aad-priya");

        var (status, opened) = await host.InvokeAsync(rep, "composeExtension/fetchTask", MessageExtensionHost.FetchTask(message));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(title, opened["task"]!["value"]!["title"]!.GetValue<string>());
        var form = MessageExtensionHost.DialogCard(opened);
        var text = MessageExtensionHost.Input(form, ExtensionCards.TextInput)["value"]!.GetValue<string>();
        Assert.Equal("Priya - Budget is approved & we sign Friday", text);
        var choices = MessageExtensionHost.Input(form, ExtensionCards.DealInput)["choices"]!.AsArray();
        Assert.Equal(id.ToString(), Assert.Single(choices)!["value"]!.GetValue<string>());
        var validation = Assert.Single(await Testing.Node.CardValidator.ValidateAsync([("log form", (object)form)]));
        Assert.True(validation.IsValid, string.Join("; ", validation.Problems));

        var submit = CardReader.Walk(form).First(o => o["type"]?.GetValue<string>() == "Action.Submit")["data"]!.DeepClone().AsObject();
        submit[ExtensionCards.DealInput] = id.ToString();
        submit[ExtensionCards.TextInput] = text;
        var (_, done) = await host.InvokeAsync(rep, "composeExtension/submitAction", MessageExtensionHost.SubmitAction(submit, message.DeepClone().AsObject()));
        var (_, twice) = await host.InvokeAsync(rep, "composeExtension/submitAction", MessageExtensionHost.SubmitAction(submit.DeepClone().AsObject()));

        Assert.Equal(logged, MessageExtensionHost.DialogMessage(done));
        Assert.Equal(again, MessageExtensionHost.DialogMessage(twice));
        await using var db = host.Db.Database.Open("tenant-a");
        var interaction = await db.Interactions.AsNoTracking().SingleAsync(i => i.OpportunityId == id && i.Kind == InteractionKind.Chat);
        Assert.Equal(text, interaction.Summary);
        Assert.Equal(Direction.Inbound, interaction.Direction);
        Assert.Equal("aad-alex", interaction.LoggedBy);
    }

    [Fact]
    public async Task ADealTheRepMayNotSeeIsRefusedAndNothingIsLogged()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso 50k");
        var id = await DealSearchExtensionTests.DealIdAsync(host, "Contoso");
        await host.SayAsync(Bob, "my deals");

        var data = new JsonObject { [ExtensionCards.DealInput] = id.ToString(), [ExtensionCards.TextInput] = "sneaky note", [ExtensionCards.MessageIdData] = "42" };
        var (status, answer) = await host.InvokeAsync(Bob, "composeExtension/submitAction", MessageExtensionHost.SubmitAction(data));
        var (_, byName) = await host.InvokeAsync(Bob, "composeExtension/submitAction",
            MessageExtensionHost.SubmitAction(new JsonObject { [ExtensionCards.DealNameInput] = "Contoso", [ExtensionCards.TextInput] = "sneaky note" }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("That deal was not found.", CardReader.Text(MessageExtensionHost.DialogCard(answer)));
        Assert.Contains("I found no deal matching", CardReader.Text(MessageExtensionHost.DialogCard(byName)));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.False(await db.Interactions.AnyAsync(i => i.Kind == InteractionKind.Chat));
    }

    [Fact]
    public async Task ANameSeveralDealsMatchOffersThemAndAMissingDealOrTextIsAskedFor()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso Berlin");
        await host.SayAsync(Alex, "new deal Contoso Paris");

        var (_, ambiguous) = await host.InvokeAsync(Alex, "composeExtension/submitAction",
            MessageExtensionHost.SubmitAction(new JsonObject { [ExtensionCards.DealNameInput] = "contoso", [ExtensionCards.TextInput] = "call went well" }));
        var (_, noDeal) = await host.InvokeAsync(Alex, "composeExtension/submitAction",
            MessageExtensionHost.SubmitAction(new JsonObject { [ExtensionCards.TextInput] = "call went well" }));
        var (_, noText) = await host.InvokeAsync(Alex, "composeExtension/submitAction",
            MessageExtensionHost.SubmitAction(new JsonObject { [ExtensionCards.DealNameInput] = "Contoso Paris", [ExtensionCards.TextInput] = "  <b></b> " }));

        var offered = MessageExtensionHost.DialogCard(ambiguous);
        Assert.Contains("Several deals match \"contoso\"", CardReader.Text(offered));
        Assert.Equal(["Contoso Berlin", "Contoso Paris"], MessageExtensionHost.Input(offered, ExtensionCards.DealInput)["choices"]!.AsArray()
            .Select(c => c!["title"]!.GetValue<string>()).Order());
        Assert.Equal("call went well", MessageExtensionHost.Input(offered, ExtensionCards.TextInput)["value"]!.GetValue<string>());
        Assert.Contains("Choose a deal", CardReader.Text(MessageExtensionHost.DialogCard(noDeal)));
        Assert.Contains("nothing to log", CardReader.Text(MessageExtensionHost.DialogCard(noText)));
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.False(await db.Interactions.AnyAsync(i => i.Kind == InteractionKind.Chat));
    }

    [Fact]
    public async Task AnOversizeOrMalformedMessageIsBoundedAndNeverFails()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Contoso");
        var huge = string.Concat(Enumerable.Repeat("<div><span>budget approved </span></div>", 2_500)); // ~100 KB of markup, twice that as JSON
        var (status, opened) = await host.InvokeAsync(Alex, "composeExtension/fetchTask", MessageExtensionHost.FetchTask(MessageExtensionHost.MessagePayload(huge, "aad-alex")));

        Assert.Equal(HttpStatusCode.OK, status);
        var text = MessageExtensionHost.Input(MessageExtensionHost.DialogCard(opened), ExtensionCards.TextInput)["value"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, ExtensionInvoke.MaxMessageText);
        Assert.StartsWith("budget approved", text);

        var malformed = new JsonNode?[]
        {
            JsonValue.Create(12),
            new JsonObject { ["commandId"] = "logToDeal", ["messagePayload"] = "text" },
            new JsonObject { ["commandId"] = "logToDeal", ["messagePayload"] = new JsonObject { ["body"] = new JsonObject { ["content"] = new JsonArray() } } },
        };
        foreach (var value in malformed)
        {
            var (code, answer) = await host.InvokeAsync(Alex, "composeExtension/fetchTask", value);
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal("", MessageExtensionHost.Input(MessageExtensionHost.DialogCard(answer), ExtensionCards.TextInput)["value"]!.GetValue<string>());
        }
        var (_, submitted) = await host.InvokeAsync(Alex, "composeExtension/submitAction", new JsonObject { ["data"] = "not an object" });
        Assert.Contains("nothing to log", CardReader.Text(MessageExtensionHost.DialogCard(submitted)));
    }

    [Fact]
    public async Task SomeoneTeamsDoesNotNameIsToldSoInTheirLanguage()
    {
        await using var host = await BotConversationHost.StartAsync();
        var invoke = host.Activity(Alex with { Locale = "zh-CN" }, "invoke", "groupChat", MessageExtensionHost.GroupChat);
        invoke["from"]!.AsObject().Remove("aadObjectId");
        invoke["name"] = "composeExtension/fetchTask";
        invoke["value"] = MessageExtensionHost.FetchTask(MessageExtensionHost.MessagePayload("hi", "x"));

        var response = await host.PostAsync(invoke);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotTexts.T("no_identity", "zh-Hans"), MessageExtensionHost.DialogMessage(body));
        Assert.Empty(host.Connector.Sends);
    }
}

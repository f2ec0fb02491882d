using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Tests.Infrastructure;

namespace Collaboration.Bot.Protocol.Tests.Activities;

public sealed class ActivityTests
{
    [Fact]
    public void PlaygroundMessageParsesWithAddressingTenantAndClientInfo()
    {
        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(TestActivities.PlaygroundLines()[0]));

        Assert.True(activity.IsMessage);
        Assert.Equal("hello bot", activity.Text);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("http://localhost:56998/_connector", activity.ServiceUrl);
        Assert.Equal("00000000-0000-0000-0000-0000000000020", activity.From?.AadObjectId);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.TenantId);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 21, 57, 30, 601, TimeSpan.Zero), activity.Timestamp);
        var clientInfo = activity.GetClientInfo();
        Assert.Equal("en-US", clientInfo?.Locale);
        Assert.Equal("UTC", clientInfo?.Timezone);
    }

    [Fact]
    public void PlaygroundActionExecuteInvokeExposesNameReplyToAndValue()
    {
        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(TestActivities.PlaygroundLines()[1]));

        Assert.True(activity.IsInvoke);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("1795730257075", activity.ReplyToId);
        Assert.Equal("advance", activity.Value?.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal("message", activity.ChannelData?.AdditionalProperties?["source"].GetProperty("name").GetString());
    }

    [Fact]
    public void UnknownFieldsSurviveARoundTrip()
    {
        var json = """{"type":"message","futureField":{"a":[1,2]},"from":{"id":"u","extra":true},"channelData":{"tenant":{"id":"t"},"settings":{"x":1}},"conversation":{"id":"c","flavour":"x"}}""";

        var roundTripped = JsonNode.Parse(ActivityJson.Serialize(ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(json))));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), roundTripped));
    }

    [Fact]
    public void ACardsTextReachesTheConnectorExactlyAsTheRepWroteIt()
    {
        const string name = "Contoso \"Q4\" \\ </script> 续约 🚀 \u0001";
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = name }),
        };
        var reply = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };

        var sent = ActivityJson.Serialize(reply);
        var received = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(sent));

        Assert.Equal(name, received.Attachments![0].Content!.Value.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.DoesNotContain("</script>", sent);
    }

    [Fact]
    public void ACardWrittenOnceGoesOutTheSameInAMessageAndInAnInvokeAnswerAndReadsBack()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "华东 \"Q4\" <at>x</at>" }),
        };
        var written = RawJson.Of(card);

        var message = ActivityJson.Serialize(new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(written)] });
        var answer = JsonDocument.Parse(InvokeResponse.AdaptiveCard(written).Json).RootElement;
        var received = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(message)).Attachments![0];

        Assert.True(JsonNode.DeepEquals(card, JsonNode.Parse(received.Content!.Value.GetRawText())));
        Assert.True(JsonNode.DeepEquals(card, JsonNode.Parse(answer.GetProperty("value").GetRawText())));
        Assert.Equal(Attachment.AdaptiveCardContentType, received.ContentType);
        Assert.Equal(Attachment.AdaptiveCardContentType, answer.GetProperty("type").GetString());
    }

    [Fact]
    public void BytesThatAreNotUtf8InASendersActivityAreNotSentOn()
    {
        var json = System.Text.Encoding.UTF8.GetBytes("""{"type":"invoke","value":{"text":"caf_"}}""");
        json[Array.IndexOf(json, (byte)'_')] = 0xC3; // a lead byte with no continuation
        var inbound = ActivityJson.Parse(json);

        // As the connector client sends it: straight to UTF-8.
        var echoed = JsonSerializer.SerializeToUtf8Bytes(new Activity { Type = ActivityTypes.Message, Value = inbound.Value }, ActivityJson.Options);

        Assert.True(System.Text.Unicode.Utf8.IsValid(echoed));
        Assert.Equal("caf\uFFFD", JsonDocument.Parse(echoed).RootElement.GetProperty("value").GetProperty("text").GetString());
    }

    [Fact]
    public void TenantIdFallsBackToChannelData()
    {
        var activity = new Activity { Conversation = new ConversationAccount { Id = "c" }, ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "from-channel-data" } } };

        Assert.Equal("from-channel-data", activity.TenantId);
    }

    [Fact]
    public void ChannelDataExposesTeamChannelAndEventType()
    {
        var json = """{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"28:bot"}],"channelData":{"eventType":"teamMemberAdded","team":{"id":"19:team","name":"Sales","aadGroupId":"g"},"channel":{"id":"19:chan","name":"General"},"tenant":{"id":"t"}}}""";

        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal("teamMemberAdded", activity.ChannelData?.EventType);
        Assert.Equal("g", activity.ChannelData?.Team?.AadGroupId);
        Assert.Equal("General", activity.ChannelData?.Channel?.Name);
        Assert.True(activity.WasBotAdded());
    }

    [Fact]
    public void BotMentionIsStrippedButOtherMentionsStay()
    {
        var json = """
        {"type":"message","text":"<at>Collaboration</at> assign to <at>Alex</at> please ","recipient":{"id":"28:bot","name":"Collaboration"},
         "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"Collaboration"},"text":"<at>Collaboration</at>"},
                     {"type":"mention","mentioned":{"id":"29:alex","name":"Alex"},"text":"<at>Alex</at>"},
                     {"type":"clientInfo","locale":"de-DE","timezone":"Europe/Berlin"}]}
        """;

        var activity = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal("assign to <at>Alex</at> please", activity.GetTextWithoutBotMention());
        Assert.Equal(2, activity.GetMentions().Count);
        Assert.Equal("Europe/Berlin", activity.GetClientInfo()?.Timezone);
    }

    [Fact]
    public void BotMentionTagIsStrippedEvenWithoutAMentionEntity()
    {
        var activity = new Activity { Text = "<at>Collaboration</at>  deals today", Recipient = new ChannelAccount { Id = "b", Name = "Collaboration" } };

        Assert.Equal("deals today", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void ReplyIsAddressedBackToTheSenderAndThreaded()
    {
        var incoming = ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(TestActivities.PlaygroundLines()[0]));

        var reply = incoming.CreateReply("hi", Attachment.AdaptiveCard(new { type = "AdaptiveCard" }));

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal(incoming.Id, reply.ReplyToId);
        Assert.Equal(incoming.Recipient?.Id, reply.From?.Id);
        Assert.Equal(incoming.From?.Id, reply.Recipient?.Id);
        Assert.Equal(incoming.Conversation?.Id, reply.Conversation?.Id);
        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(reply.Attachments!).ContentType);
    }

    [Fact]
    public void ConversationReferenceCapturesWhatAProactiveMessageNeeds()
    {
        var json = """
        {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","locale":"de-DE",
         "from":{"id":"29:u","name":"Alex","aadObjectId":"aad"},"recipient":{"id":"28:bot","name":"Collaboration"},
         "conversation":{"id":"19:c;messageid=1","conversationType":"channel"},
         "channelData":{"tenant":{"id":"t"},"team":{"id":"19:team"},"channel":{"id":"19:chan"}}}
        """;

        var reference = ConversationReference.FromActivity(ActivityJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(
            new ConversationReference
            {
                ServiceUrl = "https://smba.trafficmanager.net/emea/",
                ChannelId = "msteams",
                ConversationId = "19:c;messageid=1",
                ConversationType = "channel",
                TenantId = "t",
                BotId = "28:bot",
                BotName = "Collaboration",
                UserId = "29:u",
                UserAadObjectId = "aad",
                UserName = "Alex",
                TeamId = "19:team",
                TeamsChannelId = "19:chan",
                Locale = "de-DE",
            },
            reference);
        Assert.Equal("19:c;messageid=1", reference.CreateMessage("x").Conversation?.Id);
    }

    [Fact]
    public void InvokeResponseFactoriesProduceTheUniversalActionShapes()
    {
        var card = InvokeResponse.AdaptiveCard(new { type = "AdaptiveCard" });
        var message = InvokeResponse.Message("done");
        var error = InvokeResponse.Error(400, "BadInput", "Stage unknown");

        Assert.Equal(200, card.Status);
        AssertJson("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard"}}""", card.Json);
        AssertJson("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done"}""", message.Json);
        Assert.Equal(200, error.Status);
        AssertJson("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadInput","message":"Stage unknown"}}""", error.Json);
        Assert.Throws<ArgumentOutOfRangeException>(() => InvokeResponse.Error(200, "x", "y"));
    }

    private static void AssertJson(string expected, byte[]? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual!)), System.Text.Encoding.UTF8.GetString(actual!));
}

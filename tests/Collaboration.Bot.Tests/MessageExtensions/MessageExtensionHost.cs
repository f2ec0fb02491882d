using System.Net;
using System.Text.Json.Nodes;
using Collaboration.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Bot.Tests.MessageExtensions;

/// <summary>Posts the message extension's invokes as Teams documents them (learn.microsoft.com, msteams-docs), from a group chat the bot is not in.</summary>
public static class MessageExtensionHost
{
    public const string GroupChat = "19:d77be72390a1416e9644261e9064fa00@thread.skype";

    /// <summary>A Teams meeting's chat: a group chat whose id names the meeting, with the meeting in channelData.</summary>
    public const string MeetingChat = "19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzZTAtNTVlNmZmMDhkNGU2@thread.v2";

    public static async Task<(HttpStatusCode Status, JsonObject Body)> InvokeAsync(this BotConversationHost host, TestUser user, string name, JsonNode? value,
        string conversation = GroupChat)
    {
        var invoke = host.Activity(user, "invoke", "groupChat", conversation);
        if (conversation == MeetingChat) invoke["channelData"]!["meeting"] = new JsonObject { ["id"] = "MCMxOTptZWV0aW5nX01qZGhOak00WXpV" };
        invoke["name"] = name;
        invoke["value"] = value;
        invoke["channelData"]!["source"] = new JsonObject { ["name"] = "compose" };
        var response = await host.PostAsync(invoke);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject());
    }

    public static JsonObject Query(string text, string commandId = "searchDeals", int count = 25) => new()
    {
        ["commandId"] = commandId,
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "dealName", ["value"] = text }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = count },
    };

    public static JsonObject InitialRun() => new()
    {
        ["commandId"] = "searchDeals",
        ["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }),
        ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
    };

    public static JsonObject MessagePayload(string html, string authorObjectId, string id = "1611060744833") => new()
    {
        ["linkToMessage"] = $"https://teams.microsoft.com/l/message/{GroupChat}/{id}",
        ["id"] = id,
        ["replyToId"] = null,
        ["createdDateTime"] = "2021-01-19T12:52:24.833Z",
        ["deleted"] = false,
        ["importance"] = "normal",
        ["locale"] = "en-us",
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html },
        ["from"] = new JsonObject
        {
            ["user"] = new JsonObject { ["userIdentityType"] = "aadUser", ["id"] = authorObjectId, ["displayName"] = "Someone" },
        },
        ["reactions"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
    };

    public static JsonObject FetchTask(JsonObject messagePayload) => new()
    {
        ["commandId"] = "logToDeal",
        ["commandContext"] = "message",
        ["requestId"] = "7f7d22efe5414818becebcec649a7912",
        ["messagePayload"] = messagePayload,
        ["context"] = new JsonObject { ["theme"] = "default" },
    };

    public static JsonObject SubmitAction(JsonObject data, JsonObject? messagePayload = null)
    {
        var value = new JsonObject
        {
            ["commandId"] = "logToDeal",
            ["commandContext"] = "message",
            ["context"] = new JsonObject { ["theme"] = "default" },
            ["data"] = data,
        };
        if (messagePayload is not null) value["messagePayload"] = messagePayload;
        return value;
    }

    public static JsonArray Attachments(JsonObject body)
    {
        var extension = body["composeExtension"]!;
        Assert.Equal("result", extension["type"]!.GetValue<string>());
        Assert.Equal("list", extension["attachmentLayout"]!.GetValue<string>());
        return extension["attachments"]!.AsArray();
    }

    /// <summary>The form a dialog answer holds (<c>task.type = continue</c>).</summary>
    public static JsonObject DialogCard(JsonObject body)
    {
        Assert.Equal("continue", body["task"]!["type"]!.GetValue<string>());
        var card = body["task"]!["value"]!["card"]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card["contentType"]!.GetValue<string>());
        return card["content"]!.AsObject();
    }

    public static string DialogMessage(JsonObject body)
    {
        Assert.Equal("message", body["task"]!["type"]!.GetValue<string>());
        return body["task"]!["value"]!.GetValue<string>();
    }

    public static JsonObject Input(JsonObject card, string id) =>
        CardReader.Walk(card).First(o => o["id"]?.GetValue<string>() == id);

    /// <summary>Puts both reps in one team, so each may see the other's deals.</summary>
    public static async Task SameTeamAsync(this BotConversationHost host, params TestUser[] users)
    {
        foreach (var user in users) await host.SayAsync(user, "my deals");
        await using var db = host.Db.Database.Open(users[0].TenantId);
        var ids = users.Select(u => u.ObjectId).ToList();
        foreach (var stored in await db.Users.Where(u => ids.Contains(u.ObjectId)).ToListAsync()) stored.AssignTeam("East");
        await db.SaveChangesAsync();
    }
}

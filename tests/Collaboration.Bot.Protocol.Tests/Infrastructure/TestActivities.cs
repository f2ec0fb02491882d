using System.Text.Json.Nodes;

namespace Collaboration.Bot.Protocol.Tests.Infrastructure;

public static class TestActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static string[] PlaygroundLines() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "playground-activities.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .ToArray();

    public static string Message(
        string text = "hello bot", string serviceUrl = ServiceUrl, string channelId = "msteams", string tenantId = "tenant-1", string? channelDataTenantId = null) =>
        new JsonObject
        {
            ["type"] = "message",
            ["id"] = "activity-1",
            ["timestamp"] = "2026-11-26T21:57:30.601Z",
            ["channelId"] = channelId,
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = "Alex Wilber", ["aadObjectId"] = "aad-user" },
            ["recipient"] = new JsonObject { ["id"] = "bot-id", ["name"] = "Collaboration" },
            ["conversation"] = new JsonObject { ["id"] = "a:conversation;messageid=17", ["conversationType"] = "personal", ["tenantId"] = tenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = channelDataTenantId ?? tenantId } },
            ["text"] = text,
        }.ToJsonString();

    public static string Invoke(string name = "adaptiveCard/action") =>
        new JsonObject
        {
            ["type"] = "invoke",
            ["id"] = "invoke-1",
            ["name"] = name,
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "user-id-0" },
            ["recipient"] = new JsonObject { ["id"] = "bot-id" },
            ["conversation"] = new JsonObject { ["id"] = "conversation-1" },
            ["replyToId"] = "1795730257075",
            ["value"] = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"advance","data":{"dealId":"42"}},"trigger":"manual"}"""),
        }.ToJsonString();
}

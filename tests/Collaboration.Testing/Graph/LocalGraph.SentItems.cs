using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <summary>The signed-in user's Sent Items (/me/mailFolders/sentitems/messages): what the test put there, newest first, at most $top.</summary>
public sealed partial class LocalGraph
{
    /// <summary>Graph message objects (id, internetMessageId, sentDateTime, singleValueExtendedProperties, …).</summary>
    public List<Dictionary<string, object?>> SentItems { get; } = [];

    /// <summary>A sent message carrying an internet header the way Exchange returns one set by an add-in: a named extended property.</summary>
    public static Dictionary<string, object?> SentMessage(string id, string internetMessageId, DateTimeOffset sentAt, string subject, string to,
        string? header = null, string? headerValue = null, string body = "<p>Thanks for the call.</p>") => new()
        {
            ["id"] = id,
            ["internetMessageId"] = internetMessageId,
            ["conversationId"] = "conv-" + id,
            ["subject"] = subject,
            ["sentDateTime"] = sentAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["from"] = new { emailAddress = new { name = "Alex Wilber", address = "alex.wilber@collaboration.demo" } },
            ["toRecipients"] = new[] { new { emailAddress = new { name = (string?)null, address = to } } },
            ["ccRecipients"] = Array.Empty<object>(),
            ["body"] = new { contentType = "html", content = body },
            ["singleValueExtendedProperties"] = header is null ? Array.Empty<object>()
            : new[] { new { id = $"String {{00020386-0000-0000-c000-000000000046}} Name {header}", value = headerValue } },
        };

    private void MapSentItems(WebApplication app) =>
        app.MapGet("/v1.0/me/mailFolders/{folder}/messages", async (string folder, HttpContext context) =>
        {
            await RecordAsync(context);
            if (!string.Equals(folder, "sentitems", StringComparison.OrdinalIgnoreCase)) return Error("ErrorInvalidIdMalformed", "Unknown folder.", 400);
            var top = int.TryParse(context.Request.Query["$top"], CultureInfo.InvariantCulture, out var t) ? t : 10;
            List<Dictionary<string, object?>> items;
            lock (SentItems) items = [.. SentItems.OrderByDescending(m => (string?)m["sentDateTime"], StringComparer.Ordinal).Take(top)];
            return Results.Json(new { value = items });
        });
}

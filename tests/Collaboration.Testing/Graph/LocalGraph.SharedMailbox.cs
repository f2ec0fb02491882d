using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <param name="AuthenticationResults">The Authentication-Results headers Exchange Online wrote above the message.</param>
/// <param name="Listed">Whether the inbox listing shows it (else it is fetched only when a test notifies about it).</param>
public sealed record MailboxMessage(string From, string Name, string Subject, string Body, string MessageId, string[] AuthenticationResults, bool Listed = true);

/// <summary>A shared mailbox: its inbox listing and its messages with their internet headers.</summary>
public sealed partial class LocalGraph
{
    public string Mailbox { get; set; } = "";

    public Dictionary<string, MailboxMessage> MailboxMessages { get; } = [];

    private void MapSharedMailbox(WebApplication app)
    {
        app.MapGet("/v1.0/users/{mailbox}/mailFolders/inbox/messages", async (string mailbox, HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Json(new { value = MailboxMessages.Where(m => m.Value.Listed).Select(m => new { id = m.Key }).ToArray() });
        });
        app.MapGet("/v1.0/users/{mailbox}/messages/{id}", async (string mailbox, string id, HttpContext context) =>
        {
            await RecordAsync(context);
            if (mailbox != Mailbox || !MailboxMessages.TryGetValue(id, out var m)) return Error("ErrorItemNotFound", "Not found.", 404);
            return Results.Json(new Dictionary<string, object?>
            {
                ["id"] = id,
                ["subject"] = m.Subject,
                ["internetMessageId"] = m.MessageId,
                ["conversationId"] = "conv-" + id,
                ["receivedDateTime"] = "2026-11-20T08:30:00Z",
                ["from"] = new { emailAddress = new { name = m.Name, address = m.From } },
                ["toRecipients"] = new[] { new { emailAddress = new { name = "Sales", address = Mailbox } } },
                ["ccRecipients"] = Array.Empty<object>(),
                ["body"] = new { contentType = "html", content = $"<p>{m.Body}</p>" },
                ["internetMessageHeaders"] = new[] { new { name = "Received", value = "from mail.example by outlook.com" } }
                    .Concat(m.AuthenticationResults.Select(value => new { name = "Authentication-Results", value }))
                    .ToArray(),
            });
        });
    }
}

namespace Collaboration.Testing;

/// <summary>Emails shaped like the task pane sends them.</summary>
public static class PaneEmails
{
    public static object From(string address, string? name = null, string subject = "Pricing for 50 seats", string? bodyHtml = null,
        string? bodyText = "Hi, could you send pricing for 50 seats?", string? messageId = null, string? conversationId = null,
        string? itemId = null, string? dealName = null) => new
        {
            from = new { name, address },
            to = new[] { new { name = "Rep", address = "rep-a@seller.example" } },
            cc = Array.Empty<object>(),
            subject,
            bodyHtml,
            bodyText = bodyHtml is null ? bodyText : null,
            internetMessageId = messageId ?? $"<{Guid.NewGuid():N}@mail.buyer.example>",
            conversationId = conversationId ?? Guid.NewGuid().ToString("N"),
            receivedAt = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero),
            itemId,
            dealName,
        };
}

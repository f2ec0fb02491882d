using Collaboration.Addin.Emails;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Collaboration.Addin.Compose;

/// <summary>A sent message and the value of the header the compose pane put on it.</summary>
public sealed record SentMail(EmailFields Fields, string HeaderValue);

/// <summary>The rep's Sent Items, read as the rep (delegated Mail.Read through on-behalf-of).</summary>
public interface ISentItems
{
    bool IsAvailable { get; }

    /// <summary>Messages sent since <paramref name="since"/> that carry <paramref name="header"/>, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<SentMail>> WithHeaderAsync(string header, DateTimeOffset since, int max, CancellationToken ct);
}

internal sealed class NoSentItems : ISentItems
{
    public bool IsAvailable => false;

    public Task<IReadOnlyList<SentMail>> WithHeaderAsync(string header, DateTimeOffset since, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<SentMail>>([]);
}

/// <summary>
/// Exchange keeps an internet header set by an add-in as a named property of the internet-headers property set on
/// the sent copy: Graph returns it as a single-value extended property (and, where it has them, in internetMessageHeaders).
/// </summary>
internal sealed class GraphSentItems(GraphServiceClient graph) : ISentItems
{
    public const string InternetHeadersPropertySet = "{00020386-0000-0000-C000-000000000046}";

    private static readonly string[] Fields =
        ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "sentDateTime", "subject", "body", "uniqueBody", "internetMessageHeaders"];

    public bool IsAvailable => true;

    public async Task<IReadOnlyList<SentMail>> WithHeaderAsync(string header, DateTimeOffset since, int max, CancellationToken ct)
    {
        var property = $"String {InternetHeadersPropertySet} Name {header}";
        var page = await graph.Me.MailFolders["sentitems"].Messages.GetAsync(request =>
        {
            request.QueryParameters.Filter = $"sentDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
            request.QueryParameters.Orderby = ["sentDateTime desc"];
            request.QueryParameters.Top = max;
            request.QueryParameters.Select = Fields;
            request.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{property}')"];
            request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        }, ct);
        var found = new List<SentMail>();
        foreach (var message in (page?.Value ?? []).Take(max))
        {
            var value = message.SingleValueExtendedProperties?.FirstOrDefault(p => string.Equals(p.Id, property, StringComparison.OrdinalIgnoreCase))?.Value
                ?? message.InternetMessageHeaders?.FirstOrDefault(h => string.Equals(h.Name, header, StringComparison.OrdinalIgnoreCase))?.Value;
            if (value is null) continue;
            found.Add(new SentMail(SentFields(message), value));
        }
        return found;
    }

    private static EmailFields SentFields(Message message)
    {
        var body = message.UniqueBody is { Content.Length: > 0 } unique ? unique : message.Body;
        var isHtml = body?.ContentType == BodyType.Html;
        return new EmailFields
        {
            From = Party(message.From),
            To = message.ToRecipients?.Select(Party).OfType<EmailPartyFields>().ToList(),
            Cc = message.CcRecipients?.Select(Party).OfType<EmailPartyFields>().ToList(),
            Subject = message.Subject,
            BodyHtml = isHtml ? body?.Content : null,
            BodyText = isHtml ? null : body?.Content,
            InternetMessageId = message.InternetMessageId,
            ConversationId = message.ConversationId,
            ReceivedAt = message.SentDateTime,
            ItemId = message.Id,
        };
    }

    private static EmailPartyFields? Party(Recipient? recipient) =>
        recipient?.EmailAddress is { Address: { } address } email ? new EmailPartyFields(email.Name, address) : null;
}

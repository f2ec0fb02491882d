using Collaboration.Addin.Graph;
using Collaboration.Application.Capture;
using Collaboration.Domain.Common;
using Collaboration.Infrastructure.Capture;

namespace Collaboration.Addin.Emails;

public sealed record EmailPartyFields(string? Name, string? Address);

/// <summary>The email as the task pane sends it (Office.js item fields) or as Graph returns it.</summary>
public record EmailFields
{
    public EmailPartyFields? From { get; init; }
    public IReadOnlyList<EmailPartyFields>? To { get; init; }
    public IReadOnlyList<EmailPartyFields>? Cc { get; init; }
    public string? Subject { get; init; }
    public string? BodyHtml { get; init; }
    public string? BodyText { get; init; }
    public string? InternetMessageId { get; init; }
    public string? ConversationId { get; init; }
    public DateTimeOffset? ReceivedAt { get; init; }
    /// <summary>The Outlook REST id; with Graph enabled the backend reads the message itself.</summary>
    public string? ItemId { get; init; }
}

public sealed record FromEmailRequest : EmailFields
{
    /// <summary>Optional; the subject otherwise.</summary>
    public string? DealName { get; init; }

    /// <summary>Who referred the lead; the deal's source becomes Referral unless <see cref="Source"/> says otherwise.</summary>
    public string? ReferredBy { get; init; }

    /// <summary>Optional: email (default), referral or prospecting (the rep's own outreach).</summary>
    public Collaboration.Domain.Opportunities.CaptureSource? Source { get; init; }
}

/// <summary>
/// Turns what the pane sent into an <see cref="EmailMessage"/> the use cases accept: read through Graph when the
/// pane names the item and Graph is on, the body sanitized and reduced to text.
/// </summary>
public sealed class IncomingEmails(IMailbox mailbox, TimeProvider clock, ILogger<IncomingEmails> logger, EmailContentLimits? limits = null)
{
    public async Task<EmailMessage> ReadAsync(EmailFields fields, CancellationToken ct)
    {
        if (mailbox.IsAvailable && !string.IsNullOrWhiteSpace(fields.ItemId))
        {
            fields = await ReadFromMailboxAsync(fields, ct);
        }
        if (string.IsNullOrWhiteSpace(fields.From?.Address))
        {
            throw new DomainException(DomainError.Of("invalid_email", ("email", fields.From?.Address ?? "")));
        }
        var body = !string.IsNullOrWhiteSpace(fields.BodyHtml) ? EmailContent.TextFromHtml(fields.BodyHtml, limits)
            : !string.IsNullOrWhiteSpace(fields.BodyText) ? EmailContent.TextFromPlain(fields.BodyText, limits)
            : null;
        return new EmailMessage(
            new EmailParty(Clean(fields.From.Name), fields.From.Address.Trim()),
            Parties(fields.To), Parties(fields.Cc),
            Clean(fields.Subject), body, fields.InternetMessageId?.Trim(), fields.ConversationId?.Trim(),
            fields.ReceivedAt ?? clock.GetUtcNow());
    }

    /// <summary>The mailbox's copy when it can be read; otherwise what the pane sent, which is what the rep is looking at.</summary>
    private async Task<EmailFields> ReadFromMailboxAsync(EmailFields fields, CancellationToken ct)
    {
        try
        {
            return await mailbox.ReadAsync(fields.ItemId!, ct) ?? fields;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read message {ItemId} from the mailbox; using the fields the task pane sent.", fields.ItemId);
            return fields;
        }
    }

    /// <summary>Tags the message in Outlook; the log itself already succeeded, so a Graph failure is only logged.</summary>
    public async Task<bool> MarkLoggedAsync(string? itemId, CancellationToken ct)
    {
        if (!mailbox.IsAvailable || string.IsNullOrWhiteSpace(itemId)) return false;
        try
        {
            await mailbox.MarkLoggedAsync(itemId, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not mark message {ItemId} as logged in Outlook.", itemId);
            return false;
        }
    }

    private List<EmailParty> Parties(IReadOnlyList<EmailPartyFields>? parties) =>
        (parties ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Address)).Select(p => new EmailParty(Clean(p.Name), p.Address!.Trim())).ToList();

    /// <summary>Header fields are text too: a subject or display name never carries markup into the CRM.</summary>
    private string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : EmailContent.TextFromPlain(text, limits).ReplaceLineEndings(" ");
}

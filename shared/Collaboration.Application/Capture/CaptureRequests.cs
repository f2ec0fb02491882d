using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Qualification;

namespace Collaboration.Application.Capture;

/// <summary>An email as both front ends hand it over (task pane fields, Graph, a shared mailbox).</summary>
public sealed record EmailMessage(
    EmailParty From,
    IReadOnlyList<EmailParty> To,
    IReadOnlyList<EmailParty> Cc,
    string? Subject,
    string? BodyText,
    string? InternetMessageId,
    string? ConversationId,
    DateTimeOffset ReceivedAt);

public sealed record EmailParty(string? Name, string Address);

/// <summary>Something to log against a deal: a call, a meeting, a note, a chat or an email.</summary>
public sealed record InteractionInput(
    InteractionKind Kind,
    string Summary,
    Direction Direction = Direction.Outbound,
    DateTimeOffset? OccurredAt = null,
    string? Subject = null,
    string? Body = null,
    string? SourceId = null,
    string? ConversationId = null,
    string? ContactEmail = null);

/// <summary>Everything any capture channel may know about a new opportunity.</summary>
public sealed record CaptureRequest(string Name)
{
    public CaptureSource Source { get; init; } = CaptureSource.Manual;
    public string? SourceDetail { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactName { get; init; }
    public string? AccountName { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public DateOnly? CloseDate { get; init; }
    public BantUpdate? Qualification { get; init; }
    public string? ReferredBy { get; init; }
    public string? OwnerObjectId { get; init; }
    public string? NextStep { get; init; }
    public InteractionInput? FirstInteraction { get; init; }
}

/// <summary>What a web form sent; Budget, Timeline and Country are read when the form has such fields.</summary>
public sealed record WebFormSubmission(string FormName, string Email, string? Name, string? Company, string? Message, string? Page, IReadOnlyDictionary<string, string>? Utm,
    string? Budget = null, string? Timeline = null, string? Country = null, string? Phone = null);

public sealed record ImportRow(string SourceName, int LineNumber, string DealName, string? ContactEmail, string? ContactName, string? Company, decimal? Amount, string? Currency, DateOnly? CloseDate);

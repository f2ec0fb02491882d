using Collaboration.Domain.Common;

namespace Collaboration.Domain.Interactions;

public enum InteractionKind
{
    Email,
    Call,
    Meeting,
    Note,
    Chat,
}

public enum Direction
{
    Inbound,
    Outbound,
    Internal,
}

/// <summary>A touch with the buyer. SourceId (a normalized internetMessageId, say) makes logging idempotent.</summary>
public sealed class Interaction
{
    public const int MaxSummaryLength = 2_000;
    public const int MaxBodyLength = 200_000;

    private Interaction() { }

    public Interaction(
        string tenantId, Guid? opportunityId, Guid? contactId, InteractionKind kind, Direction direction,
        DateTimeOffset occurredAt, string summary, string loggedBy, ChangeSurface surface,
        string? sourceId = null, string? conversationId = null, string? body = null, string? subject = null)
    {
        TenantId = tenantId;
        OpportunityId = opportunityId;
        ContactId = contactId;
        Kind = kind;
        Direction = direction;
        OccurredAt = occurredAt;
        Summary = Truncate(summary.Trim(), MaxSummaryLength);
        Subject = subject is null ? null : Truncate(subject.Trim(), 500);
        Body = body is null ? null : Truncate(body, MaxBodyLength);
        LoggedBy = loggedBy;
        Surface = surface;
        SourceId = sourceId;
        ConversationId = conversationId;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public Guid? OpportunityId { get; private set; }
    public Guid? ContactId { get; private set; }
    public InteractionKind Kind { get; private set; }
    public Direction Direction { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string? Subject { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Body { get; private set; }
    public string LoggedBy { get; private set; } = "";
    public ChangeSurface Surface { get; private set; }
    public string? SourceId { get; private set; }
    public string? ConversationId { get; private set; }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

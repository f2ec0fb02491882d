namespace Collaboration.Domain.Outbox;

/// <summary>A domain event waiting to be delivered, written in the same transaction as the change it reports.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(string tenantId, string type, string payload, DateTimeOffset occurredAt)
    {
        TenantId = tenantId;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public void MarkProcessed(DateTimeOffset at) => ProcessedAt = at;

    public void RecordFailure(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

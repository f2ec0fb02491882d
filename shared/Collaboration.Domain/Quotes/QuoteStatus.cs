namespace Collaboration.Domain.Quotes;

/// <summary>Draft → (AwaitingApproval →) Approved → Sent → Accepted or Rejected (by the customer). Stored by name.</summary>
public enum QuoteStatus
{
    Draft,
    AwaitingApproval,
    Approved,
    Sent,
    Accepted,
    Rejected,
}

/// <summary>The manager's answer to a discount: who, when, yes or no, and why.</summary>
public sealed record ApprovalDecision(bool Approved, string DecidedBy, DateTimeOffset DecidedAt, string? Comment);

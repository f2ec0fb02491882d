using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Quotes;

/// <summary>
/// One version of the offer on a deal (numbers 1, 2, … per deal; the newest is current). Lines change only while it is
/// a draft; a discount above the tenant's threshold goes to the rep's manager, and the quote cannot be sent until approved.
/// </summary>
public sealed class Quote
{
    public const int MaxLines = 200;
    public const int MaxCommentLength = 500;

    private Quote() { }

    public static Quote Create(string tenantId, Guid opportunityId, int number, string currency, IEnumerable<QuoteLine> lines, decimal taxRatePercent, ChangeContext context)
    {
        var quote = new Quote
        {
            TenantId = tenantId,
            OpportunityId = opportunityId,
            Number = number,
            Currency = Money.Currency(currency),
            TaxRatePercent = taxRatePercent,
            IsCurrent = true,
            CreatedBy = context.ActorId,
            CreatedAt = context.At,
        };
        quote.ReplaceLines(lines.Take(MaxLines + 1).ToList(), context);
        quote.Version = 1;
        return quote;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public Guid OpportunityId { get; private set; }
    public int Number { get; private set; }
    public string Currency { get; private set; } = "USD";
    public List<QuoteLine> Lines { get; private set; } = [];
    public decimal TaxRatePercent { get; private set; }
    public decimal Subtotal { get; private set; }
    public decimal Discount { get; private set; }
    public decimal Tax { get; private set; }
    public decimal Total { get; private set; }
    public QuoteStatus Status { get; private set; }
    public bool IsCurrent { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who must decide on the discount while the quote awaits approval.</summary>
    public string? ApproverId { get; private set; }

    public ApprovalDecision? Decision { get; private set; }

    /// <summary>Bumped on every change; an approval card carries it so a decision on an older version is refused.</summary>
    public int Version { get; private set; } = 1;

    public QuoteTotals Totals => new(Subtotal, Discount, Tax, Total);

    /// <summary>The largest discount of any line, the one the approval threshold is held against.</summary>
    public decimal LargestDiscountPercent => Lines.Count == 0 ? 0 : Lines.Max(l => l.DiscountPercent);

    public bool NeedsApproval(decimal threshold) => LargestDiscountPercent > threshold;

    public void AddLine(QuoteLine line, ChangeContext context) => ReplaceLines([.. Lines, line], context);

    /// <summary>Gives every line the same discount; a percentage outside 0–100 is refused even while the quote has no lines.</summary>
    public void SetDiscount(decimal discountPercent, ChangeContext context)
    {
        if (discountPercent is < 0 or > 100)
        {
            throw new DomainException(DomainError.Of("convert.invalid_line", ("field", "discount"), ("value", discountPercent.ToString(CultureInfo.InvariantCulture))));
        }
        ReplaceLines(Lines.Select(l => l.WithDiscount(discountPercent)).ToList(), context);
    }

    public void ReplaceLines(IReadOnlyList<QuoteLine> lines, ChangeContext context)
    {
        EnsureStatus(QuoteStatus.Draft);
        if (lines.Count > MaxLines) throw new DomainException(DomainError.Of("too_many", ("max", MaxLines.ToString(CultureInfo.InvariantCulture))));
        Lines = [.. lines];
        var totals = QuoteTotals.Of(Lines, Currency, TaxRatePercent);
        (Subtotal, Discount, Tax, Total) = (totals.Subtotal, totals.Discount, totals.Tax, totals.Total);
        Changed(context);
    }

    /// <summary>Ready to go out: to the manager when a discount is above the threshold, else approved at once.</summary>
    public void Submit(decimal threshold, string? managerId, ChangeContext context)
    {
        EnsureStatus(QuoteStatus.Draft);
        if (Lines.Count == 0) throw new DomainException(new DomainError("convert.quote_empty"));
        if (NeedsApproval(threshold))
        {
            if (string.IsNullOrEmpty(managerId)) throw new DomainException(new DomainError("convert.no_approver"));
            ApproverId = managerId;
            Status = QuoteStatus.AwaitingApproval;
        }
        else
        {
            Status = QuoteStatus.Approved;
        }
        Decision = null;
        Changed(context);
    }

    /// <summary>The manager's answer on the version they saw: approved, or back to draft for the rep to change.</summary>
    public void Decide(bool approve, string? comment, int seenVersion, ChangeContext context)
    {
        EnsureStatus(QuoteStatus.AwaitingApproval);
        if (context.ActorId != ApproverId) throw new DomainException(new DomainError("convert.not_approver"));
        if (seenVersion != Version) throw new DomainException(DomainError.Of("convert.quote_changed", ("number", Number.ToString(CultureInfo.InvariantCulture))));
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim() is { Length: > MaxCommentLength } c ? c[..MaxCommentLength] : comment.Trim();
        Decision = new ApprovalDecision(approve, context.ActorId, context.At, text);
        Status = approve ? QuoteStatus.Approved : QuoteStatus.Draft;
        ApproverId = null;
        Changed(context);
    }

    public void MarkSent(ChangeContext context)
    {
        if (Status is QuoteStatus.Draft or QuoteStatus.AwaitingApproval) throw new DomainException(new DomainError("convert.quote_not_approved"));
        EnsureStatus(QuoteStatus.Approved);
        Status = QuoteStatus.Sent;
        Changed(context);
    }

    /// <summary>The customer's answer to a sent quote.</summary>
    public void RecordAnswer(bool accepted, ChangeContext context)
    {
        EnsureStatus(QuoteStatus.Sent);
        Status = accepted ? QuoteStatus.Accepted : QuoteStatus.Rejected;
        Changed(context);
    }

    /// <summary>A newer version was made; this one stays as it was, for the record.</summary>
    public void Supersede() => IsCurrent = false;

    private void EnsureStatus(QuoteStatus wanted)
    {
        if (Status != wanted)
        {
            throw new DomainException(DomainError.Of("convert.quote_status", ("status", Status.ToString()), ("wanted", wanted.ToString())));
        }
    }

    private void Changed(ChangeContext context)
    {
        Version++;
        UpdatedAt = context.At;
    }
}

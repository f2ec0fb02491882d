using Collaboration.Domain.Common;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Domain.Notifications;

/// <summary>
/// What a notification says, in data: enough for the bot to render a card in the recipient's language
/// (rendering is the bot's job). Stored as a delivery's payload.
/// </summary>
public sealed record DeliveryMessage
{
    public required NotificationKind Kind { get; init; }
    public required string TenantId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The recipient's locale (a channel gets the tenant default, en-US).</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The recipient's time zone, for rendering times.</summary>
    public string TimeZone { get; init; } = "UTC";

    public Guid? OpportunityId { get; init; }
    public string? OpportunityName { get; init; }

    /// <summary>
    /// The deal's version this message describes (the one the change produced): the card's actions carry it, so a click
    /// after a later change is caught rather than applied. Null in messages written before versions were recorded.
    /// </summary>
    public int? OpportunityVersion { get; init; }
    public Stage? FromStage { get; init; }
    public Stage? ToStage { get; init; }
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public string? PreviousOwnerId { get; init; }
    public string? ActorId { get; init; }
    public string? ActorName { get; init; }
    public ChangeSurface? Surface { get; init; }
    public decimal? Amount { get; init; }
    public string? Currency { get; init; }
    public string? Reason { get; init; }

    /// <summary>The competitor named when the deal was lost, to prefill a review prompt.</summary>
    public string? Competitor { get; init; }

    /// <summary>Why a channel got it (its subscription filter); null for 1:1 notifications.</summary>
    public SubscriptionFilter? Subscription { get; init; }

    /// <summary>For a digest: what is due, grouped by the renderer as it likes.</summary>
    public IReadOnlyList<Reminder> Reminders { get; init; } = [];

    /// <summary>For a quote's approval: the quote's number and the version the manager decides on, and the decision.</summary>
    public int? QuoteNumber { get; init; }
    public int? QuoteVersion { get; init; }
    public bool? Approved { get; init; }

    /// <summary>The largest discount of the quote's lines, in percent.</summary>
    public decimal? DiscountPercent { get; init; }

    /// <summary>Further content as JSON, for kinds whose data lives above the domain (the weekly digest).</summary>
    public string? Content { get; init; }
}

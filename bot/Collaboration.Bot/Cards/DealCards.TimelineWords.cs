using System.Globalization;
using Collaboration.Application.Opportunities;

namespace Collaboration.Bot.Cards;

/// <summary>
/// Timeline entries whose words the domain records in English (a quote's step, "submitted" … "declined", from
/// Opportunity.RecordQuoteEvent; the contract's value) drawn in the reader's language from the catalog.
/// </summary>
public static partial class DealCards
{
    /// <summary>The entry in the reader's words, escaped for markdown; null for entries the shared summary already words.</summary>
    private static string? LocalizedSummary(DealTimelineEntry entry, string locale)
    {
        switch (entry.Field)
        {
            case "quote" when entry is { OldValue: null, Reason: "total", NewValue: { } number } && IsNumber(number):
                return BotTexts.T("milestones.timeline_quote_total", locale, ("number", number));
            case "quote" when entry is { OldValue: { } number } && IsNumber(number) && QuoteStepKey(entry.NewValue) is { } step:
                var text = BotTexts.T("milestones.timeline_quote", locale, ("number", number), ("step", BotTexts.T(step, locale)));
                return entry.Reason is { Length: > 0 } comment
                    ? $"{text} — {CardText.Markdown(comment.Length > MaxSummaryLength ? comment[..MaxSummaryLength] + "…" : comment)}"
                    : text;
            case "contract" when DateOnly.TryParseExact(entry.NewValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var signed):
                var parts = (entry.Reason ?? "").Split(' ');
                var value = parts.Length == 2 && decimal.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                    ? BotTexts.Money(amount, CardText.Markdown(parts[1]), locale)
                    : BotTexts.T("none", locale);
                return BotTexts.T("milestones.card_contract", locale, ("date", BotTexts.Date(signed, locale)), ("value", value));
            default:
                return null;
        }
    }

    private static string? QuoteStepKey(string? step) => step switch
    {
        "submitted" => "milestones.quote_submitted",
        "approved" => "milestones.quote_approved",
        "rejected" => "milestones.quote_rejected",
        "sent" => "milestones.quote_sent",
        "accepted" => "milestones.quote_accepted",
        "declined" => "milestones.quote_declined",
        _ => null,
    };

    private static bool IsNumber(string text) => text.Length is > 0 and <= 9 && text.All(char.IsAsciiDigit);
}

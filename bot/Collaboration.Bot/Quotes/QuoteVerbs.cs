using System.Globalization;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;

namespace Collaboration.Bot.Quotes;

/// <summary>The verbs of the quote and approval cards' buttons, the values they carry, and how a click is read back.</summary>
public static class QuoteVerbs
{
    public const string Submit = "quote.submit";
    public const string MarkSent = "quote.sent";
    public const string Accepted = "quote.accepted";
    public const string Declined = "quote.declined";
    public const string Approve = "quote.approve";
    public const string Reject = "quote.reject";
    public const string Document = "quote.document";

    public const string Number = "quoteNumber";
    public const string Comment = "quoteComment";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Submit, MarkSent, Accepted, Declined, Approve, Reject, Document };

    public static bool IsDecision(string verb) => verb is Approve or Reject;

    /// <summary>A click on a quote's button; null for any other verb. A click that names no deal, quote or version names nothing.</summary>
    public static BotCommand? Parse(CardAction action)
    {
        if (!All.Contains(action.Verb)) return null;
        if (action.DealId is not { } dealId || action.Version is not { } version
            || !int.TryParse(action.Get(Number), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return new MissingDealCommand();
        }
        return new QuoteClickCommand(action.Verb, number, version, action.Get(Comment)) { DealId = dealId };
    }
}

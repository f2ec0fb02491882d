using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Quotes;

namespace Collaboration.Bot.Quotes;

public static partial class QuoteCard
{
    /// <summary>
    /// The manager's card: who asks, the deal, the lines, the largest discount and the total, a comment box, and Approve /
    /// Reject carrying the quote's number and the version the approval was asked for.
    /// </summary>
    public static JsonObject Approval(QuoteView quote, int askedVersion, string repName, CardContext context, Uri? link)
    {
        var locale = context.Locale;
        var largest = quote.Lines.Count == 0 ? 0 : quote.Lines.Max(l => l.DiscountPercent);
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("approval.approval_title", locale), size: "Large", weight: "Bolder"),
            DealCards.Text(BotTexts.T("approval.approval_intro", locale, ("rep", CardText.Markdown(repName)),
                ("number", quote.Number.ToString(CultureInfo.InvariantCulture)), ("deal", CardText.Markdown(quote.DealName)))),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray
                {
                    DealCards.Fact(BotTexts.T("approval.fact_deal", locale), CardText.Markdown(quote.DealName)),
                    DealCards.Fact(BotTexts.T("approval.fact_rep", locale), CardText.Markdown(repName)),
                    DealCards.Fact(BotTexts.T("approval.fact_largest_discount", locale), largest.ToString("0.####", CultureInfo.InvariantCulture) + "%"),
                    DealCards.Fact(BotTexts.T("approval.total", locale), "**" + Money(quote.Total, quote.Currency) + "**"),
                },
            },
        };
        AddLines(body, quote, locale);
        body.Add(Totals(quote, locale));
        var comment = DealCards.TextInput(QuoteVerbs.Comment, BotTexts.T("approval.comment", locale));
        comment["isMultiline"] = true;
        comment["maxLength"] = Quote.MaxCommentLength;
        body.Add(comment);
        var data = Data(quote);
        data[CardData.Version] = askedVersion;
        var actions = new JsonArray
        {
            DealCards.Execute(BotTexts.T("approval.approve", locale), QuoteVerbs.Approve, data.DeepClone().AsObject()),
            DealCards.Execute(BotTexts.T("approval.reject", locale), QuoteVerbs.Reject, data.DeepClone().AsObject()),
        };
        foreach (var open in LinkOnly(link, locale)) actions.Add(open!.DeepClone());
        return DealCards.Card(body, actions);
    }

    /// <summary>What replaces the manager's card once they decided, or when their click came after the quote moved on.</summary>
    public static JsonObject Decided(QuoteView quote, string notice, CardContext context, Uri? link) =>
        Draw(quote, context, link, new QuoteCardNotes(notice, Comment: quote.Decision?.Comment), withActions: false);
}

using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Quotes;
using Collaboration.Infrastructure.Quotes;

namespace Collaboration.Bot.Quotes;

/// <summary>What a quote card says above and beside the quote: what just happened, who is to approve, the manager's answer.</summary>
/// <see cref="DocumentLink"/> is a short-lived link to the quote's .docx, drawn only for the rep who asked for it.
public sealed record QuoteCardNotes(string? Notice = null, bool NoticeIsError = false, string? ApproverName = null, string? Comment = null, Uri? DocumentLink = null);

/// <summary>
/// The rep's quote card: the deal, the quote's number, version and status, its lines and totals in the currency's minor
/// units, and the buttons its status allows (each carrying the number and version, so a click on an older card changes
/// nothing). User text (deal name, line descriptions, comments) is escaped.
/// </summary>
public static partial class QuoteCard
{
    /// <summary>Lines shown on a card; the rest are counted (a quote holds up to <see cref="Quote.MaxLines"/>, a Teams message ~100 KB).</summary>
    public const int MaxLinesShown = 60;

    public static JsonObject Draw(QuoteView quote, CardContext context, Uri? link, QuoteCardNotes? notes = null, bool withActions = true)
    {
        var locale = context.Locale;
        notes ??= new QuoteCardNotes();
        var body = new JsonArray();
        if (notes.Notice is { } notice)
        {
            body.Add(DealCards.Container([DealCards.Text(notice, weight: "Bolder", color: notes.NoticeIsError ? "Attention" : "Good")],
                style: notes.NoticeIsError ? "attention" : "good"));
        }
        body.Add(DealCards.Text(CardText.Markdown(quote.DealName), size: "Large", weight: "Bolder"));
        body.Add(DealCards.Text(BotTexts.T("approval.quote_title", locale, ("number", Number(quote.Number)), ("version", Number(quote.Version))), isSubtle: true, spacing: "None"));
        var facts = new JsonArray { DealCards.Fact(BotTexts.T("approval.fact_status", locale), BotTexts.T("approval.status." + quote.Status, locale)) };
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        if (quote.Status == QuoteStatus.AwaitingApproval && notes.ApproverName is { } approver)
        {
            body.Add(DealCards.Text(BotTexts.T("approval.waiting", locale, ("manager", CardText.Markdown(approver))), isSubtle: true));
        }
        if (notes.Comment is { Length: > 0 } comment)
        {
            body.Add(DealCards.Text(BotTexts.T("approval.decision_comment", locale, ("comment", CardText.Markdown(comment)))));
        }
        AddLines(body, quote, locale);
        body.Add(Totals(quote, locale));
        if (notes.DocumentLink is not null)
        {
            body.Add(DealCards.Text(BotTexts.T("approval.download_note", locale, ("minutes", Number((int)QuoteDocumentLinks.Lifetime.TotalMinutes))), isSubtle: true));
        }
        return DealCards.Card(body, withActions ? Actions(quote, link, notes.DocumentLink, locale) : LinkOnly(link, locale));
    }

    internal static void AddLines(JsonArray body, QuoteView quote, string locale)
    {
        body.Add(DealCards.Text(BotTexts.T("approval.lines_title", locale), weight: "Bolder", spacing: "Medium"));
        if (quote.Lines.Count == 0)
        {
            body.Add(DealCards.Text(BotTexts.T("approval.no_lines", locale, ("example", CardText.Markdown($"{OneWord(quote.DealName)} {Example(locale)}"))), isSubtle: true));
            return;
        }
        foreach (var line in quote.Lines.Take(MaxLinesShown))
        {
            var name = line.ProductCode is { } code ? $"{CardText.Markdown(line.Description)} ({CardText.Markdown(code)})" : CardText.Markdown(line.Description);
            body.Add(DealCards.Container([
                DealCards.Text(name, weight: "Bolder"),
                DealCards.Text(BotTexts.T("approval.line_detail", locale, ("quantity", Plain(line.Quantity)), ("price", Money(line.UnitPrice, quote.Currency)),
                    ("discount", Plain(line.DiscountPercent)), ("total", Money(line.Amount, quote.Currency))), isSubtle: true, spacing: "None"),
            ]));
        }
        if (quote.Lines.Count > MaxLinesShown)
        {
            body.Add(DealCards.Text(BotTexts.T("approval.more_lines", locale, ("count", Number(quote.Lines.Count - MaxLinesShown))), isSubtle: true));
        }
    }

    internal static JsonObject Totals(QuoteView quote, string locale) => new()
    {
        ["type"] = "FactSet",
        ["spacing"] = "Medium",
        ["facts"] = new JsonArray
        {
            DealCards.Fact(BotTexts.T("approval.subtotal", locale), Money(quote.Subtotal, quote.Currency)),
            DealCards.Fact(BotTexts.T("approval.discount", locale), Money(quote.Discount, quote.Currency)),
            DealCards.Fact(BotTexts.T("approval.tax", locale, ("rate", Plain(quote.TaxRatePercent))), Money(quote.Tax, quote.Currency)),
            DealCards.Fact(BotTexts.T("approval.total", locale), "**" + Money(quote.Total, quote.Currency) + "**"),
        },
    };

    private static JsonArray Actions(QuoteView quote, Uri? link, Uri? documentLink, string locale)
    {
        var actions = new JsonArray();
        void Add(string text, string verb) => actions.Add(DealCards.Execute(BotTexts.T(text, locale), verb, Data(quote)));
        switch (quote.Status)
        {
            case QuoteStatus.Draft when quote.Lines.Count > 0:
                Add("approval.submit", QuoteVerbs.Submit);
                break;
            case QuoteStatus.Approved:
                Add("approval.mark_sent", QuoteVerbs.MarkSent);
                break;
            case QuoteStatus.Sent:
                Add("approval.accepted", QuoteVerbs.Accepted);
                Add("approval.declined", QuoteVerbs.Declined);
                break;
        }
        // The document is served by the add-in host: without its address (Addin:BaseUrl) there is nowhere to download from.
        if (documentLink is not null)
        {
            actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = BotTexts.T("approval.download", locale), ["url"] = documentLink.AbsoluteUri });
        }
        else if (link is not null && quote.Lines.Count > 0)
        {
            Add("approval.document", QuoteVerbs.Document);
        }
        foreach (var open in LinkOnly(link, locale)) actions.Add(open!.DeepClone());
        return actions;
    }

    internal static JsonArray LinkOnly(Uri? link, string locale) => link is null
        ? []
        : [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = BotTexts.T("approval.open", locale), ["url"] = link.AbsoluteUri }];

    internal static JsonObject Data(QuoteView quote) => new()
    {
        [CardData.DealId] = quote.OpportunityId.ToString(),
        [QuoteVerbs.Number] = quote.Number,
        [CardData.Version] = quote.Version,
    };

    /// <summary>An amount with exactly the currency's minor units (0 for JPY, 2 for USD, 3 for KWD) and its code.</summary>
    public static string Money(decimal amount, string currency) =>
        Currencies.Round(amount, currency).ToString("N" + Currencies.MinorUnits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency;

    private static string Plain(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Example(string locale) => BotTexts.IsChinese(locale) ? "添加 1 PRO-LIC" : "add 1 PRO-LIC";

    private static string OneWord(string dealName) => dealName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { Length: <= 40 } word ? word : "deal";
}

using System.Globalization;
using Collaboration.Application.Conversations;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Products;
using Collaboration.Application.Quotes;
using Collaboration.Application.Users;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Errors;
using Collaboration.Bot.Organisation;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Quotes;
using Collaboration.Infrastructure.Quotes;

namespace Collaboration.Bot.Quotes;

/// <summary>
/// The quote commands and the quote cards' buttons, through <see cref="QuoteService"/> (whose rules decide what may be done).
/// Every quote card sent to a rep is remembered where it was posted, so the manager's decision can update it in place.
/// </summary>
public sealed partial class QuoteHandler(
    QuoteService quotes, ProductCatalog products, OpportunityQueries queries, UserDirectory users, QuoteCardMessages cardMessages, SettingsLinkOptions links,
    QuoteDocumentLinks documentLinks)
{
    public async Task<BotReply> RunAsync(QuoteCommand command, BotTurn turn, CancellationToken ct)
    {
        var (found, instead) = await NamedDeal.FindAsync(queries, command, turn, ct);
        if (found is not { } id) return instead!;
        return command switch
        {
            ShowQuoteCommand => await ShowAsync(id, turn, ct),
            AddQuoteLineCommand add => await AddAsync(id, add, turn, ct),
            QuoteDiscountCommand discount => await DiscountAsync(id, discount.Percent, turn, ct),
            SendQuoteCommand => await SendAsync(id, turn, ct),
            QuoteClickCommand click => await ClickAsync(id, click, turn, ct),
            _ => BotReply.Of(DealCards.Help(turn.Context)),
        };
    }

    private async Task<BotReply> ShowAsync(Guid id, BotTurn turn, CancellationToken ct)
    {
        if (await quotes.CurrentAsync(turn.Actor, id, ct) is { } current) return await RepCardAsync(current, null, turn, ct);
        var started = await quotes.CreateAsync(turn.Actor, id, new QuoteRequest(null, []), ct);
        return await RepCardAsync(started, BotTexts.T("approval.started", turn.Locale, ("number", Text(started.Number)), ("currency", started.Currency)), turn, ct);
    }

    private async Task<BotReply> AddAsync(Guid id, AddQuoteLineCommand add, BotTurn turn, CancellationToken ct)
    {
        if (add.Item.Length > QuoteLine.MaxDescriptionLength)
        {
            return BotReply.Of(RefusalCards.Card(BotTexts.T("approval.too_long", turn.Locale, ("max", Text(QuoteLine.MaxDescriptionLength))), turn.Context));
        }
        var product = (await products.ListAsync(turn.Actor, activeOnly: true, ct)).FirstOrDefault(p =>
            string.Equals(p.Code, add.Item, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, add.Item, StringComparison.OrdinalIgnoreCase));
        if (product is null && add.UnitPrice is null)
        {
            var example = $"{add.DealName} {(BotTexts.IsChinese(turn.Locale) ? "添加" : "add")} {Text(add.Quantity)} {add.Item} {(BotTexts.IsChinese(turn.Locale) ? "单价" : "at")} 1200";
            return BotReply.Of(RefusalCards.Card(BotTexts.T("approval.need_price", turn.Locale, ("item", CardText.Markdown(add.Item)), ("example", CardText.Markdown(example))), turn.Context));
        }
        var line = product is null
            ? new QuoteLineRequest(null, add.Item, add.Quantity, add.UnitPrice, null)
            : new QuoteLineRequest(product.Code, null, add.Quantity, add.UnitPrice, null);
        var current = await quotes.CurrentAsync(turn.Actor, id, ct);
        var view = current is null
            ? await quotes.CreateAsync(turn.Actor, id, new QuoteRequest(null, [line]), ct)
            : await quotes.AddLineAsync(turn.Actor, id, current.Number, line, ct);
        return await RepCardAsync(view, BotTexts.T("approval.added", turn.Locale), turn, ct);
    }

    private async Task<BotReply> DiscountAsync(Guid id, decimal percent, BotTurn turn, CancellationToken ct)
    {
        if (percent is < 0 or > 100) throw new DomainException(DomainError.Of("convert.invalid_line", ("field", "discount"), ("value", Text(percent))));
        var current = await quotes.CurrentAsync(turn.Actor, id, ct) ?? await quotes.CreateAsync(turn.Actor, id, new QuoteRequest(null, []), ct);
        var view = await quotes.SetDiscountAsync(turn.Actor, id, current.Number, percent, ct);
        return await RepCardAsync(view, BotTexts.T("approval.discounted", turn.Locale, ("percent", Text(percent))), turn, ct);
    }

    /// <summary>A draft is submitted (approved at once, or sent to the manager); anything else is marked sent, which only an approved quote may be.</summary>
    private async Task<BotReply> SendAsync(Guid id, BotTurn turn, CancellationToken ct)
    {
        var current = await quotes.CurrentAsync(turn.Actor, id, ct) ?? throw new DomainException(new DomainError("convert.quote_empty"));
        return current.Status == QuoteStatus.Draft
            ? await SubmittedAsync(await quotes.SubmitAsync(turn.Actor, id, current.Number, ct), turn, ct)
            : await RepCardAsync(await quotes.MarkSentAsync(turn.Actor, id, current.Number, ct), BotTexts.T("approval.marked_sent", turn.Locale), turn, ct);
    }

    private async Task<BotReply> SubmittedAsync(QuoteView view, BotTurn turn, CancellationToken ct, bool changed = false)
    {
        var notice = view.Status == QuoteStatus.Approved
            ? BotTexts.T("approval.approved_at_once", turn.Locale)
            : BotTexts.T("approval.asked", turn.Locale, ("manager", CardText.Markdown(await NameAsync(turn, view.ApproverId, ct))));
        return await RepCardAsync(view, notice, turn, ct, changed);
    }

    /// <summary>The rep's card, remembered where it is posted (a new message, or the clicked card it replaces).</summary>
    private async Task<BotReply> RepCardAsync(QuoteView view, string? notice, BotTurn turn, CancellationToken ct, bool changed = false)
    {
        var approver = view.Status == QuoteStatus.AwaitingApproval ? await NameAsync(turn, view.ApproverId, ct) : null;
        var card = QuoteCard.Draw(view, turn.Context, DealLink(view.OpportunityId), new QuoteCardNotes(notice, ApproverName: approver, Comment: view.Decision?.Comment));
        var (tenant, deal, number) = (turn.Actor.TenantId, view.OpportunityId, view.Number);
        return new BotReply(card, [], changed) { Posted = (posted, token) => cardMessages.RememberAsync(tenant, deal, number, posted, token) };
    }

    private async Task<string> NameAsync(BotTurn turn, string? objectId, CancellationToken ct) =>
        objectId is null ? "?" : (await users.FindAsync(turn.Actor.TenantId, objectId, ct))?.DisplayName ?? objectId;

    /// <summary>The deal's page on the dashboard of the add-in host (<c>Addin:BaseUrl</c>), the host link unfurling knows; null when none is set.</summary>
    internal static Uri? DealLink(SettingsLinkOptions links, Guid dealId) =>
        AddinBase(links) is { } addin ? new Uri(addin + "/deals/" + dealId.ToString("D")) : null;

    /// <summary>Where the add-in host serves a document link's .docx; null when no <c>Addin:BaseUrl</c> is set.</summary>
    internal static Uri? DocumentLink(SettingsLinkOptions links, string token) =>
        AddinBase(links) is { } addin ? new Uri(addin + QuoteDocumentLinks.PathFor(token)) : null;

    private static string? AddinBase(SettingsLinkOptions links) =>
        Uri.TryCreate(links.AddinBaseUrl, UriKind.Absolute, out var addin) && (addin.Scheme == Uri.UriSchemeHttps || addin.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(addin.Query) && string.IsNullOrEmpty(addin.Fragment)
            ? addin.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : null;

    private Uri? DealLink(Guid dealId) => DealLink(links, dealId);

    private static string Text(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

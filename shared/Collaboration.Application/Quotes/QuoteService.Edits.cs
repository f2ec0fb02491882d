using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

/// <summary>
/// The pane's edits of a draft: each carries the quote version on screen, so an edit made against a quote someone else
/// changed since is a conflict (the pane refreshes) instead of landing on lines the rep never saw.
/// </summary>
public sealed partial class QuoteService
{
    /// <summary>Every quote of the deal, newest first (at most one is current).</summary>
    public async Task<IReadOnlyList<QuoteView>> ListAsync(Actor actor, Guid dealId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await VisibleDealAsync(db, actor, dealId, ct);
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.OpportunityId == dealId).ToListAsync(ct);
        return quotes.OrderByDescending(q => q.Number).Select(q => QuoteView.Of(q, deal.Name)).ToList();
    }

    public Task<QuoteView> AddLineAsync(Actor actor, Guid dealId, int number, int expectedVersion, QuoteLineRequest line, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, async (db, deal, quote, context) =>
        {
            EnsureVersion(dealId, quote.Version, expectedVersion);
            quote.AddLine((await LinesAsync(db, [line], quote.Currency, ct))[0], context);
            if (quote.IsCurrent) deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
        }, ct);

    /// <summary>Removes the line at <paramref name="index"/> (0-based, as the quote lists them).</summary>
    public Task<QuoteView> RemoveLineAsync(Actor actor, Guid dealId, int number, int expectedVersion, int index, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, (_, deal, quote, context) =>
        {
            EnsureVersion(dealId, quote.Version, expectedVersion);
            if (index < 0 || index >= quote.Lines.Count) throw new NotFoundException("convert.quote_line");
            quote.ReplaceLines(quote.Lines.Where((_, i) => i != index).ToList(), context);
            if (quote.IsCurrent) deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
            return Task.CompletedTask;
        }, ct);

    public Task<QuoteView> SetDiscountAsync(Actor actor, Guid dealId, int number, int expectedVersion, decimal discountPercent, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, (_, deal, quote, context) =>
        {
            EnsureVersion(dealId, quote.Version, expectedVersion);
            quote.SetDiscount(discountPercent, context);
            if (quote.IsCurrent) deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
            return Task.CompletedTask;
        }, ct);

    private static void EnsureVersion(Guid dealId, int current, int expected)
    {
        if (current != expected) throw new ConcurrencyConflictException(dealId, expected, current);
    }
}

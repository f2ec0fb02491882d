using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Products;
using Collaboration.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

/// <summary>
/// Quotes on a deal the actor may see: a new version becomes current and its total the deal's amount; submitting asks
/// the owner's manager when a discount is above the tenant's threshold; the manager's decision goes on the timeline.
/// </summary>
public sealed partial class QuoteService(ICrmDatabase database, TimeProvider clock)
{
    public async Task<QuoteView> CreateAsync(Actor actor, Guid dealId, QuoteRequest request, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await VisibleDealAsync(db, actor, dealId, ct);
        var settings = await SettingsAsync(db, actor.TenantId, ct);
        var currency = string.IsNullOrWhiteSpace(request.Currency) ? deal.Currency : request.Currency;
        var context = actor.At(clock.GetUtcNow());
        var lines = await LinesAsync(db, request.Lines ?? [], currency.Trim().ToUpperInvariant(), ct);
        var previous = await db.Quotes.Where(q => q.OpportunityId == dealId).ToListAsync(ct);
        foreach (var old in previous) old.Supersede();
        var number = previous.Count == 0 ? 1 : previous.Max(q => q.Number) + 1;
        var quote = Quote.Create(actor.TenantId, dealId, number, currency, lines, settings.TaxRateFor(currency.Trim().ToUpperInvariant()), context);
        db.Quotes.Add(quote);
        deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
        await db.SaveChangesAsync(ct);
        return QuoteView.Of(quote, deal.Name);
    }

    public async Task<QuoteView> GetAsync(Actor actor, Guid dealId, int number, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await VisibleDealAsync(db, actor, dealId, ct);
        return QuoteView.Of(await QuoteAsync(db, dealId, number, ct), deal.Name);
    }

    /// <summary>The deal's current quote, or null when it has none.</summary>
    public async Task<QuoteView?> CurrentAsync(Actor actor, Guid dealId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await VisibleDealAsync(db, actor, dealId, ct);
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.OpportunityId == dealId && q.IsCurrent, ct);
        return quote is null ? null : QuoteView.Of(quote, deal.Name);
    }

    public Task<QuoteView> AddLineAsync(Actor actor, Guid dealId, int number, QuoteLineRequest line, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, async (db, deal, quote, context) =>
        {
            quote.AddLine((await LinesAsync(db, [line], quote.Currency, ct))[0], context);
            if (quote.IsCurrent) deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
        }, ct);

    public Task<QuoteView> SetDiscountAsync(Actor actor, Guid dealId, int number, decimal discountPercent, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, (_, deal, quote, context) =>
        {
            quote.SetDiscount(discountPercent, context);
            if (quote.IsCurrent) deal.TakeQuoteTotal(quote.Number, quote.Total, quote.Currency, context);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Approved at once within the threshold; otherwise the deal owner's manager is asked (the outbox tells them).</summary>
    public Task<QuoteView> SubmitAsync(Actor actor, Guid dealId, int number, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, async (db, deal, quote, context) =>
        {
            var settings = await SettingsAsync(db, actor.TenantId, ct);
            var manager = await db.Users.AsNoTracking().Where(u => u.ObjectId == deal.OwnerId).Select(u => u.ManagerObjectId).FirstOrDefaultAsync(ct);
            quote.Submit(settings.DiscountApprovalThreshold, manager, context);
            deal.RecordQuoteEvent(quote.Number, quote.Status == QuoteStatus.Approved ? "approved" : "submitted", null, context);
            if (quote.Status == QuoteStatus.AwaitingApproval) deal.AskForQuoteApproval(quote, context);
        }, ct);

    /// <summary>The manager's answer on the version their card showed; it goes on the timeline and back to the rep.</summary>
    public Task<QuoteView> DecideAsync(Actor manager, Guid dealId, int number, int seenVersion, bool approve, string? comment, CancellationToken ct = default) =>
        ChangeAsync(manager, dealId, number, (_, deal, quote, context) =>
        {
            quote.Decide(approve, comment, seenVersion, context);
            deal.RecordQuoteEvent(quote.Number, approve ? "approved" : "rejected", quote.Decision?.Comment, context);
            deal.TellQuoteDecision(quote, context);
            return Task.CompletedTask;
        }, ct);

    public Task<QuoteView> MarkSentAsync(Actor actor, Guid dealId, int number, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, (_, deal, quote, context) =>
        {
            quote.MarkSent(context);
            deal.RecordQuoteEvent(quote.Number, "sent", null, context);
            return Task.CompletedTask;
        }, ct);

    public Task<QuoteView> RecordAnswerAsync(Actor actor, Guid dealId, int number, bool accepted, CancellationToken ct = default) =>
        ChangeAsync(actor, dealId, number, (_, deal, quote, context) =>
        {
            quote.RecordAnswer(accepted, context);
            deal.RecordQuoteEvent(quote.Number, accepted ? "accepted" : "declined", null, context);
            return Task.CompletedTask;
        }, ct);

    private async Task<QuoteView> ChangeAsync(Actor actor, Guid dealId, int number, Func<CrmDbContext, Opportunity, Quote, ChangeContext, Task> change, CancellationToken ct)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await VisibleDealAsync(db, actor, dealId, ct);
        var quote = await QuoteAsync(db, dealId, number, ct);
        await change(db, deal, quote, actor.At(clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(DomainError.Of("convert.quote_changed", ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        return QuoteView.Of(quote, deal.Name);
    }

    internal static async Task<Opportunity> VisibleDealAsync(CrmDbContext db, Actor actor, Guid dealId, CancellationToken ct)
    {
        var deal = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == dealId, ct);
        if (deal is null || !await DealAccess.MaySeeAsync(db, actor.UserObjectId, deal.OwnerId, ct)) throw new NotFoundException("deal");
        return deal;
    }

    private static async Task<Quote> QuoteAsync(CrmDbContext db, Guid dealId, int number, CancellationToken ct) =>
        await db.Quotes.FirstOrDefaultAsync(q => q.OpportunityId == dealId && q.Number == number, ct) ?? throw new NotFoundException("convert.quote");

    internal static async Task<ConvertSettings> SettingsAsync(CrmDbContext db, string tenantId, CancellationToken ct) =>
        await db.ConvertSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? ConvertSettings.For(tenantId);

    private static async Task<List<QuoteLine>> LinesAsync(CrmDbContext db, IReadOnlyList<QuoteLineRequest> requests, string currency, CancellationToken ct)
    {
        if (requests.Count > Quote.MaxLines) throw new DomainException(DomainError.Of("too_many", ("max", Quote.MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var codes = requests.Where(r => !string.IsNullOrWhiteSpace(r.ProductCode)).Select(r => r.ProductCode!.Trim().ToUpperInvariant()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code) && p.Active).ToDictionaryAsync(p => p.Code, ct);
        return requests.Select(r =>
        {
            if (string.IsNullOrWhiteSpace(r.ProductCode)) return QuoteLine.Of(null, r.Description, null, r.Quantity, r.UnitPrice ?? 0, r.DiscountPercent ?? 0);
            var code = r.ProductCode.Trim().ToUpperInvariant();
            if (!products.TryGetValue(code, out var product)) throw new DomainException(DomainError.Of("convert.unknown_product", ("code", code.Length > Product.MaxCodeLength ? code[..Product.MaxCodeLength] : code)));
            var price = r.UnitPrice ?? product.PriceIn(currency) ?? throw new DomainException(DomainError.Of("convert.no_price", ("code", code), ("currency", currency)));
            return QuoteLine.Of(code, string.IsNullOrWhiteSpace(r.Description) ? product.Name : r.Description, product.Unit, r.Quantity, price, r.DiscountPercent ?? 0);
        }).ToList();
    }
}

using Collaboration.Application.Access;
using Collaboration.Application.Persistence;
using Collaboration.Application.Reports;
using Collaboration.Domain.Contracts;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Quotes;

/// <summary>Of a rep's deals quoted in the period (their first quote made then), how many are won now.</summary>
public sealed record QuoteToWinRow(string OwnerId, int QuotedDeals, int WonDeals)
{
    public decimal RatePercent => QuotedDeals == 0 ? 0 : Math.Round(WonDeals * 100m / QuotedDeals, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The mean of a rep's quotes' discount (discount ÷ subtotal) over the quotes made in the period.</summary>
public sealed record AverageDiscountRow(string OwnerId, int Quotes, decimal AverageDiscountPercent);

public sealed record OverduePaymentRow(Guid OpportunityId, string DealName, string OwnerId, Guid MilestoneId, string? Description,
    decimal Amount, string Currency, DateOnly DueOn, int DaysOverdue);

/// <summary>The Convert phase's reports over the deals the actor may see, attributed to each deal's current owner.</summary>
public sealed class ConvertReports(ICrmDatabase database, TimeProvider clock)
{
    public async Task<IReadOnlyList<QuoteToWinRow>> QuoteToWinAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deals = await VisibleDealsAsync(db, actor, ct);
        var quotes = await db.Quotes.AsNoTracking().Select(q => new { q.OpportunityId, q.CreatedAt }).ToListAsync(ct);
        return quotes.Where(q => deals.ContainsKey(q.OpportunityId))
            .GroupBy(q => q.OpportunityId)
            .Where(g => filter.Contains(g.Min(q => q.CreatedAt)))
            .Select(g => deals[g.Key])
            .GroupBy(d => d.OwnerId)
            .Select(g => new QuoteToWinRow(g.Key, g.Count(), g.Count(d => d.Stage == Stage.Won)))
            .OrderBy(r => r.OwnerId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<AverageDiscountRow>> AverageDiscountAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deals = await VisibleDealsAsync(db, actor, ct);
        var quotes = await db.Quotes.AsNoTracking().Select(q => new { q.OpportunityId, q.CreatedAt, q.Subtotal, q.Discount }).ToListAsync(ct);
        return quotes.Where(q => deals.ContainsKey(q.OpportunityId) && filter.Contains(q.CreatedAt) && q.Subtotal > 0)
            .GroupBy(q => deals[q.OpportunityId].OwnerId)
            .Select(g => new AverageDiscountRow(g.Key, g.Count(),
                Math.Round(g.Average(q => new QuoteTotals(q.Subtotal, q.Discount, 0, 0).DiscountPercent), 2, MidpointRounding.AwayFromZero)))
            .OrderBy(r => r.OwnerId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Payments not paid by their due date, as of the filter's <see cref="ReportFilter.AsOf"/> (else now), oldest first.</summary>
    public async Task<IReadOnlyList<OverduePaymentRow>> OverduePaymentsAsync(Actor actor, ReportFilter filter, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime((filter.AsOf ?? clock.GetUtcNow()).UtcDateTime);
        await using var db = database.Open(actor.TenantId);
        var deals = await VisibleDealsAsync(db, actor, ct);
        var payments = await db.Milestones.AsNoTracking()
            .Where(m => m.Kind == MilestoneKind.Payment && m.PaidOn == null && m.DueOn < today).ToListAsync(ct);
        return payments.Where(m => deals.ContainsKey(m.OpportunityId))
            .Select(m => new OverduePaymentRow(m.OpportunityId, deals[m.OpportunityId].Name, deals[m.OpportunityId].OwnerId, m.Id, m.Description,
                m.Amount ?? 0, m.Currency ?? "", m.DueOn, today.DayNumber - m.DueOn.DayNumber))
            .OrderBy(r => r.DueOn).ThenBy(r => r.DealName, StringComparer.Ordinal).ToList();
    }

    private static async Task<Dictionary<Guid, DealFacts>> VisibleDealsAsync(CrmDbContext db, Actor actor, CancellationToken ct)
    {
        var visible = await DealAccess.VisibleOwnersAsync(db, actor.UserObjectId, ct);
        var deals = await db.Opportunities.AsNoTracking().Select(o => new DealFacts(o.Id, o.Name, o.OwnerId, o.Stage)).ToListAsync(ct);
        return deals.Where(d => visible.Contains(d.OwnerId)).ToDictionary(d => d.Id);
    }

    private sealed record DealFacts(Guid Id, string Name, string OwnerId, Stage Stage);
}

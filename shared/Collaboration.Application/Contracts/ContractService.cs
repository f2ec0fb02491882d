using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Contracts;

public sealed record ContractRequest(DateOnly SignedOn, string? DocumentLink, decimal? Value, string? Currency);

public sealed record MilestoneRequest(MilestoneKind Kind, string? Description, decimal? Amount, string? Currency, DateOnly DueOn);

public sealed record MilestoneView(
    Guid Id, MilestoneKind Kind, string? Description, decimal? Amount, string? Currency, DateOnly DueOn,
    DateOnly? InvoicedOn, DateOnly? PaidOn, DateOnly? DeliveredOn, bool Overdue)
{
    public static MilestoneView Of(Milestone m, DateOnly today) =>
        new(m.Id, m.Kind, m.Description, m.Amount, m.Currency, m.DueOn, m.InvoicedOn, m.PaidOn, m.DeliveredOn, m.IsOverdue(today));
}

/// <summary>The contract on a deal and what follows it: payment and delivery milestones.</summary>
public sealed class ContractService(ICrmDatabase database, TimeProvider clock)
{
    public async Task<DealContract> RecordContractAsync(Actor actor, Guid dealId, ContractRequest request, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        deal.RecordContract(request.SignedOn, request.DocumentLink, request.Value ?? deal.Amount ?? 0, request.Currency, actor.At(clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return deal.Contract!;
    }

    /// <summary>The deal's signed contract, or null when none is recorded.</summary>
    public async Task<DealContract?> ContractAsync(Actor actor, Guid dealId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        return (await QuoteService.VisibleDealAsync(db, actor, dealId, ct)).Contract;
    }

    public async Task<MilestoneView> AddMilestoneAsync(Actor actor, Guid dealId, MilestoneRequest request, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        if (await db.Milestones.CountAsync(m => m.OpportunityId == dealId, ct) >= Milestone.MaxPerDeal)
        {
            throw new DomainException(DomainError.Of("too_many", ("max", Milestone.MaxPerDeal.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        var milestone = new Milestone(actor.TenantId, dealId, request.Kind, request.Description, request.Amount,
            request.Currency ?? deal.Contract?.Currency ?? deal.Currency, request.DueOn, actor.At(clock.GetUtcNow()));
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);
        return MilestoneView.Of(milestone, Today);
    }

    public async Task<IReadOnlyList<MilestoneView>> MilestonesAsync(Actor actor, Guid dealId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.OpportunityId == dealId).ToListAsync(ct);
        return milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Kind).Select(m => MilestoneView.Of(m, Today)).ToList();
    }

    // Compiled: every deal card shows them.
    private static readonly PerProvider<Func<CrmDbContext, Guid, IAsyncEnumerable<Milestone>>> MilestonesOf = new(() => EF.CompileAsyncQuery(
        (CrmDbContext db, Guid dealId) => db.Milestones.AsNoTracking().Where(m => m.OpportunityId == dealId)));

    /// <summary>The milestones of a deal whose visibility the caller checked, ordered as a card lists them, on the caller's unit of work.</summary>
    internal static async Task<IReadOnlyList<MilestoneView>> MilestonesAsync(CrmDbContext db, Guid dealId, DateOnly today, CancellationToken ct)
    {
        var milestones = new List<Milestone>();
        await foreach (var milestone in MilestonesOf.For(db)(db, dealId).WithCancellation(ct)) milestones.Add(milestone);
        return milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Kind).Select(m => MilestoneView.Of(m, today)).ToList();
    }

    /// <summary>One click from a reminder: a payment is paid, a delivery delivered, today.</summary>
    public async Task<MilestoneView> MarkDoneAsync(Actor actor, Guid dealId, Guid milestoneId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.OpportunityId == dealId, ct)
            ?? throw new NotFoundException("convert.milestone");
        if (milestone.Kind == MilestoneKind.Payment) milestone.MarkPaid(Today);
        else milestone.MarkDelivered(Today);
        await db.SaveChangesAsync(ct);
        return MilestoneView.Of(milestone, Today);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

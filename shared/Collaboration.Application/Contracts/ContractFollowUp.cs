using Collaboration.Application.Persistence;
using Collaboration.Application.Quotes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Contracts;

/// <summary>What "paid" changed: the payments now paid (one may have been added), in the deal's contract currency.</summary>
public sealed record PaymentRecorded(IReadOnlyList<MilestoneView> Paid, bool Added);

/// <summary>
/// A rep says a customer paid or a delivery went out, in words rather than by naming a milestone: the rule of
/// <see cref="PaymentAllocation"/> picks the milestones, and they are all marked in one save, or none is.
/// </summary>
public sealed class ContractFollowUp(ICrmDatabase database, TimeProvider clock)
{
    public async Task<PaymentRecorded> RecordPaymentAsync(Actor actor, Guid dealId, decimal? percent, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        var deal = await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        var milestones = await db.Milestones.Where(m => m.OpportunityId == dealId).ToListAsync(ct);
        var value = deal.Contract is { Value: > 0 } contract ? contract.Value : deal.Amount;
        var decision = PaymentAllocation.Decide(milestones, value, percent);
        var marked = decision.ToMark.ToList();
        if (decision.AmountToAdd is { } amount)
        {
            EnsureRoom(milestones.Count);
            var added = new Milestone(actor.TenantId, dealId, MilestoneKind.Payment, null, amount, deal.Contract?.Currency ?? deal.Currency, Today,
                actor.At(clock.GetUtcNow()));
            db.Milestones.Add(added);
            marked.Add(added);
        }
        foreach (var milestone in marked) milestone.MarkPaid(Today);
        await db.SaveChangesAsync(ct);
        return new PaymentRecorded(marked.Select(m => MilestoneView.Of(m, Today)).ToList(), decision.AmountToAdd is not null);
    }

    /// <summary>The next delivery not yet delivered (earliest due) is delivered today; a deal with none planned gets one, delivered.</summary>
    public async Task<MilestoneView> RecordDeliveryAsync(Actor actor, Guid dealId, CancellationToken ct = default)
    {
        await using var db = database.Open(actor.TenantId);
        await QuoteService.VisibleDealAsync(db, actor, dealId, ct);
        var milestones = await db.Milestones.Where(m => m.OpportunityId == dealId).ToListAsync(ct);
        var deliveries = milestones.Where(m => m.Kind == MilestoneKind.Delivery).ToList();
        var next = deliveries.Where(m => m.DeliveredOn is null).OrderBy(m => m.DueOn).ThenBy(m => m.CreatedAt).FirstOrDefault();
        if (next is null)
        {
            if (deliveries.Count > 0) throw new DomainException(new DomainError("milestones.all_delivered"));
            EnsureRoom(milestones.Count);
            next = new Milestone(actor.TenantId, dealId, MilestoneKind.Delivery, null, null, null, Today, actor.At(clock.GetUtcNow()));
            db.Milestones.Add(next);
        }
        next.MarkDelivered(Today);
        await db.SaveChangesAsync(ct);
        return MilestoneView.Of(next, Today);
    }

    private static void EnsureRoom(int count)
    {
        if (count >= Milestone.MaxPerDeal)
        {
            throw new DomainException(DomainError.Of("too_many", ("max", Milestone.MaxPerDeal.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

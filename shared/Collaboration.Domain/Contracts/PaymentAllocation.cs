using System.Globalization;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Contracts;

/// <summary>What "paid" means on a deal: which unpaid payments it marks, or the payment it records when none is planned.</summary>
public sealed record PaymentDecision(IReadOnlyList<Milestone> ToMark, decimal? AmountToAdd);

/// <summary>
/// How a rep's "Contoso paid" / "Contoso paid 50%" is read against the deal's payment milestones and its value (the
/// contract's, else the deal's amount):
/// <list type="bullet">
/// <item>without a share, the next unpaid payment (earliest due) is paid; with none planned, the rest of the value is;</item>
/// <item>with a share, the next unpaid payments, in due order, that add up to that share of the value are paid (they must
/// add up to it, give or take half a percent, else nothing is marked and the rep is told what is planned); with none
/// planned, a payment of that share is recorded, as long as the payments stay within the value.</item>
/// </list>
/// It never guesses: a share that matches no run of planned payments changes nothing.
/// </summary>
public static class PaymentAllocation
{
    public static PaymentDecision Decide(IReadOnlyList<Milestone> milestones, decimal? value, decimal? percent)
    {
        var payments = milestones.Where(m => m.Kind == MilestoneKind.Payment).ToList();
        var unpaid = payments.Where(m => m.PaidOn is null).OrderBy(m => m.DueOn).ThenBy(m => m.CreatedAt).ToList();
        var paid = payments.Where(m => m.PaidOn is not null).Sum(m => m.Amount ?? 0);
        if (percent is { } share && share is <= 0 or > 100)
        {
            throw new DomainException(DomainError.Of("milestones.invalid_percent", ("value", Text(share))));
        }
        if (percent is null && unpaid.Count > 0) return new PaymentDecision([unpaid[0]], null);
        if (value is not > 0) throw new DomainException(new DomainError("milestones.no_value"));
        var total = value.Value;
        var tolerance = Math.Max(0.01m, total * 0.005m);
        if (percent is null)
        {
            var rest = total - paid;
            return rest > tolerance ? new PaymentDecision([], rest) : throw new DomainException(new DomainError("milestones.all_paid"));
        }
        var target = Math.Round(total * percent.Value / 100m, 2, MidpointRounding.AwayFromZero);
        if (unpaid.Count == 0)
        {
            return paid + target <= total + tolerance
                ? new PaymentDecision([], target)
                : throw new DomainException(DomainError.Of("milestones.over_value", ("paid", Text(paid)), ("value", Text(total))));
        }
        var sum = 0m;
        for (var i = 0; i < unpaid.Count; i++)
        {
            sum += unpaid[i].Amount ?? 0;
            if (Math.Abs(sum - target) <= tolerance) return new PaymentDecision(unpaid.Take(i + 1).ToList(), null);
            if (sum > target) break;
        }
        var planned = string.Join(", ", unpaid.Take(5).Select(m => Text(m.Amount ?? 0)));
        throw new DomainException(DomainError.Of("milestones.share_mismatch", ("percent", Text(percent.Value)), ("amount", Text(target)), ("planned", planned)));
    }

    private static string Text(decimal value) => value.ToString(value == decimal.Truncate(value) ? "0" : "0.##", CultureInfo.InvariantCulture);
}

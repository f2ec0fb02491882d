using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Opportunities;

internal static class BantHistory
{
    /// <summary>One history row per BANT item that changed, so the timeline says what was learned, and when.</summary>
    public static IEnumerable<(ChangedField Field, string? OldValue, string? NewValue)> Changes(Bant before, Bant after)
    {
        var items = new (ChangedField, string?, string?)[]
        {
            (ChangedField.BudgetAmount, before.BudgetAmount is { } a ? DealValues.Invariant(a) : null, after.BudgetAmount is { } b ? DealValues.Invariant(b) : null),
            (ChangedField.BudgetCurrency, before.BudgetCurrency, after.BudgetCurrency),
            (ChangedField.BudgetStatus, before.BudgetStatus.ToString(), after.BudgetStatus.ToString()),
            (ChangedField.DecisionMaker, DecisionMakerValue(before), DecisionMakerValue(after)),
            (ChangedField.Need, before.Need.ToString(), after.Need.ToString()),
            (ChangedField.Timeframe, before.Timeframe.ToString(), after.Timeframe.ToString()),
            (ChangedField.TargetDate, before.TargetDate is { } d ? DealValues.Invariant(d) : null, after.TargetDate is { } e ? DealValues.Invariant(e) : null),
        };
        return items.Where(i => i.Item2 != i.Item3);
    }

    private static string? DecisionMakerValue(Bant bant) =>
        bant.DecisionMakerName ?? bant.DecisionMakerContactId?.ToString() ?? (bant.DecisionMakerKnown ? "known" : null);
}

using System.Globalization;
using Collaboration.Domain.Capture.EmailHints;
using Collaboration.Domain.Qualification;

namespace Collaboration.Domain.Capture;

/// <summary>
/// BANT hints from what a prospect typed into a form or an event list: a budget and a timeline field when the
/// form has them, and whatever the free-text message says, read like an email.
/// </summary>
public static class FormHints
{
    public static BantUpdate? Read(string? budget, string? timeline, string? message, string? senderName, DateOnly today)
    {
        var text = string.Join("\n", new[]
        {
            string.IsNullOrWhiteSpace(budget) ? null : $"Budget: {budget.Trim()}.",
            string.IsNullOrWhiteSpace(timeline) ? null : $"Timeline: {timeline.Trim()}.",
            string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
        }.Where(s => s is not null));
        var fromText = text.Length == 0 ? null : EmailHintExtractor.Extract("", text, today).ToQualification(senderName);
        if (fromText?.BudgetAmount is null && TryPlainAmount(budget, out var amount))
        {
            fromText = (fromText ?? new BantUpdate()) with { BudgetAmount = amount };
        }
        return fromText;
    }

    /// <summary>A budget field that is just a number ("50000", "50,000.00").</summary>
    private static bool TryPlainAmount(string? budget, out decimal amount)
    {
        amount = 0;
        return !string.IsNullOrWhiteSpace(budget)
            && decimal.TryParse(budget.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount)
            && amount > 0;
    }
}

using System.Text.RegularExpressions;
using Collaboration.Domain.Common;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads changes to one deal's details, one change per message: "&lt;deal&gt; &lt;field&gt; &lt;value&gt;" (amount, close date,
/// probability, next step, contact, follow-up plan) and the commands that start with a verb (assign, rename, reopen),
/// in English and Chinese. Input is already normalized by <see cref="CommandParser"/>.
/// </summary>
public static partial class DealEditWords
{
    private enum Field
    {
        Amount,
        CloseDate,
        Probability,
        NextStep,
        Contact,
        StartPlan,
        StopPlan,
    }

    public static DealCommand? Parse(string input, CommandContext context)
    {
        var assign = AssignEnglish().Match(input);
        if (!assign.Success) assign = AssignChinese().Match(input);
        if (assign.Success)
        {
            var who = assign.Groups["who"].Value.Trim();
            return Named(assign, name => new AssignDealCommand(name, MentionIn(who, context.Mentions), who));
        }
        var rename = RenameEnglish().Match(input);
        if (!rename.Success) rename = RenameChinese().Match(input);
        if (rename.Success)
        {
            var newName = Clean(rename.Groups["name"].Value);
            return newName.Length == 0 ? null : Named(rename, name => new RenameDealCommand(name, newName));
        }
        if (Reopen().Match(input) is { Success: true } reopen)
        {
            var reason = reopen.Groups["reason"].Success ? reopen.Groups["reason"].Value.Trim() : null;
            return Named(reopen, name => new ReopenDealCommand(name, string.IsNullOrEmpty(reason) ? null : reason));
        }
        return ParseField(input, context);
    }

    /// <summary>
    /// The first field word decides ("Contoso next step confirm the amount" sets the next step). When a field needs a
    /// readable value and the first occurrence gives none, a later one is tried, so a deal may be called "Best Value amount 5k".
    /// </summary>
    private static DealCommand? ParseField(string input, CommandContext context)
    {
        DealCommand? unreadable = null;
        foreach (Match keyword in FieldWord().Matches(input))
        {
            var dealName = Clean(input[..keyword.Index]);
            if (dealName.Length == 0) continue;
            var field = FieldOf(keyword);
            var value = input[(keyword.Index + keyword.Length)..].Trim();
            value = (field == Field.NextStep ? NextStepLead() : ValueLead()).Replace(value, "", 1).Trim();
            var (command, readable) = field switch
            {
                Field.Amount => Amount(dealName, value),
                Field.CloseDate => CloseDate(dealName, value, context.Today),
                Field.Probability => Probability(dealName, value),
                Field.NextStep => NextStep(dealName, value, context.Today),
                Field.Contact => Contact(dealName, value),
                Field.StartPlan => (new StartFollowUpPlanCommand(dealName, PlanOf(value)), true),
                _ => value.Length == 0 ? (new StopFollowUpPlanCommand(dealName), true) : (null, false),
            };
            if (readable) return command;
            unreadable ??= command;
        }
        return unreadable;
    }

    private static (DealCommand?, bool) Amount(string dealName, string value)
    {
        if (value.Length == 0) return (null, false);
        return AmountParser.TryParse(value, out var amount)
            ? (new SetAmountCommand(dealName, amount.Value, amount.Currency, value), true)
            : (new SetAmountCommand(dealName, null, null, value), false);
    }

    private static (DealCommand?, bool) CloseDate(string dealName, string value, DateOnly? today)
    {
        if (value.Length == 0) return (null, false);
        var date = RelativeDateReader.Read(value, today);
        return (new SetCloseDateCommand(dealName, date, value), date is not null);
    }

    private static (DealCommand?, bool) Probability(string dealName, string value)
    {
        if (value.Length == 0) return (null, false);
        if (StageDefault().IsMatch(value)) return (new SetProbabilityCommand(dealName, null, true, value), true);
        if (Percent().Match(value) is { Success: true } percent
            && int.TryParse(percent.Groups["n"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n is >= 0 and <= 100)
        {
            return (new SetProbabilityCommand(dealName, n, false, value), true);
        }
        return (new SetProbabilityCommand(dealName, null, false, value), false);
    }

    private static (DealCommand?, bool) NextStep(string dealName, string value, DateOnly? today)
    {
        if (value.Length == 0) return (null, false);
        var deadline = RelativeDateReader.ReadTrailing(value, today) is { } english
            ? (english.Date, Text: english.Before)
            : HasCjk(value) && RelativeDateReader.ReadChineseDeadline(value, today) is { } chinese ? (chinese.Date, Text: chinese.Remainder) : default((DateOnly Date, string Text)?);
        return deadline is { Text.Length: > 0 } due
            ? (new SetNextStepCommand(dealName, due.Text, due.Date), true)
            : (new SetNextStepCommand(dealName, value, null), true);
    }

    private static (DealCommand?, bool) Contact(string dealName, string value)
    {
        var contact = MailtoLink().Replace(value, "${text}").Trim();
        if (contact.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) contact = contact["mailto:".Length..];
        contact = Clean(contact);
        if (contact.Length == 0) return (null, false);
        return (new SetPrimaryContactCommand(dealName, EmailOrNull(contact), contact), true);
    }

    private static string? EmailOrNull(string text)
    {
        if (!text.Contains('@', StringComparison.Ordinal)) return null;
        try
        {
            return EmailAddress.Normalize(text);
        }
        catch (DomainException)
        {
            return null;
        }
    }

    private static string? PlanOf(string value) => Clean(value).ToLowerInvariant() switch
    {
        "" or "default" or "默认" => null,
        "标准" or "标准计划" or "standard plan" => "standard",
        var plan => plan,
    };

    /// <summary>The person <paramref name="who"/> mentions: by the mention's text or name; else the only person mentioned.</summary>
    private static MentionedPerson? MentionIn(string who, IReadOnlyList<MentionedPerson> mentions)
    {
        var collapsed = Spaces().Replace(who, " ");
        var tag = AtTag().Match(who);
        var name = tag.Success ? tag.Groups["name"].Value.Trim() : collapsed.TrimStart('@').Trim();
        return mentions.FirstOrDefault(m => m.Text.Length > 0 && collapsed.Contains(Spaces().Replace(m.Text, " "), StringComparison.Ordinal))
            ?? mentions.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? (mentions.Count == 1 && (tag.Success || collapsed.StartsWith('@')) ? mentions[0] : null);
    }

    private static DealCommand? Named(Match match, Func<string, DealCommand> create) =>
        Clean(match.Groups["deal"].Value) is { Length: > 0 } name ? create(name) : null;

    private static Field FieldOf(Match keyword)
    {
        foreach (var field in Enum.GetValues<Field>())
        {
            if (keyword.Groups[field.ToString()].Success) return field;
        }
        throw new InvalidOperationException($"The field word '{keyword.Value}' belongs to no field.");
    }

    private static string Clean(string text) => text.Trim().Trim('"', '\'', '“', '”', '「', '」', '《', '》', ',', ':').Trim();

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u3400' and <= '\u9FFF');
}

using System.Globalization;
using System.Text.RegularExpressions;
using Collaboration.Domain.Contracts;

namespace Collaboration.Bot.Commands;

/// <summary>
/// Reads what follows a won deal, in English and Chinese: the signed contract, a payment or delivery received, and a
/// payment or delivery planned. The deal's name comes first; a message that starts with another command's verb, or sets a
/// next step (free text that may say "paid"), is left to that command.
/// </summary>
public static partial class ContractWords
{
    /// <summary>Longer messages are no command of these: reading them costs nothing, whatever they hold.</summary>
    public const int MaxLength = 400;

    public static DealCommand? Parse(string input, CommandContext context)
    {
        if (input.Length > MaxLength) return null;
        var today = context.Today;
        if (Match(input, ContractEnglish(), ContractChinese()) is { } contract) return Contract(contract.Deal, contract.Match.Groups["rest"].Value, today);
        if (Match(input, DeliveredEnglish(), DeliveredChinese()) is { } delivered) return new RecordDeliveryCommand(delivered.Deal);
        if (Match(input, PaidEnglish(), PaidChinese()) is { } paid) return Payment(paid.Deal, paid.Match.Groups["rest"].Value.Trim());
        if (Match(input, PaymentEnglish(), PaymentChinese()) is { } payment)
        {
            var amountText = payment.Match.Groups["amount"].Value.Trim();
            var dateText = payment.Match.Groups["date"].Value.Trim();
            var due = ReadDate(dateText, today);
            return AmountParser.TryParse(amountText, out var amount)
                ? new PlanMilestoneCommand(payment.Deal, MilestoneKind.Payment, amount.Value, amount.Currency, due, dateText)
                : new PlanMilestoneCommand(payment.Deal, MilestoneKind.Payment, null, null, due, amountText);
        }
        if (Match(input, DeliveryEnglish(), DeliveryChinese()) is { } delivery)
        {
            var dateText = delivery.Match.Groups["date"].Value.Trim();
            return new PlanMilestoneCommand(delivery.Deal, MilestoneKind.Delivery, null, null, ReadDate(dateText, today), dateText);
        }
        return null;
    }

    private static (string Deal, Match Match)? Match(string input, Regex english, Regex chinese)
    {
        var match = english.Match(input);
        if (!match.Success) match = chinese.Match(input);
        if (!match.Success) return null;
        var deal = Clean(match.Groups["deal"].Value);
        return deal.Length == 0 || OtherCommand().IsMatch(deal) ? null : (deal, match);
    }

    private static RecordContractCommand Contract(string deal, string rest, DateOnly? today)
    {
        string? link = null;
        if (Link().Match(rest) is { Success: true } found)
        {
            link = found.Groups["href"].Success ? found.Groups["href"].Value : found.Groups["url"].Value;
            rest = rest.Remove(found.Index, found.Length);
        }
        decimal? value = null;
        string? currency = null, valueText = null;
        if (ValueWord().Match(rest) is { Success: true } worth)
        {
            valueText = worth.Groups["amount"].Value.Trim();
            if (AmountParser.TryParse(valueText, out var amount)) (value, currency) = (amount.Value, amount.Currency);
            rest = rest.Remove(worth.Index, worth.Length);
        }
        var dateText = DateLead().Replace(rest.Trim(), "").Trim().Trim(',');
        var signedOn = dateText.Length == 0 ? today : ReadDate(dateText, today);
        return new RecordContractCommand(deal, signedOn, dateText, value, currency, valueText, link);
    }

    private static RecordPaymentCommand Payment(string deal, string rest)
    {
        if (rest.Length == 0) return new RecordPaymentCommand(deal, null);
        if (Percent().Match(rest) is { Success: true } share
            && decimal.TryParse(share.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            return new RecordPaymentCommand(deal, percent);
        }
        return new RecordPaymentCommand(deal, null, rest);
    }

    /// <summary>Absolute and relative dates as everywhere in the bot, and the past days a signature or payment is told on.</summary>
    private static DateOnly? ReadDate(string text, DateOnly? today)
    {
        if (Yesterday().IsMatch(text)) return today?.AddDays(-1);
        return RelativeDateReader.Read(DateLead().Replace(text, ""), today);
    }

    private static string Clean(string text) => text.Trim().Trim('"', '\'', '“', '”', '「', '」', '《', '》', ',', ':').Trim();
}

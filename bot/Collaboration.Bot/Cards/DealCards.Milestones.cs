using System.Text.Json.Nodes;
using Collaboration.Application.Contracts;
using Collaboration.Domain.Contracts;

namespace Collaboration.Bot.Cards;

/// <summary>The deal card's "Payments and delivery" part: the signed contract and the milestones, overdue ones marked.</summary>
public static partial class DealCards
{
    /// <summary>How many milestones the deal card lists; a deal may have up to <see cref="Milestone.MaxPerDeal"/>.</summary>
    public const int CardMilestones = 8;

    private static JsonObject? MilestonesSection(DealView deal, CardContext context)
    {
        if (deal.Contract is null && deal.Milestones.Count == 0) return null;
        var locale = context.Locale;
        var items = new JsonArray { Text(BotTexts.T("milestones.card_title", locale), weight: "Bolder") };
        if (deal.Contract is { } contract)
        {
            items.Add(Text(BotTexts.T("milestones.card_contract", locale, ("date", BotTexts.Date(contract.SignedOn, locale)),
                ("value", BotTexts.Money(contract.Value, contract.Currency, locale))), size: "Small", spacing: "None"));
        }
        foreach (var milestone in deal.Milestones.Take(CardMilestones))
        {
            items.Add(Text(MilestoneLine(milestone, locale), size: "Small", spacing: "None", color: milestone.Overdue ? "Attention" : null,
                weight: milestone.Overdue ? "Bolder" : null));
        }
        if (deal.Milestones.Count > CardMilestones)
        {
            items.Add(Text(BotTexts.T("milestones.card_more", locale, ("count", (deal.Milestones.Count - CardMilestones).ToString(System.Globalization.CultureInfo.InvariantCulture))),
                size: "Small", isSubtle: true, spacing: "None"));
        }
        if (deal.Contract?.DocumentLink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            var open = new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = BotTexts.T("milestones.card_open_contract", locale), ["url"] = uri.AbsoluteUri };
            items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray { open } });
        }
        var section = Container(items);
        section["separator"] = true;
        return section;
    }

    /// <summary>"Payment 30,000 EUR · due 2027-02-01 · overdue" / "交付 · 到期 2027-03-01 · 已于 2027-03-01 交付".</summary>
    internal static string MilestoneLine(MilestoneView milestone, string locale)
    {
        var what = milestone.Kind == MilestoneKind.Payment
            ? BotTexts.T("milestones.card_payment", locale, ("amount", BotTexts.Money(milestone.Amount, milestone.Currency ?? "", locale)))
            : BotTexts.T("milestones.card_delivery", locale);
        var state = (milestone.PaidOn ?? milestone.DeliveredOn) is { } done
            ? BotTexts.T(milestone.Kind == MilestoneKind.Payment ? "milestones.card_paid" : "milestones.card_delivered", locale, ("date", BotTexts.Date(done, locale)))
            : milestone.Overdue ? "⚠ " + BotTexts.T("milestones.card_overdue", locale) : BotTexts.T("milestones.card_open", locale);
        var line = $"{what} · {BotTexts.T("milestones.card_due", locale, ("date", BotTexts.Date(milestone.DueOn, locale)))} · {state}";
        return milestone.Description is { } description ? $"{line} · {CardText.Markdown(description)}" : line;
    }
}

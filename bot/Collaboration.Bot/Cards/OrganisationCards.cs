using System.Text.Json.Nodes;
using Collaboration.Application.Organisation;

namespace Collaboration.Bot.Cards;

/// <summary>
/// "my team", "who is my manager" and "settings". Team names, people's names and emails are user data: always escaped.
/// </summary>
public static class OrganisationCards
{
    public static JsonObject MyTeam(OrganisationPlace place, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray { DealCards.Text(BotTexts.T("org.title", locale), size: "Medium", weight: "Bolder") };
        var facts = new JsonArray
        {
            DealCards.Fact(BotTexts.T("org.team", locale), place.Me.Team is { } team ? CardText.Markdown(team) : BotTexts.T("org.no_team", locale)),
            DealCards.Fact(BotTexts.T("org.manager", locale), ManagerLine(place, locale)),
        };
        body.Add(FactSet(facts));
        if (place.Me.Team is not null && place.Teammates.Count > 0)
        {
            var names = string.Join(BotTexts.IsChinese(locale) ? "、" : ", ", place.Teammates.Select(p => CardText.Markdown(p.DisplayName)));
            var more = place.TeamSize - 1 - place.Teammates.Count;
            if (more > 0) names += " " + BotTexts.T("org.more", locale, ("count", more.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            body.Add(DealCards.Text(BotTexts.T("org.members", locale, ("count", place.TeamSize.ToString(System.Globalization.CultureInfo.InvariantCulture))), weight: "Bolder"));
            body.Add(DealCards.Text(names, spacing: "Small"));
        }
        if (place.IsManager)
        {
            body.Add(DealCards.Text(BotTexts.T("org.reports", locale), weight: "Bolder"));
            var reports = new JsonArray();
            foreach (var report in place.Reports)
            {
                var weighted = report.Weighted.Count == 0
                    ? BotTexts.Money(0, "", locale).Trim()
                    : string.Join(" + ", report.Weighted.Select(w => BotTexts.Money(w.Weighted, CardText.Markdown(w.Currency), locale)));
                reports.Add(DealCards.Fact(PersonName(report.Person, locale),
                    BotTexts.T("org.report_line", locale, ("deals", report.OpenDeals.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("weighted", weighted))));
            }
            body.Add(FactSet(reports));
        }
        body.Add(DealCards.Text(BotTexts.T("org.who_sets", locale), isSubtle: true));
        return DealCards.Card(body, []);
    }

    public static JsonObject Manager(OrganisationPlace place, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray { DealCards.Text(BotTexts.T("manager.title", locale), size: "Medium", weight: "Bolder") };
        if (place.Manager is { } manager)
        {
            body.Add(DealCards.Text(PersonName(manager, locale), weight: "Bolder"));
            body.Add(FactSet(new JsonArray { DealCards.Fact(BotTexts.T("manager.email", locale), manager.Email is { } email ? CardText.Markdown(email) : BotTexts.T("none", locale)) }));
            return DealCards.Card(body, []);
        }
        body.Add(DealCards.Text(place.ManagerObjectId is { } id
            ? BotTexts.T("manager.unknown", locale, ("id", CardText.Markdown(id)))
            : BotTexts.T("manager.none", locale)));
        body.Add(DealCards.Text(BotTexts.T("org.who_sets", locale), isSubtle: true));
        return DealCards.Card(body, []);
    }

    /// <summary>For an admin: opens the Settings tab (a Teams deep link, or the add-in's page); without a link, says where it is.</summary>
    public static JsonObject Settings(Uri? link, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("settings.title", locale), size: "Medium", weight: "Bolder"),
            DealCards.Text(BotTexts.T("settings.text", locale)),
        };
        if (link is null)
        {
            body.Add(DealCards.Text(BotTexts.T("settings.no_link", locale), isSubtle: true));
            return DealCards.Card(body, []);
        }
        return DealCards.Card(body, [new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = BotTexts.T("settings.open", locale), ["url"] = link.AbsoluteUri }]);
    }

    /// <summary>For everyone else: who can change settings.</summary>
    public static JsonObject SettingsRefused(IReadOnlyList<OrganisationPerson> admins, CardContext context)
    {
        var locale = context.Locale;
        var names = string.Join(BotTexts.IsChinese(locale) ? "、" : ", ", admins.Select(a => CardText.Markdown(a.DisplayName)));
        return DealCards.Card(new JsonArray
        {
            DealCards.Text(BotTexts.T("settings.refused.title", locale), size: "Medium", weight: "Bolder", color: "Attention"),
            DealCards.Text(admins.Count > 0 ? BotTexts.T("settings.refused.admins", locale, ("names", names)) : BotTexts.T("settings.refused.none", locale)),
        }, []);
    }

    private static string ManagerLine(OrganisationPlace place, string locale) => place switch
    {
        { Manager: { } manager } => PersonName(manager, locale) + (manager.Email is { } email ? " · " + CardText.Markdown(email) : ""),
        { ManagerObjectId: { } id } => CardText.Markdown(id),
        _ => BotTexts.T("org.no_manager", locale),
    };

    private static string PersonName(OrganisationPerson person, string locale) =>
        CardText.Markdown(person.DisplayName) + (person.Active ? "" : " " + BotTexts.T("org.inactive", locale));

    private static JsonObject FactSet(JsonArray facts) => new() { ["type"] = "FactSet", ["facts"] = facts };
}

using System.Text.Json.Nodes;
using Collaboration.Application.Organisation;
using Collaboration.Application.Reports;
using Collaboration.Bot.Cards;

namespace Collaboration.Bot.Tests.Samples;

/// <summary>The organisation and quota cards with hostile names and team names, in both languages.</summary>
public static class OrganisationCardSamples
{
    public const string Hostile = "**Bold** [x](https://evil.example) <at>Boss</at> {{DATE(2026-01-01)}}";

    public static IReadOnlyList<(string Name, JsonObject Card)> All()
    {
        var at = new DateTimeOffset(2027, 2, 10, 9, 0, 0, TimeSpan.Zero);
        OrganisationPerson Person(string id, string name, string? team = null, bool active = true) => new(id, name, $"{id}@contoso.example", team, active);
        var me = Person("boss", "Alex Wilber", Hostile);
        var place = new OrganisationPlace(me, "ceo", Person("ceo", Hostile), [Person("ann", "Ann Lee", Hostile), Person("li", "李雷", Hostile)], 30,
        [
            new DirectReport(Person("ann", "Ann Lee", Hostile), 3, [("USD", 42_000m), ("CNY", 100_000.5m)]),
            new DirectReport(Person("carl", Hostile, "West", active: false), 0, []),
        ]);
        var lonely = new OrganisationPlace(Person("rep", "Rep"), null, null, [], 1, []);
        var unknownManager = lonely with { ManagerObjectId = "aad-not-yet-seen" };
        var rows = new List<AttainmentRow>
        {
            new(AttainmentRow.Rep, "boss", Hostile, "2027-Q1", new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), "USD", 200_000m, 50_000m, 90_000m, 4),
            new(AttainmentRow.TeamScope, null, Hostile, "2027-Q1", new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31), "USD", 900_000m, 950_000m, 10_000m, 1),
            new(AttainmentRow.Rep, "carl", "West", "2027-02", new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28), "CNY", 0m, 0m, 0m, 0),
        };
        var names = new Dictionary<string, string> { ["carl"] = Hostile };
        var heading = new QuotaHeading("2027-Q1", new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 31));

        var cards = new List<(string, JsonObject)>();
        foreach (var (suffix, locale) in new[] { ("en", "en-US"), ("zh", "zh-CN") })
        {
            var context = new CardContext(locale, at);
            cards.Add(($"my-team-manager-{suffix}", OrganisationCards.MyTeam(place, context)));
            cards.Add(($"my-team-alone-{suffix}", OrganisationCards.MyTeam(lonely, context)));
            cards.Add(($"manager-{suffix}", OrganisationCards.Manager(place, context)));
            cards.Add(($"manager-none-{suffix}", OrganisationCards.Manager(lonely, context)));
            cards.Add(($"manager-unknown-{suffix}", OrganisationCards.Manager(unknownManager, context)));
            cards.Add(($"settings-{suffix}", OrganisationCards.Settings(new Uri("https://teams.microsoft.com/l/entity/5b3f2c1e-8a7d-4e6f-9b0a-1c2d3e4f5a6b/settings"), context)));
            cards.Add(($"settings-no-link-{suffix}", OrganisationCards.Settings(null, context)));
            cards.Add(($"settings-refused-{suffix}", OrganisationCards.SettingsRefused([Person("boss", Hostile)], context)));
            cards.Add(($"settings-refused-none-{suffix}", OrganisationCards.SettingsRefused([], context)));
            cards.Add(($"quota-{suffix}", QuotaCards.Attainment(rows, "boss", names, heading, context)));
            cards.Add(($"quota-none-{suffix}", QuotaCards.Attainment([], "boss", names, heading, context)));
        }
        return cards;
    }
}

using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;

namespace Collaboration.Bot.Cards;

/// <summary>A deal's story: the newest entries on the deal card, and the full list (bounded) behind its Timeline button.</summary>
public static partial class DealCards
{
    /// <summary>How many entries the deal card shows.</summary>
    public const int RecentEntries = 5;

    /// <summary>How many entries the Timeline card lists, newest first: bounded, as a card must stay far below Teams' 100 KB.</summary>
    public const int TimelineEntries = 50;

    /// <summary>How much of one entry's summary a card shows; an email body can be long.</summary>
    public const int MaxSummaryLength = 280;

    /// <summary>The deal card's section: the newest entries, then the Edit form (open deals) and the Timeline button.</summary>
    private static JsonObject RecentSection(DealView deal, CardContext context)
    {
        var locale = context.Locale;
        var items = new JsonArray { Text(BotTexts.T("timeline.recent", locale), weight: "Bolder") };
        if (deal.Recent.Count == 0) items.Add(Text(BotTexts.T("timeline.empty", locale), isSubtle: true, spacing: "None"));
        foreach (var entry in deal.Recent.Take(RecentEntries)) items.Add(Text(Line(entry, locale), size: "Small", spacing: "None"));
        var actions = new JsonArray();
        if (!deal.IsClosed) actions.Add(ShowCard(BotTexts.T("action.edit", locale), EditCard(deal, context)));
        actions.Add(Execute(BotTexts.T("action.timeline", locale), CardVerbs.Timeline, ShowData(deal.Id)));
        items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
        var section = Container(items);
        section["separator"] = true;
        return section;
    }

    /// <summary>The answer to the Timeline button: the newest <see cref="TimelineEntries"/> entries of the deal.</summary>
    public static JsonObject Timeline(DealView deal, IReadOnlyList<DealTimelineEntry> entries, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            Text(BotTexts.T("timeline.title", locale, ("name", CardText.Markdown(deal.Name))), size: "Medium", weight: "Bolder"),
        };
        if (entries.Count == 0) body.Add(Text(BotTexts.T("timeline.empty", locale)));
        foreach (var entry in entries.Take(TimelineEntries))
        {
            var item = Container(
            [
                Text(Summary(entry, locale)),
                Text(Who(entry, locale), size: "Small", isSubtle: true, spacing: "None"),
            ]);
            item["separator"] = true;
            body.Add(item);
        }
        if (entries.Count > TimelineEntries)
        {
            body.Add(Text(BotTexts.T("timeline.more", locale, ("count", TimelineEntries.ToString(System.Globalization.CultureInfo.InvariantCulture))), isSubtle: true));
        }
        return Card(body, [Execute(BotTexts.T("list.open", locale), CardVerbs.Show, ShowData(deal.Id))]);
    }

    private static string Line(DealTimelineEntry entry, string locale) => $"{Summary(entry, locale)} · {Who(entry, locale)}";

    private static string Summary(DealTimelineEntry entry, string locale) => LocalizedSummary(entry, locale)
        ?? CardText.Markdown(entry.Summary.Length > MaxSummaryLength ? entry.Summary[..MaxSummaryLength] + "…" : entry.Summary);

    private static string Who(DealTimelineEntry entry, string locale) =>
        $"{CardText.Markdown(entry.Who)} · {NotificationCards.Surface(entry.Surface, locale)} · {BotTexts.When(entry.At, locale)}";
}

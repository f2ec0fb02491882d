using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Bot.Commands;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>Win/loss reviews: the prompt after a close, the saved review, and the search results.</summary>
public static partial class ReportCards
{
    public static JsonObject ReviewPrompt(Guid dealId, string dealName, bool won, string? competitor, CardContext context)
    {
        var locale = context.Locale;
        var outcome = won ? "won" : "lost";
        var factors = DealCards.TextInput(Factors, BotTexts.T("review.factors." + outcome, locale));
        factors["isMultiline"] = true;
        factors["maxLength"] = 1000;
        var rival = DealCards.TextInput(Competitor, BotTexts.T("review.competitor", locale));
        rival["maxLength"] = 200;
        if (!string.IsNullOrWhiteSpace(competitor)) rival["value"] = CardText.Plain(competitor);
        var lessons = DealCards.TextInput(Lessons, BotTexts.T("review.lessons", locale));
        lessons["isMultiline"] = true;
        lessons["maxLength"] = 1000;
        var body = new JsonArray
        {
            DealCards.Text(BotTexts.T("review.title." + outcome, locale, ("name", CardText.Markdown(dealName))), size: "Medium", weight: "Bolder"),
            DealCards.Text(BotTexts.T("review.text", locale), isSubtle: true),
            factors, rival, lessons,
        };
        var data = new JsonObject { [CardData.DealId] = dealId.ToString() };
        return DealCards.Card(body, [DealCards.Execute(BotTexts.T("review.save", locale), ReviewVerb, data)]);
    }

    /// <summary>The recorded review, replacing the prompt.</summary>
    public static JsonObject ReviewSaved(ReviewHit review, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray
        {
            DealCards.Container([DealCards.Text(BotTexts.T("review.saved", locale), weight: "Bolder", color: "Good")], style: "good"),
        };
        body.Add(ReviewBlock(review, null, locale));
        return DealCards.Card(body, []);
    }

    /// <summary>Reviews matching a search, newest first.</summary>
    public static JsonObject Reviews(IReadOnlyList<ReviewHit> hits, string? text, string? competitor, IReadOnlyDictionary<string, string> names, CardContext context)
    {
        var locale = context.Locale;
        var body = new JsonArray { DealCards.Text(BotTexts.T("reviews.title", locale), size: "Medium", weight: "Bolder") };
        if (text is not null) body.Add(DealCards.Text(BotTexts.T("reviews.query", locale, ("text", CardText.Markdown(text))), isSubtle: true, spacing: "None"));
        if (competitor is not null) body.Add(DealCards.Text(BotTexts.T("reviews.competitor", locale, ("competitor", CardText.Markdown(competitor))), isSubtle: true, spacing: "None"));
        if (hits.Count == 0)
        {
            body.Add(DealCards.Text(BotTexts.T("reviews.empty", locale)));
            return DealCards.Card(body, []);
        }
        foreach (var hit in hits)
        {
            var block = ReviewBlock(hit, Name(names, hit.OwnerId), locale);
            block["separator"] = true;
            body.Add(block);
        }
        return DealCards.Card(body, []);
    }

    /// <summary>The manager's Monday digest: last week's closes, stage entries (charted), open pipeline and the top risks.</summary>

    private static JsonObject ReviewBlock(ReviewHit review, string? owner, string locale)
    {
        var won = review.Outcome == Stage.Won;
        var items = new JsonArray
        {
            DealCards.Text(CardText.Markdown(review.DealName), weight: "Bolder"),
            DealCards.Text(BotTexts.T("reviews.line", locale,
                ("outcome", BotTexts.T(won ? "review.outcome.won" : "review.outcome.lost", locale)),
                ("when", BotTexts.Date(review.ClosedAt is { } c ? DateOnly.FromDateTime(c.UtcDateTime) : null, locale)),
                ("amount", BotTexts.Money(review.Amount, CardText.Markdown(review.Currency), locale)))
                + (owner is null ? "" : " · " + CardText.Markdown(owner)), isSubtle: true, spacing: "None", color: won ? "Good" : "Attention"),
        };
        var facts = new List<JsonObject>();
        if (review.Factors.Count > 0) facts.Add(DealCards.Fact(BotTexts.T("review.factors", locale), string.Join("; ", review.Factors.Select(CardText.Markdown))));
        if (review.LossReason is { Length: > 0 } reason) facts.Add(DealCards.Fact(BotTexts.T("fact.loss_reason", locale), CardText.Markdown(reason)));
        if (review.Competitor is { Length: > 0 } rival) facts.Add(DealCards.Fact(BotTexts.T("review.competitor", locale), CardText.Markdown(rival)));
        if (review.Lessons is { Length: > 0 } lessons) facts.Add(DealCards.Fact(BotTexts.T("review.lessons", locale), CardText.Markdown(lessons)));
        if (facts.Count > 0) items.Add(Facts(facts));
        return DealCards.Container(items);
    }
}

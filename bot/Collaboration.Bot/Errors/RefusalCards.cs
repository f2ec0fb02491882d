using System.Text.Json.Nodes;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Common;

namespace Collaboration.Bot.Errors;

/// <summary>
/// Refusals as cards in the rep's language, as the add-in's <c>DomainProblems</c> answers them over HTTP: a rule the
/// domain enforces, or a deal this rep cannot see. Someone else's newer change is not refused but answered with the
/// fresh deal card (see <c>StaleCard</c>); a refused change to a deal is a note on the deal card, worded by <see cref="Describe"/>.
/// </summary>
public static class RefusalCards
{
    public static JsonObject For(DomainException refusal, CardContext context) => refusal is NotFoundException
        ? NotFound(context)
        : Card(Describe(refusal.Error, context.Locale), context);

    /// <summary>A deal (or delivery) this rep cannot see, or that a card no longer names: never says which.</summary>
    public static JsonObject NotFound(CardContext context) => Card(BotTexts.T("not_found.id", context.Locale), context);

    /// <summary>A refusal the bot words itself: a name nothing matches, a stage that does not exist, admins only.</summary>
    public static JsonObject Card(string text, CardContext context) =>
        DealCards.Notice(BotTexts.T("refused.title", context.Locale), text, context, isError: true);

    /// <summary>The refusal in words: the domain's, except for the codes only the bot raises or words its own way.</summary>
    public static string Describe(DomainError error, string locale) => error.Code switch
    {
        "no_next_stage" => BotTexts.T("no_next_stage", locale),
        "unknown_stage" => BotTexts.T("unknown_stage", locale, ("text", "?"), ("stages", "")),
        "log_text_required" => BotTexts.T("input.text", locale),
        "team_required" => BotTexts.T("prefs.no_team", locale),
        "mention_required" => BotTexts.T("mention_required", locale),
        "unreadable_value" => BotTexts.T("unreadable_value", locale,
            ("field", BotTexts.T("field." + error.Values.GetValueOrDefault("field", ""), locale)), ("value", CardText.Markdown(error.Values.GetValueOrDefault("value", "")))),
        _ => error.Describe(locale),
    };
}

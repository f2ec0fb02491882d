using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Cards;

/// <summary>
/// Every Adaptive Card (schema 1.5) the bot sends. Actions are Action.Execute with an Action.Submit fallback; each
/// carries the deal id, the version the card was drawn from and when, so a stale click is caught rather than applied.
/// </summary>
public static partial class DealCards
{
    public const string Version = "1.5";
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Deal(DealView deal, CardContext context, DealCardNotes? notes = null)
    {
        notes ??= new DealCardNotes();
        var locale = context.Locale;
        var body = new JsonArray();
        if (notes.ChangedSince is { } changed)
        {
            var container = new JsonArray { Text(BotTexts.T("stale.title", locale), weight: "Bolder", color: "Warning") };
            foreach (var line in changed) container.Add(Text("• " + line, isSubtle: true));
            body.Add(Container(container, style: "warning"));
        }
        if (notes.Notice is { } notice)
        {
            body.Add(Container([Text(notice, weight: "Bolder", color: notes.NoticeIsError ? "Attention" : "Good")],
                style: notes.NoticeIsError ? "attention" : "good"));
        }
        body.Add(Text(CardText.Markdown(deal.Name), size: "Large", weight: "Bolder"));
        if (deal.AccountName is { Length: > 0 } account) body.Add(Text(CardText.Markdown(account), isSubtle: true, spacing: "None"));
        body.Add(Progress(deal.Stage, locale));

        var missing = deal.Gaps.Count == 0 ? BotTexts.T("nothing_missing", locale) : ErrorMessages.TermList(deal.Gaps, locale);
        var facts = new JsonArray
        {
            Fact(BotTexts.T("fact.stage", locale), CardText.Markdown(deal.StageName(deal.Stage, locale))),
            Fact(BotTexts.T("fact.amount", locale), BotTexts.Money(deal.Amount, deal.Currency, locale)),
            Fact(BotTexts.T("fact.probability", locale), deal.Probability.ToString(CultureInfo.InvariantCulture) + "%"),
            Fact(BotTexts.T("fact.weighted", locale), BotTexts.Money(deal.WeightedAmount, deal.Currency, locale)),
            Fact(BotTexts.T("fact.close_date", locale), BotTexts.Date(deal.CloseDate, locale)),
            Fact(BotTexts.T("fact.bant", locale), $"{deal.Score.ToString(CultureInfo.InvariantCulture)}/100 ({BotTexts.Rating(deal.Rating, locale)})"),
            Fact(BotTexts.T("fact.missing", locale), missing),
            Fact(BotTexts.T("fact.next_step", locale), deal.NextStep is { } next ? CardText.Markdown(next) : BotTexts.T("none", locale)),
            Fact(BotTexts.T("fact.last_activity", locale), BotTexts.When(deal.LastActivityAt, locale)),
        };
        if (deal.ReferredBy is { } referrer) facts.Add(Fact(BotTexts.T("fact.referred_by", locale), CardText.Markdown(referrer)));
        if (deal.LossReason is { } loss) facts.Add(Fact(BotTexts.T("fact.loss_reason", locale), CardText.Markdown(loss)));
        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });

        if (MilestonesSection(deal, context) is { } milestones) body.Add(milestones);
        if (notes.GatedTarget is { } gated) body.Add(GatedSection(deal, gated, context));
        body.Add(RecentSection(deal, context));

        var actions = new JsonArray();
        if (!deal.IsClosed)
        {
            if (deal.Stage.Next() is { } nextStage)
            {
                actions.Add(Execute(BotTexts.T("action.advance", locale, ("stage", CardText.Plain(deal.StageName(nextStage, locale)))), CardVerbs.Advance, DealData(deal, context)));
            }
            actions.Add(ShowCard(BotTexts.T("action.choose_stage", locale), StageChooser(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.qualify", locale), SubCard(QualificationInputs(deal, null, locale),
                Execute(BotTexts.T("action.save", locale), CardVerbs.Qualify, DealData(deal, context)))));
            actions.Add(ShowCard(BotTexts.T("action.log", locale), LogCard(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.won", locale), WonCard(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.lost", locale), LostCard(deal, context)));
        }
        else
        {
            body.Add(Text(BotTexts.T("closed_note", locale), isSubtle: true));
            actions.Add(ShowCard(BotTexts.T("action.log", locale), LogCard(deal, context)));
            actions.Add(ShowCard(BotTexts.T("action.reopen", locale), ReopenCard(deal, context)));
        }
        return Card(body, actions);
    }

    /// <summary>Asks for the BANT items still unknown, with inputs that fill them.</summary>

    private static JsonObject Progress(Stage stage, string locale)
    {
        var current = stage.PhaseOf();
        var columns = new JsonArray();
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var (mark, color, weight, subtle) = phase < current ? ("✓", "Good", "Default", false)
                : phase == current ? ("●", stage == Stage.Lost ? "Attention" : "Accent", "Bolder", false)
                : ("○", "Default", "Default", true);
            columns.Add(Column([Text($"{mark} {BotTexts.Phase(phase, locale)}", size: "Small", weight: weight, color: color, isSubtle: subtle)], "auto"));
        }
        return new JsonObject { ["type"] = "ColumnSet", ["spacing"] = "Medium", ["columns"] = columns };
    }

    private static JsonObject GatedSection(DealView deal, Stage target, CardContext context)
    {
        var locale = context.Locale;
        var data = DealData(deal, context);
        data[CardData.Target] = target.Key();
        var items = new JsonArray
        {
            Text(BotTexts.T("gated.title", locale), weight: "Bolder", color: "Attention"),
            Text(BotTexts.T("gated.text", locale) + " " + BotTexts.T("fact.missing", locale) + ": " + ErrorMessages.TermList(deal.Gaps, locale)),
            TextInput(CardData.GateReason, BotTexts.T("input.override_reason", locale)),
            new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray { Execute(BotTexts.T("action.override", locale) + " → " + CardText.Plain(deal.StageName(target, locale)), CardVerbs.Move, data) },
            },
        };
        return Container(items, style: "emphasis");
    }

    private static JsonObject DealData(DealView deal, CardContext context) => new()
    {
        [CardData.DealId] = deal.Id.ToString(),
        [CardData.Version] = deal.Version,
        [CardData.RenderedAt] = context.RenderedAt.ToString("O", CultureInfo.InvariantCulture),
        [CardData.Score] = deal.Score,
    };

    private static JsonObject ShowData(Guid id) => new() { [CardData.DealId] = id.ToString() };
}

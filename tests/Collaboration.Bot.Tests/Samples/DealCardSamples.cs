using System.Text.Json.Nodes;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Tests.Samples;

/// <summary>One deal card of every kind the bot sends, drawn from fixed inputs: for renderer validation.</summary>
public static class DealCardSamples
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var en = new CardContext("en-US", at);
        var zh = new CardContext("zh-Hans", at);
        var pipeline = PipelineSettings.Default;
        var deal = new DealView(
            Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-000000000001"), "Contoso – 50 seats", "Contoso Ltd", Stage.Qualify, 120_000m, "USD", 10, 12_000m,
            new DateOnly(2026, 12, 31), 30, Rating.Cold, ["budget_status", "decision_maker", "timeline"], ["budget_status", "decision_maker", "timeline"],
            "Send the pricing sheet", at.AddDays(-2), 4, new Bant { BudgetAmount = 120_000m, Need = NeedLevel.MustHave }, "Wang Fang", null, pipeline);
        var hostile = deal with
        {
            Id = Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-000000000002"),
            Name = "**x** <at>y</at> [a](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}",
            AccountName = "# _Evil_ <at>Corp</at>",
        };
        var story = new List<DealTimelineEntry>
        {
            new(at, TimelineKind.Stage, "Wang Fang", "aad-wang", ChangeSurface.Teams, "Stage: Qualify → Nurture"),
            new(at.AddMinutes(-3), TimelineKind.Change, hostile.Name, "aad-x", ChangeSurface.Outlook, "Name: " + hostile.Name + " → Contoso – 50 seats", "name", hostile.Name, "Contoso – 50 seats"),
            new(at.AddMinutes(-9), TimelineKind.Interaction, "Wang Fang", "aad-wang", null, "Call: discussed *pricing*"),
        };
        var edited = deal with { Recent = story, ManualProbability = 25, NextStepDue = new DateOnly(2026, 12, 4), PrimaryContactEmail = "priya@lumenfield.com" };
        var won = deal with { Stage = Stage.Won, Probability = 100, WeightedAmount = 120_000m, Gaps = [], MissingToAdvance = [] };
        var lost = deal with { Stage = Stage.Lost, Probability = 0, WeightedAmount = 0m, LossReason = "price" };
        var candidates = new List<DealCandidate>
        {
            new(deal.Id, deal.Name, deal.AccountName, true),
            new(hostile.Id, hostile.Name, hostile.AccountName, true),
        };
        var summaries = new List<DealSummary>
        {
            Summary(deal),
            Summary(hostile),
        };
        var changed = new[] { "Stage: Qualify → Nurture (Wang Fang, 2026-11-26 09:05 UTC)", "Call logged: discussed pricing (Wang Fang, 2026-11-26 09:06 UTC)" };
        var refusal = new DomainError("deal_closed", new Dictionary<string, string> { ["stage"] = "won" });
        return
        [
            ("deal-en", DealCards.Deal(deal, en)),
            ("deal-zh", DealCards.Deal(deal, zh)),
            ("deal-created-en", DealCards.Deal(deal, en, new DealCardNotes(BotTexts.T("done.created", en.Locale)))),
            ("deal-won-en", DealCards.Deal(won, en, new DealCardNotes(BotTexts.T("done.won", en.Locale)))),
            ("deal-lost-zh", DealCards.Deal(lost, zh, new DealCardNotes(BotTexts.T("done.lost", zh.Locale)))),
            ("deal-hostile-en", DealCards.Deal(hostile, en)),
            ("deal-gated-en", DealCards.Deal(deal, en, new DealCardNotes(DomainError.Of("bant_below_threshold", ("score", "30"), ("threshold", "50"), ("missing", "budget_status,decision_maker")).Describe("en"), true, null, Stage.Nurture))),
            ("deal-gated-zh", DealCards.Deal(deal, zh, new DealCardNotes(DomainError.Of("bant_below_threshold", ("score", "30"), ("threshold", "50"), ("missing", "budget_status,decision_maker")).Describe("zh-Hans"), true, null, Stage.Nurture))),
            ("deal-stale-en", DealCards.Deal(deal with { Stage = Stage.Nurture, Version = 5 }, en, new DealCardNotes(ChangedSince: changed))),
            ("deal-stale-zh", DealCards.Deal(deal with { Stage = Stage.Nurture, Version = 5 }, zh, new DealCardNotes(ChangedSince: ["阶段：资格审核 → 培育（王芳，2026-11-26 09:05 UTC）"]))),
            ("deal-refused-en", DealCards.Deal(won, en, new DealCardNotes(refusal.Describe("en"), true))),
            ("deal-with-timeline-en", DealCards.Deal(edited, en, new DealCardNotes(BotTexts.T("done.edited", en.Locale)))),
            ("deal-with-timeline-zh", DealCards.Deal(edited, zh, new DealCardNotes(BotTexts.T("done.edited", zh.Locale)))),
            ("deal-hostile-timeline-en", DealCards.Deal(hostile with { Recent = story }, en)),
            ("timeline-en", DealCards.Timeline(edited, story, en)),
            ("timeline-zh", DealCards.Timeline(edited, story, zh)),
            ("timeline-empty-en", DealCards.Timeline(deal, [], en)),
            ("reopen-prompt-en", DealCards.ReopenPrompt(lost, en)),
            ("reopen-prompt-zh", DealCards.ReopenPrompt(lost, zh)),
            ("qualification-prompt-en", DealCards.QualificationPrompt(deal, en)),
            ("qualification-prompt-zh", DealCards.QualificationPrompt(deal, zh)),
            ("qualification-prompt-complete-en", DealCards.QualificationPrompt(won, en)),
            ("pick-list-en", DealCards.PickList("contoso", candidates, "move contoso to proposal", en)),
            ("pick-list-zh", DealCards.PickList("contoso", candidates, "推进 contoso 到 方案", zh)),
            ("deal-list-en", DealCards.DealList(summaries, pipeline, en)),
            ("deal-list-empty-zh", DealCards.DealList([], pipeline, zh)),
            ("help-en", DealCards.Help(en)),
            ("help-zh", DealCards.Help(zh)),
            ("help-unknown-en", DealCards.Help(en, "frobnicate <at>x</at>")),
            ("not-found-en", DealCards.Notice(BotTexts.T("refused.title", "en"), BotTexts.T("not_found.deal", "en", ("name", CardText.Markdown("nosuch"))), en, isError: true)),
            ("error-zh", DealCards.Notice(BotTexts.T("refused.title", "zh-Hans"), refusal.Describe("zh-Hans"), zh, isError: true)),
        ];
    }

    private static DealSummary Summary(DealView d) => new(d.Id, d.Name, d.AccountName, "owner", d.Stage, d.Amount, d.Currency,
        d.Probability, d.WeightedAmount, d.CloseDate, d.Score, d.Rating, d.NextStep, null, d.LastActivityAt, d.Version);
}

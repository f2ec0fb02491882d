using System.Text.Json.Nodes;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Tests.Samples;

/// <summary>Every notification card with fixed inputs, both languages, one with a hostile deal name: for validation.</summary>
public static class NotificationCardSamples
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        var deal = Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-000000000001");
        var hostile = "**x** <at>y</at> [a](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}";
        var stage = new DeliveryMessage
        {
            Kind = NotificationKind.StageChanged,
            TenantId = "tenant-a",
            At = at,
            OpportunityId = deal,
            OpportunityName = "Contoso – 50 seats",
            FromStage = Stage.Qualify,
            ToStage = Stage.Proposal,
            OwnerId = "ann",
            OwnerName = "Ann Lee",
            ActorId = "carl",
            ActorName = "Carl",
            Surface = ChangeSurface.Outlook,
            Reason = "Budget confirmed by phone",
            OpportunityVersion = 4,
        };
        var reminders = new List<Reminder>
        {
            new(deal, "Contoso – 50 seats", "ann", ReminderRule.Untouched, new DateOnly(2026, 11, 20)) { OpportunityVersion = 4 },
            new(deal, hostile, "ann", ReminderRule.FollowUpDue, new DateOnly(2026, 11, 25), hostile) { OpportunityVersion = 4 },
            new(deal, "Fabrikam", "ann", ReminderRule.CloseDatePassed, new DateOnly(2026, 11, 1)) { OpportunityVersion = 4 },
            new(deal, "Contoso – 50 seats", "ann", ReminderRule.PlanStep, new DateOnly(2026, 11, 19), "standard:7:call") { OpportunityVersion = 4, PlanStepNumber = 2 },
        };
        var pipeline = PipelineSettings.Default;
        var renamed = pipeline with
        {
            Stages = pipeline.Stages.Select(s => s.Stage == Stage.Proposal ? s with { Name = "Quote *sent* <at>x</at>", NameZh = "已报价 **" } : s).ToList(),
        };
        var parked = new List<ParkedDelivery>
        {
            new(42, RecipientKind.User, "aad-ann", NotificationKind.StageChanged, "outbox:7", 8, "503 Service Unavailable", at.AddHours(-2), at),
            new(43, RecipientKind.Conversation, hostile, NotificationKind.DealWon, "outbox:9", 1, hostile, at.AddHours(-1), at),
        };
        var cards = new List<(string, JsonObject)>();
        foreach (var (suffix, locale) in new[] { ("en", "en-US"), ("zh", "zh-Hans") })
        {
            var context = new CardContext(locale, at);
            cards.Add(($"notify-stage-{suffix}", NotificationCards.StageChanged(stage, pipeline, context)));
            cards.Add(($"notify-stage-channel-{suffix}", NotificationCards.StageChanged(stage with { Subscription = SubscriptionFilter.AllStageChanges, Surface = ChangeSurface.Import }, pipeline, context)));
            cards.Add(($"notify-stage-hostile-{suffix}", NotificationCards.StageChanged(stage with { OpportunityName = hostile, ActorName = hostile, Reason = hostile, Surface = null }, pipeline, context)));
            cards.Add(($"notify-stage-renamed-{suffix}", NotificationCards.StageChanged(stage, renamed, context)));
            cards.Add(($"notify-assigned-{suffix}", NotificationCards.OwnerAssigned(stage with { Kind = NotificationKind.OwnerAssigned, Surface = ChangeSurface.Api }, pipeline, context)));
            cards.Add(($"notify-won-{suffix}", NotificationCards.DealWon(stage with
            {
                Kind = NotificationKind.DealWon,
                ToStage = Stage.Won,
                Amount = 120_000m,
                Currency = "USD",
                Subscription = SubscriptionFilter.WonDeals
            }, pipeline, context)));
            cards.Add(($"reminders-{suffix}", NotificationCards.Reminders(reminders, pipeline, context)));
            cards.Add(($"reminders-renamed-{suffix}", NotificationCards.Reminders(reminders, renamed, context)));
            cards.Add(($"reminders-many-{suffix}", NotificationCards.Reminders(Enumerable.Repeat(reminders[0], NotificationCards.MaxReminders + 2).ToList(), pipeline, context,
                notice: BotTexts.T("reminder.done.touch", locale, ("name", "Contoso")))));
            cards.Add(($"reminders-none-{suffix}", NotificationCards.Reminders([], pipeline, context, notice: BotTexts.T("reminder.need_date", locale), noticeIsError: true)));
            cards.Add(($"parked-{suffix}", NotificationCards.Parked(parked, context, BotTexts.T("parked.retried", locale, ("id", "41")))));
            cards.Add(($"parked-none-{suffix}", NotificationCards.Parked([], context)));
        }
        return cards;
    }
}

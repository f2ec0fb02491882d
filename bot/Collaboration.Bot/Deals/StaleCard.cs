using System.Globalization;
using Collaboration.Application;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Conversation;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Deals;

/// <summary>The answer to a click on an older card: the fresh deal card, headed by what changed since it was drawn. The click itself is not applied.</summary>
public sealed class StaleCard(UserDirectory users, DealViews views, ILogger<StaleCard> logger)
{
    public async Task<BotReply> ReplyAsync(Actor actor, DealDetail current, DateTimeOffset? renderedAt, int? renderedScore, int? renderedVersion,
        CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        var lines = new List<string>();
        var names = new Dictionary<string, string>();
        async Task<string> Who(string objectId)
        {
            if (!names.TryGetValue(objectId, out var name))
            {
                name = (await users.FindAsync(actor.TenantId, objectId, ct))?.DisplayName ?? objectId;
                names[objectId] = name;
            }
            return CardText.Markdown(name);
        }
        foreach (var entry in current.ChangesSince(renderedAt ?? DateTimeOffset.MinValue))
        {
            var who = await Who(entry.ActorId);
            var when = BotTexts.When(entry.At, locale);
            if (entry.Kind == TimelineEntryKind.Interaction)
            {
                lines.Add(BotTexts.T("change.interaction", locale, ("kind", BotTexts.Kind(entry.InteractionKind ?? InteractionKind.Note, locale)),
                    ("summary", CardText.Markdown(entry.Summary)), ("who", who), ("when", when)));
                continue;
            }
            if (entry.Field is not { } field) continue;
            lines.Add(BotTexts.T("change.line", locale, ("what", BotTexts.T("field." + field, locale)),
                ("old", await ValueAsync(field, entry.OldValue)), ("new", await ValueAsync(field, entry.NewValue)), ("who", who), ("when", when)));
        }
        if (renderedScore is { } score && score != current.Score.Total)
        {
            lines.Add(BotTexts.T("stale.score", locale, ("from", score.ToString(CultureInfo.InvariantCulture)), ("to", current.Score.Total.ToString(CultureInfo.InvariantCulture))));
        }
        if (lines.Count == 0)
        {
            lines.Add(BotTexts.T("stale.updated", locale, ("from", renderedVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"),
                ("to", current.Deal.Version.ToString(CultureInfo.InvariantCulture))));
        }
        logger.LogInformation("A stale card action on deal {DealId} (now version {Version}) was answered with the fresh card", current.Deal.Id, current.Deal.Version);
        return BotReply.Of(DealCards.Deal(await views.WithRecentAsync(actor, current, ct), context, new DealCardNotes(ChangedSince: lines)));

        async Task<string> ValueAsync(ChangedField field, string? value)
        {
            if (value is null) return BotTexts.T("none", locale);
            return field switch
            {
                ChangedField.Stage when StageFacts.TryParseKey(value, out var stage) => CardText.Markdown(current.Pipeline.For(stage).DisplayName(locale)),
                ChangedField.Probability => CardText.Markdown(value) + "%",
                ChangedField.Owner => await Who(value),
                _ => CardText.Markdown(value),
            };
        }
    }
}

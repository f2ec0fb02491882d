using System.Globalization;
using Collaboration.Application;
using Collaboration.Application.Access;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Common;

namespace Collaboration.Bot.Preferences;

/// <summary>
/// What a rep (or a channel) hears: subscriptions of this conversation, quiet hours, and for admins the deliveries
/// that could not be sent (parked), each with a retry.
/// </summary>
public sealed class PreferencesHandler(NotificationPreferences preferences, NotificationAdmin notificationAdmin, AdminPolicy admins)
{
    private const int MaxParkedShown = 20;

    public async Task<BotReply> SubscribeAsync(SubscribeCommand command, BotTurn turn, CancellationToken ct)
    {
        if (turn.ConversationId is not { } conversationId) return BotReply.Of(DealCards.Help(turn.Context));
        var made = await preferences.SubscribeAsync(turn.Actor, conversationId, command.Filter, ct: ct);
        return Done(BotTexts.T("prefs.subscribed", turn.Locale, ("what",
            BotTexts.T("prefs.filter." + made.Filter, turn.Locale, ("team", CardText.Markdown(made.Team ?? ""))))), turn);
    }

    public async Task<BotReply> UnsubscribeAsync(BotTurn turn, CancellationToken ct)
    {
        if (turn.ConversationId is not { } conversationId) return BotReply.Of(DealCards.Help(turn.Context));
        var removed = await preferences.UnsubscribeAsync(turn.Actor, conversationId, ct: ct);
        return Done(BotTexts.T("prefs.unsubscribed", turn.Locale, ("count", removed.ToString(CultureInfo.InvariantCulture))), turn);
    }

    public async Task<BotReply> SetQuietHoursAsync(QuietHoursCommand quiet, BotTurn turn, CancellationToken ct)
    {
        await preferences.SetQuietHoursAsync(turn.Actor, quiet.From, quiet.Until, ct);
        return Done(quiet.From is { } from && quiet.Until is { } until && from != until
            ? BotTexts.T("prefs.quiet", turn.Locale, ("from", from.ToString("HH:mm", CultureInfo.InvariantCulture)), ("to", until.ToString("HH:mm", CultureInfo.InvariantCulture)))
            : BotTexts.T("prefs.quiet_off", turn.Locale), turn);
    }

    public async Task<BotReply> ParkedAsync(BotTurn turn, CancellationToken ct)
    {
        if (!await IsAdminAsync(turn.Actor, ct)) return AdminsOnly(turn);
        return BotReply.Of(NotificationCards.Parked(await notificationAdmin.ParkedAsync(turn.Actor.TenantId, MaxParkedShown, ct), turn.Context));
    }

    /// <summary>An admin's click on "Retry": the delivery goes back in the queue; the answer is the parked list with a confirmation.</summary>
    public async Task<BotReply> RetryParkedAsync(RetryParkedCommand command, BotTurn turn, CancellationToken ct)
    {
        if (!await IsAdminAsync(turn.Actor, ct)) return AdminsOnly(turn);
        if (command.DeliveryId is not { } deliveryId) throw new NotFoundException("delivery");
        var retried = await notificationAdmin.RetryAsync(turn.Actor.TenantId, deliveryId, ct);
        var notice = BotTexts.T(retried ? "parked.retried" : "parked.not_parked", turn.Locale, ("id", deliveryId.ToString(CultureInfo.InvariantCulture)));
        var parked = await notificationAdmin.ParkedAsync(turn.Actor.TenantId, MaxParkedShown, ct);
        return new BotReply(NotificationCards.Parked(parked, turn.Context, notice, noticeIsError: !retried), [], Changed: true);
    }

    // Activities carry no app roles: the bot relies on the bootstrap ids and the stored flag the add-in keeps current.
    private Task<bool> IsAdminAsync(Actor actor, CancellationToken ct) => admins.IsAdminAsync(actor, roles: null, ct);

    private static BotReply AdminsOnly(BotTurn turn) => BotReply.Of(RefusalCards.Card(BotTexts.T("parked.admins_only", turn.Locale), turn.Context));

    private static BotReply Done(string text, BotTurn turn) => BotReply.Of(DealCards.Notice(BotTexts.T("prefs.title", turn.Locale), text, turn.Context));
}

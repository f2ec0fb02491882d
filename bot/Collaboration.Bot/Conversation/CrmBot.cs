using Collaboration.Application;
using Collaboration.Application.Conversations;
using Collaboration.Application.Users;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Contracts;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Errors;
using Collaboration.Bot.Membership;
using Collaboration.Bot.MessageExtensions;
using Collaboration.Bot.Organisation;
using Collaboration.Bot.Preferences;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Quotes;
using Collaboration.Bot.Reminders;
using Collaboration.Bot.Reports;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// The Teams edge: identifies the rep, reads their words (<see cref="CommandParser"/>) or card clicks
/// (<see cref="CardActionParser"/>) into one command, runs it through the one table below, and sends the answer.
/// Rules live in the use cases; refusals come back as localized cards (<see cref="RefusalCards"/>).
/// </summary>
public sealed class CrmBot(
    UserDirectory users,
    TurnStartQuery turnStart,
    MembershipHandler membership,
    DealHandler deals,
    PreferencesHandler preferences,
    ReminderHandler reminders,
    ReportHandler reports,
    OrganisationHandler organisation,
    MessageExtensionHandler messageExtensions,
    QuoteHandler quotes,
    ContractHandler contracts,
    ReplyDelivery delivery,
    TimeProvider clock) : IActivityHandler
{
    public async Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
    {
        var locale = BotTexts.Normalize(activity.Locale ?? activity.GetClientInfo()?.Locale);
        var context = new CardContext(locale, clock.GetUtcNow());
        if (MembershipHandler.IsMembershipChange(activity))
        {
            await membership.OnChangeAsync(activity, turn, context, cancellationToken);
            return null;
        }
        var isClick = CardAction.IsCardAction(activity);
        var isExtension = MessageExtensionHandler.Handles(activity);
        if (!activity.IsMessage && !isClick && !isExtension) return null;

        var actor = await IdentifyAsync(activity, locale, cancellationToken);
        if (isExtension) return await messageExtensions.HandleAsync(activity, actor, context, cancellationToken);
        if (actor is null)
        {
            var refusal = RefusalCards.Card(BotTexts.T("no_identity", locale), context);
            if (activity.IsInvoke) return InvokeResponse.AdaptiveCard(refusal);
            await ReplyDelivery.SendAsync(turn, refusal, cancellationToken);
            return null;
        }
        // Typed words need the turn's start (pipeline, stored zone, the conversation); most clicks need none of it.
        TurnStart? start = null;
        async Task<TurnStart> StartAsync() => start ??= await turnStart.ReadAsync(actor, activity.Conversation?.Id, activity.ServiceUrl, cancellationToken);
        if (!activity.IsInvoke) await membership.RememberOnFirstContactAsync(activity, actor, (await StartAsync()).ConversationKnownAtAddress, cancellationToken);

        PipelineSettings? pipeline = null;
        async Task<BotCommand> ParseWordsAsync(string text)
        {
            var known = await StartAsync();
            pipeline = known.Pipeline;
            return CommandParser.Parse(text, CommandContext.For(activity, pipeline, clock, known.StoredTimeZone));
        }
        var text = isClick ? null : activity.GetTextWithoutBotMention();
        var command = isClick
            ? await CardActionParser.ParseAsync(CardAction.From(activity), ParseWordsAsync)
            : await ParseWordsAsync(text!);
        var reply = await RunAsync(command, new BotTurn(actor, context, activity.Conversation?.Id, text) { Members = ConversationMembers.Of(activity, turn), Pipeline = pipeline }, cancellationToken);
        return await delivery.DeliverAsync(activity, turn, actor, reply, isClick, cancellationToken);
    }

    /// <summary>The one table: which handler answers each command, typed or clicked.</summary>
    private async Task<BotReply> RunAsync(BotCommand command, BotTurn turn, CancellationToken ct)
    {
        try
        {
            return command switch
            {
                HelpCommand => BotReply.Of(DealCards.Help(turn.Context)),
                UnknownCommand unknown => BotReply.Of(DealCards.Help(turn.Context, unknown.Text)),
                MissingDealCommand => BotReply.Of(RefusalCards.NotFound(turn.Context)),
                MyDealsCommand => await deals.ListAsync(turn, ct),
                NewDealCommand created => await deals.CreateAsync(created, turn, ct),
                QuoteCommand quote => await quotes.RunAsync(quote, turn, ct),
                ContractCommand contract => await contracts.RunAsync(contract, turn, ct),
                MilestoneDoneCommand done => await contracts.MarkDoneAsync(done, turn, ct),
                DealCommand deal => await deals.RunAsync(deal, turn, ct),
                SubscribeCommand subscribe => await preferences.SubscribeAsync(subscribe, turn, ct),
                UnsubscribeCommand => await preferences.UnsubscribeAsync(turn, ct),
                QuietHoursCommand quiet => await preferences.SetQuietHoursAsync(quiet, turn, ct),
                ParkedCommand => await preferences.ParkedAsync(turn, ct),
                RetryParkedCommand retry => await preferences.RetryParkedAsync(retry, turn, ct),
                RemindersCommand => await reminders.ListAsync(turn, ct),
                ReminderCommand reminder => await reminders.RunAsync(reminder, turn, ct),
                ReportCommand report => await reports.ReportAsync(report, turn, ct),
                ReviewSearchCommand search => await reports.SearchReviewsAsync(search, turn, ct),
                RecordReviewCommand review => await reports.RecordReviewAsync(review, turn, ct),
                MyTeamCommand => await organisation.MyTeamAsync(turn, ct),
                MyManagerCommand => await organisation.ManagerAsync(turn, ct),
                SettingsCommand => await organisation.SettingsAsync(turn, ct),
                QuotaCommand quota => await organisation.QuotaAsync(quota, turn, ct),
                _ => BotReply.Of(DealCards.Help(turn.Context)),
            };
        }
        catch (DomainException refused)
        {
            return BotReply.Of(RefusalCards.For(refused, turn.Context));
        }
    }

    private async Task<Actor?> IdentifyAsync(Activity activity, string locale, CancellationToken ct)
    {
        var tenantId = activity.TenantId;
        var objectId = activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(objectId)) return null;
        var name = string.IsNullOrWhiteSpace(activity.From?.Name) ? objectId : activity.From!.Name!;
        await users.EnsureAsync(new UserProfile(tenantId, objectId, name, null, locale, activity.GetClientInfo()?.Timezone ?? activity.LocalTimezone), ct);
        return new Actor(tenantId, objectId, ChangeSurface.Teams, locale);
    }
}

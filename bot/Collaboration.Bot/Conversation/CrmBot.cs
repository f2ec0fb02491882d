using System.Globalization;
using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Conversations;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Reports;
using Collaboration.Application.Reviews;
using Collaboration.Application.Users;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Nurture;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Domain.Qualification;

namespace Collaboration.Bot.Conversation;

/// <summary>What the bot answers: the card for the rep, and further cards (a qualification prompt) to send after it.</summary>
public sealed record BotReply(JsonObject Card, IReadOnlyList<JsonObject> FollowUps, bool Changed = false, IReadOnlyList<CardForUser>? ForOthers = null)
{
    public static BotReply Of(JsonObject card) => new(card, []);
}

/// <summary>A card for someone other than the rep who acted (the deal's owner), drawn in that person's language.</summary>
public sealed record CardForUser(string UserObjectId, Func<CardContext, JsonObject> Draw);

/// <summary>
/// The Teams edge: identifies the rep, parses their words or card clicks, calls the shared use cases and draws the
/// answer as cards. Rules about deals live in the use cases and the aggregate; refusals come back as localized cards.
/// </summary>
public sealed class CrmBot(
    OpportunityService deals,
    OpportunityQueries queries,
    UserDirectory users,
    ConversationDirectory conversations,
    PipelineReports reports,
    ReportAudience audience,
    ReviewSearch reviewSearch,
    NotificationPreferences preferences,
    NurtureService nurture,
    NotificationAdmin notificationAdmin,
    TimeProvider clock,
    ILogger<CrmBot> logger) : IActivityHandler
{
    public async Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
    {
        var locale = BotTexts.Normalize(activity.Locale ?? activity.GetClientInfo()?.Locale);
        var context = new CardContext(locale, clock.GetUtcNow());

        if (activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate))
        {
            await OnMembershipAsync(activity, turn, context, cancellationToken);
            return null;
        }
        var isAction = CardAction.IsCardAction(activity);
        if (!activity.IsMessage && !isAction) return null;

        var actor = await IdentifyAsync(activity, locale, cancellationToken);
        if (actor is null)
        {
            var refusal = DealCards.Notice(BotTexts.T("refused.title", locale), BotTexts.T("no_identity", locale), context, isError: true);
            if (activity.IsInvoke) return InvokeResponse.AdaptiveCard(refusal);
            await SendCardAsync(turn, refusal, cancellationToken);
            return null;
        }
        await RememberOnFirstContactAsync(activity, actor, cancellationToken);

        if (isAction)
        {
            var action = CardAction.From(activity);
            var reply = action is null
                ? BotReply.Of(DealCards.Help(context))
                : await OnCardActionAsync(actor, action, context, cancellationToken);
            if (activity.IsInvoke)
            {
                if (reply.Changed && activity.ReplyToId is { Length: > 0 } cardId) await TryUpdateAsync(turn, cardId, reply.Card, cancellationToken);
                foreach (var followUp in reply.FollowUps) await SendCardAsync(turn, followUp, cancellationToken);
                await SendToOthersAsync(turn, actor, reply.ForOthers, cancellationToken);
                return InvokeResponse.AdaptiveCard(reply.Card);
            }
            await SendCardAsync(turn, reply.Card, cancellationToken);
            if (activity.ReplyToId is { Length: > 0 } submittedFrom) await TryUpdateAsync(turn, submittedFrom, reply.Card, cancellationToken);
            foreach (var followUp in reply.FollowUps) await SendCardAsync(turn, followUp, cancellationToken);
            await SendToOthersAsync(turn, actor, reply.ForOthers, cancellationToken);
            return null;
        }

        var text = activity.GetTextWithoutBotMention();
        var pipeline = await queries.PipelineAsync(actor, cancellationToken);
        var answer = await RunAsync(actor, CommandParser.Parse(text, pipeline), text, null, context, cancellationToken, activity.Conversation?.Id);
        await SendCardAsync(turn, answer.Card, cancellationToken);
        foreach (var followUp in answer.FollowUps) await SendCardAsync(turn, followUp, cancellationToken);
        await SendToOthersAsync(turn, actor, answer.ForOthers, cancellationToken);
        return null;
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

    private async Task OnMembershipAsync(Activity activity, TurnContext turn, CardContext context, CancellationToken ct)
    {
        var tenantId = activity.TenantId;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(conversationId) || string.IsNullOrWhiteSpace(activity.ServiceUrl)) return;

        var removed = activity.IsType(ActivityTypes.InstallationUpdate)
            ? activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true
            : activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
        var added = activity.IsType(ActivityTypes.InstallationUpdate)
            ? activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true
            : activity.WasBotAdded();
        if (removed)
        {
            await conversations.ForgetAsync(tenantId, conversationId, ct);
            return;
        }
        if (!added) return;
        var known = await conversations.FindAsync(tenantId, conversationId, ct);
        await conversations.RememberAsync(tenantId, conversationId, AddressOf(activity), ct);
        if (known is not { IsActive: true })
        {
            var welcome = DealCards.Help(context);
            ((JsonArray)welcome["body"]!).Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = BotTexts.T("welcome", context.Locale), ["wrap"] = true, ["weight"] = "Bolder" });
            await TrySendAsync(turn, welcome, ct);
        }
    }

    private async Task RememberOnFirstContactAsync(Activity activity, Actor actor, CancellationToken ct)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrWhiteSpace(activity.ServiceUrl)) return;
        var known = await conversations.FindAsync(actor.TenantId, conversationId, ct);
        if (known is { IsActive: true } && known.ServiceUrl == activity.ServiceUrl) return;
        await conversations.RememberAsync(actor.TenantId, conversationId, AddressOf(activity), ct);
    }

    private static ConversationAddress AddressOf(Activity activity)
    {
        var type = activity.Conversation?.ConversationType;
        var personal = type is null or ConversationTypes.Personal;
        return new ConversationAddress(activity.ServiceUrl!, activity.ChannelId ?? "msteams", type,
            personal ? activity.From?.AadObjectId : null, activity.ChannelData?.Team?.Id, activity.Recipient?.Id,
            BotTexts.Normalize(activity.Locale ?? activity.GetClientInfo()?.Locale));
    }

    // ---- typed commands -------------------------------------------------------------------------------------------

    private async Task<BotReply> RunAsync(Actor actor, BotCommand command, string commandText, Guid? pickedDeal, CardContext context, CancellationToken ct,
        string? conversationId = null)
    {
        var locale = context.Locale;
        switch (command)
        {
            case SubscribeCommand or UnsubscribeCommand or QuietHoursCommand or RemindersCommand or ParkedCommand:
                return await PreferencesAsync(actor, command, conversationId, context, ct);
            case HelpCommand:
                return BotReply.Of(DealCards.Help(context));
            case UnknownCommand unknown:
                return BotReply.Of(DealCards.Help(context, unknown.Text));
            case MyDealsCommand:
                var mine = await queries.MyOpenDealsAsync(actor, 15, ct);
                return BotReply.Of(DealCards.DealList(mine, await queries.PipelineAsync(actor, ct), context));
            case NewDealCommand created:
                return await CreateAsync(actor, created, context, ct);
            case ReportCommand report:
                return BotReply.Of(await ReportAsync(actor, report, context, ct));
            case ReviewSearchCommand search:
                var hits = await reviewSearch.SearchAsync(actor, search.Text, search.Competitor, 10, ct);
                return BotReply.Of(ReportCards.Reviews(hits, search.Text, search.Competitor, await NamesAsync(actor, ct), context));
            case DealCommand dealCommand:
                Guid id;
                if (pickedDeal is { } picked)
                {
                    id = picked;
                }
                else
                {
                    var match = await queries.FindByNameAsync(actor, dealCommand.DealName, ct);
                    switch (match.Outcome)
                    {
                        case DealMatchOutcome.None:
                            return BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", locale),
                                BotTexts.T("not_found.deal", locale, ("name", CardText.Markdown(dealCommand.DealName))), context, isError: true));
                        case DealMatchOutcome.Ambiguous:
                            return BotReply.Of(DealCards.PickList(dealCommand.DealName, match.Candidates, commandText, context));
                    }
                    id = match.Single!.Id;
                }
                return await ApplyAsync(actor, id, dealCommand, context, ct);
            default:
                return BotReply.Of(DealCards.Help(context));
        }
    }

    private async Task<BotReply> CreateAsync(Actor actor, NewDealCommand command, CardContext context, CancellationToken ct)
    {
        Opportunity deal;
        try
        {
            deal = await deals.CaptureAsync(actor, new CaptureRequest(command.Name)
            {
                Amount = command.Amount,
                Currency = command.Currency,
                CloseDate = command.CloseDate,
                ReferredBy = command.ReferredBy,
                Source = command.ReferredBy is null ? CaptureSource.Manual : CaptureSource.Referral,
                SourceDetail = "Teams",
            }, ct);
        }
        catch (DomainException refused)
        {
            return BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", context.Locale), refused.Error.Describe(context.Locale), context, isError: true));
        }
        var view = DealView.From(await queries.DetailAsync(actor, deal.Id, 20, ct));
        var followUps = view.Gaps.Count > 0 ? new[] { DealCards.QualificationPrompt(view, context) } : [];
        return new BotReply(DealCards.Deal(view, context, new DealCardNotes(BotTexts.T("done.created", context.Locale))), followUps, true);
    }

    private Task<BotReply> ApplyAsync(Actor actor, Guid id, DealCommand command, CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        return command switch
        {
            ShowDealCommand => ShowAsync(actor, id, context, ct),
            AdvanceDealCommand => ChangeAsync(actor, id, null, context, (before, expected) =>
                before.Deal.Stage.Next() is { } next ? MoveAsync(actor, id, expected, next, null, locale, ct) : throw NoNextStage(), ct),
            MoveDealCommand { Target: null } move => UnknownStageAsync(actor, move.StageText, context, ct),
            MoveDealCommand move => ChangeAsync(actor, id, null, context, (_, expected) => MoveAsync(actor, id, expected, move.Target!.Value, null, locale, ct), ct,
                attempted: _ => move.Target),
            QualifyDealCommand { IsEmpty: true } => PromptAsync(actor, id, context, ct),
            MuteDealCommand mute => MuteAsync(actor, id, mute.Mute, context, ct),
            QualifyDealCommand qualify => ChangeAsync(actor, id, null, context, (_, expected) => QualifyAsync(actor, id, expected, qualify.Update, locale, ct), ct),
            LogInteractionCommand log => ChangeAsync(actor, id, null, context, (_, _) => LogAsync(actor, id, log.Kind, log.Text, locale, ct), ct),
            WonCommand won => ChangeAsync(actor, id, null, context, (_, expected) => WinAsync(actor, id, expected, won.Amount, null, locale, ct), ct,
                attempted: _ => Stage.Won),
            LostCommand lost => ChangeAsync(actor, id, null, context, (_, expected) => LoseAsync(actor, id, expected, lost.Reason, lost.Competitor, locale, ct), ct),
            _ => ShowAsync(actor, id, context, ct),
        };
    }

    private static DomainException NoNextStage() => new(new DomainError("no_next_stage"));

    private async Task<BotReply> UnknownStageAsync(Actor actor, string stageText, CardContext context, CancellationToken ct)
    {
        var pipeline = await queries.PipelineAsync(actor, ct);
        var names = string.Join(BotTexts.IsChinese(context.Locale) ? "、" : ", ", pipeline.Stages.Select(s => s.DisplayName(context.Locale)));
        return BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", context.Locale),
            BotTexts.T("unknown_stage", context.Locale, ("text", CardText.Markdown(stageText)), ("stages", names)), context, isError: true));
    }

    private async Task<BotReply> ShowAsync(Actor actor, Guid id, CardContext context, CancellationToken ct)
    {
        try
        {
            return BotReply.Of(DealCards.Deal(DealView.From(await queries.DetailAsync(actor, id, 20, ct)), context));
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
    }

    private async Task<BotReply> PromptAsync(Actor actor, Guid id, CardContext context, CancellationToken ct)
    {
        try
        {
            return BotReply.Of(DealCards.QualificationPrompt(DealView.From(await queries.DetailAsync(actor, id, 20, ct)), context));
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
    }

    private static BotReply NotFound(CardContext context) =>
        BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", context.Locale), BotTexts.T("not_found.id", context.Locale), context, isError: true));

    // ---- card clicks ----------------------------------------------------------------------------------------------

    private async Task<BotReply> OnCardActionAsync(Actor actor, CardAction action, CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        if (action.Verb == CardVerbs.Show)
        {
            return action.DealId is { } shown ? await ShowAsync(actor, shown, context, ct) : NotFound(context);
        }
        if (action.Verb == CardVerbs.Pick)
        {
            if (action.DealId is not { } picked) return NotFound(context);
            var commandText = action.Get(CardData.Command);
            var command = commandText is null ? null : CommandParser.Parse(commandText, await queries.PipelineAsync(actor, ct));
            return command is DealCommand
                ? await RunAsync(actor, command, commandText!, picked, context, ct)
                : await ShowAsync(actor, picked, context, ct);
        }
        if (action.Verb == ReportCards.ReviewVerb) return await ReviewAsync(actor, action, context, ct);
        if (action.Verb == NotifyVerbs.RetryParked) return await RetryParkedAsync(actor, action, context, ct);
        if (action.Verb == NotifyVerbs.Mute) return action.DealId is { } muted ? await MuteAsync(actor, muted, true, context, ct) : NotFound(context);
        if (NotifyVerbs.Reminder.Contains(action.Verb)) return await ReminderActionAsync(actor, action, context, ct);
        if (!CardVerbs.Changing.Contains(action.Verb)) return BotReply.Of(DealCards.Help(context));
        if (action.DealId is not { } id || action.Version is not { } version) return NotFound(context);

        DealDetail current;
        try
        {
            current = await queries.DetailAsync(actor, id, 50, ct);
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
        if (current.Deal.Version != version)
        {
            return await StaleAsync(actor, current, action.RenderedAt, action.Score, version, context, ct);
        }

        Func<DealDetail, int?, Task<string>> change = action.Verb switch
        {
            CardVerbs.Advance => (before, expected) =>
                before.Deal.Stage.Next() is { } next ? MoveAsync(actor, id, expected, next, null, locale, ct) : throw NoNextStage(),
            CardVerbs.Move => (_, expected) => MoveAsync(actor, id, expected, TargetOf(action) ?? throw new DomainException(new DomainError("unknown_stage")),
                action.Get(CardData.OverrideReason) ?? action.Get(CardData.GateReason), locale, ct),
            CardVerbs.Qualify => (_, expected) => QualifyAsync(actor, id, expected, QualificationOf(action), locale, ct),
            CardVerbs.Log => (_, _) => LogAsync(actor, id, action.Enum<InteractionKind>(CardData.Kind) ?? InteractionKind.Note,
                action.Get(CardData.Text) ?? throw new DomainException(new DomainError("log_text_required")), locale, ct),
            CardVerbs.Won => (_, expected) => WinAsync(actor, id, expected,
                AmountParser.TryParse(action.Get(CardData.WonAmount), out var amount) ? amount.Value : null,
                DateParser.TryParse(action.Get(CardData.WonDate), out var date) ? date : null, locale, ct),
            _ => (_, expected) => LoseAsync(actor, id, expected, action.Get(CardData.LossReason), action.Get(CardData.Competitor), locale, ct),
        };
        Func<DealDetail?, Stage?> attempted = action.Verb switch
        {
            CardVerbs.Move => _ => TargetOf(action),
            CardVerbs.Won => _ => Stage.Won,
            _ => d => d?.Deal.Stage.Next(),
        };
        return await ChangeAsync(actor, id, version, context, change, ct, current, action.RenderedAt, action.Score, attempted);
    }

    private static Stage? TargetOf(CardAction action)
    {
        var key = action.Get(CardData.Target) ?? action.Get(CardData.Stage);
        return StageFacts.TryParseKey(key, out var stage) ? stage : null;
    }

    private static BantUpdate QualificationOf(CardAction action)
    {
        var budget = AmountParser.TryParse(action.Get(CardData.BudgetAmount), out var amount) ? amount : null;
        var decisionMaker = action.Get(CardData.DecisionMaker);
        return new BantUpdate
        {
            BudgetAmount = budget?.Value,
            BudgetCurrency = budget?.Currency,
            BudgetStatus = action.Enum<BudgetStatus>(CardData.BudgetStatus),
            DecisionMakerName = decisionMaker,
            DecisionMakerKnown = decisionMaker is null ? null : true,
            Need = action.Enum<NeedLevel>(CardData.Need),
            Timeframe = action.Enum<Timeframe>(CardData.Timeline),
        };
    }

    // ---- one change, whichever way it was asked for ---------------------------------------------------------------

    private async Task<BotReply> ChangeAsync(Actor actor, Guid id, int? expectedVersion, CardContext context,
        Func<DealDetail, int?, Task<string>> change, CancellationToken ct,
        DealDetail? before = null, DateTimeOffset? renderedAt = null, int? renderedScore = null, Func<DealDetail?, Stage?>? attempted = null)
    {
        var locale = context.Locale;
        try
        {
            before ??= await queries.DetailAsync(actor, id, 20, ct);
            var done = await change(before, expectedVersion);
            var after = await queries.DetailAsync(actor, id, 20, ct);
            var view = DealView.From(after);
            var followUps = after.Deal.Stage == Stage.Qualify && before.Deal.Stage != Stage.Qualify && view.Gaps.Count > 0
                ? new[] { DealCards.QualificationPrompt(view, context) }
                : [];
            IReadOnlyList<CardForUser>? forOthers = null;
            if (after.Deal.IsClosed && !before.Deal.IsClosed)
            {
                var deal = after.Deal;
                JsonObject Prompt(CardContext c) => ReportCards.ReviewPrompt(deal.Id, deal.Name, deal.Stage == Stage.Won, deal.Competitor, c);
                if (deal.OwnerId == actor.UserObjectId) followUps = [Prompt(context)];
                else forOthers = [new CardForUser(deal.OwnerId, Prompt)];
            }
            return new BotReply(DealCards.Deal(view, context, new DealCardNotes(done)), followUps, true, forOthers);
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
        catch (ConcurrencyConflictException)
        {
            var current = await queries.DetailAsync(actor, id, 50, ct);
            return await StaleAsync(actor, current, renderedAt ?? before?.Deal.UpdatedAt, renderedScore ?? before?.Score.Total, expectedVersion ?? before?.Deal.Version, context, ct);
        }
        catch (DomainException refused)
        {
            var current = DealView.From(await queries.DetailAsync(actor, id, 20, ct));
            Stage? gated = refused.Error.Code == "bant_below_threshold" ? (attempted ?? (d => d?.Deal.Stage.Next()))(before) : null;
            return BotReply.Of(DealCards.Deal(current, context, new DealCardNotes(Describe(refused.Error, locale), true, null, gated)));
        }
    }

    private static string Describe(DomainError error, string locale) => error.Code switch
    {
        "no_next_stage" => BotTexts.T("no_next_stage", locale),
        "unknown_stage" => BotTexts.T("unknown_stage", locale, ("text", "?"), ("stages", "")),
        "log_text_required" => BotTexts.T("input.text", locale),
        _ => error.Describe(locale),
    };

    private async Task<string> MoveAsync(Actor actor, Guid id, int? expected, Stage target, string? overrideReason, string locale, CancellationToken ct)
    {
        var deal = await deals.MoveStageAsync(actor, id, expected, target, overrideReason, ct: ct);
        var pipeline = await queries.PipelineAsync(actor, ct);
        return deal.Stage switch
        {
            Stage.Won => BotTexts.T("done.won", locale),
            Stage.Lost => BotTexts.T("done.lost", locale),
            _ => BotTexts.T("done.moved", locale, ("stage", CardText.Markdown(pipeline.For(deal.Stage).DisplayName(locale)))),
        };
    }

    private async Task<string> QualifyAsync(Actor actor, Guid id, int? expected, BantUpdate update, string locale, CancellationToken ct)
    {
        await deals.UpdateQualificationAsync(actor, id, expected, update, ct);
        return BotTexts.T("done.qualified", locale);
    }

    private async Task<string> LogAsync(Actor actor, Guid id, InteractionKind kind, string text, string locale, CancellationToken ct)
    {
        var logged = await deals.LogInteractionAsync(actor, id, new InteractionInput(kind, text, Direction.Outbound), ct);
        return logged.AlreadyLogged ? BotTexts.T("done.already_logged", locale) : BotTexts.T("done.logged", locale, ("kind", BotTexts.Kind(kind, locale)));
    }

    private async Task<string> WinAsync(Actor actor, Guid id, int? expected, decimal? amount, DateOnly? closeDate, string locale, CancellationToken ct)
    {
        await deals.CloseWonAsync(actor, id, expected, amount, closeDate, ct: ct);
        return BotTexts.T("done.won", locale);
    }

    private async Task<string> LoseAsync(Actor actor, Guid id, int? expected, string? reason, string? competitor, string locale, CancellationToken ct)
    {
        await deals.CloseLostAsync(actor, id, expected, reason, competitor, ct);
        return BotTexts.T("done.lost", locale);
    }

    // ---- notifications and reminders ------------------------------------------------------------------------------

    private async Task<BotReply> PreferencesAsync(Actor actor, BotCommand command, string? conversationId, CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        BotReply Done(string text) => BotReply.Of(DealCards.Notice(BotTexts.T("prefs.title", locale), text, context));
        switch (command)
        {
            case SubscribeCommand subscribe when conversationId is not null:
                try
                {
                    var made = await preferences.SubscribeAsync(actor, conversationId, subscribe.Filter, ct: ct);
                    return Done(BotTexts.T("prefs.subscribed", locale, ("what",
                        BotTexts.T("prefs.filter." + made.Filter, locale, ("team", CardText.Markdown(made.Team ?? ""))))));
                }
                catch (DomainException refused) when (refused.Error.Code == "team_required")
                {
                    return BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", locale), BotTexts.T("prefs.no_team", locale), context, isError: true));
                }
            case UnsubscribeCommand when conversationId is not null:
                var removed = await preferences.UnsubscribeAsync(actor, conversationId, ct: ct);
                return Done(BotTexts.T("prefs.unsubscribed", locale, ("count", removed.ToString(CultureInfo.InvariantCulture))));
            case QuietHoursCommand quiet:
                await preferences.SetQuietHoursAsync(actor, quiet.From, quiet.Until, ct);
                return Done(quiet.From is { } from && quiet.Until is { } until && from != until
                    ? BotTexts.T("prefs.quiet", locale, ("from", from.ToString("HH:mm", CultureInfo.InvariantCulture)), ("to", until.ToString("HH:mm", CultureInfo.InvariantCulture)))
                    : BotTexts.T("prefs.quiet_off", locale));
            case RemindersCommand:
                return BotReply.Of(NotificationCards.Reminders(await nurture.DueAsync(actor, ct), await queries.PipelineAsync(actor, ct), context));
            case ParkedCommand:
                if (!await IsAdminAsync(actor, ct)) return AdminsOnly(context);
                return BotReply.Of(NotificationCards.Parked(await notificationAdmin.ParkedAsync(actor.TenantId, MaxParkedShown, ct), context));
            default:
                return BotReply.Of(DealCards.Help(context));
        }
    }

    private const int MaxParkedShown = 20;

    /// <summary>An admin's click on "Retry": the delivery goes back in the queue; the answer is the parked list with a confirmation.</summary>
    private async Task<BotReply> RetryParkedAsync(Actor actor, CardAction action, CardContext context, CancellationToken ct)
    {
        if (!await IsAdminAsync(actor, ct)) return AdminsOnly(context);
        if (!long.TryParse(action.Get(NotifyVerbs.DeliveryId), NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId)) return NotFound(context);
        var retried = await notificationAdmin.RetryAsync(actor.TenantId, deliveryId, ct);
        var notice = BotTexts.T(retried ? "parked.retried" : "parked.not_parked", context.Locale, ("id", deliveryId.ToString(CultureInfo.InvariantCulture)));
        var parked = await notificationAdmin.ParkedAsync(actor.TenantId, MaxParkedShown, ct);
        return new BotReply(NotificationCards.Parked(parked, context, notice, noticeIsError: !retried), [], Changed: true);
    }

    private async Task<bool> IsAdminAsync(Actor actor, CancellationToken ct) =>
        (await users.FindAsync(actor.TenantId, actor.UserObjectId, ct))?.IsAdmin == true;

    private static BotReply AdminsOnly(CardContext context) =>
        BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", context.Locale), BotTexts.T("parked.admins_only", context.Locale), context, isError: true));

    private async Task<BotReply> MuteAsync(Actor actor, Guid id, bool mute, CardContext context, CancellationToken ct)
    {
        DealDetail deal;
        try
        {
            deal = await queries.DetailAsync(actor, id, 1, ct);
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
        if (mute) await preferences.MuteAsync(actor, id, ct);
        else await preferences.UnmuteAsync(actor, id, ct);
        var name = CardText.Markdown(deal.Deal.Name);
        return BotReply.Of(DealCards.Notice(BotTexts.T("prefs.title", context.Locale),
            BotTexts.T(mute ? "prefs.muted" : "prefs.unmuted", context.Locale, ("name", name)), context));
    }

    /// <summary>
    /// A click on a reminder or a notification: does it, then answers with the reminders still due (the clicked card is
    /// replaced), or the deal card when a notification carried it. Clicks that change the deal are checked against the
    /// version the card carries, as a deal card's are: on an older (or missing) version nothing is applied and the answer
    /// is the fresh deal card with what changed since. A snooze changes no deal and is never stale.
    /// </summary>
    private async Task<BotReply> ReminderActionAsync(Actor actor, CardAction action, CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        if (action.DealId is not { } id) return NotFound(context);
        var changesDeal = action.Verb != NotifyVerbs.Snooze;
        var expected = changesDeal ? action.Version : null;
        string notice;
        var isError = false;
        try
        {
            var current = await queries.DetailAsync(actor, id, 50, ct);
            if (changesDeal && current.Deal.Version != action.Version)
            {
                return await StaleAsync(actor, current, action.RenderedAt, null, action.Version, context, ct);
            }
            var name = CardText.Markdown(current.Deal.Name);
            switch (action.Verb)
            {
                case NotifyVerbs.Touch:
                    await deals.LogInteractionAsync(actor, id, new InteractionInput(InteractionKind.Note, BotTexts.T("reminder.touch_text", locale), Direction.Outbound), ct);
                    notice = BotTexts.T("reminder.done.touch", locale, ("name", name));
                    break;
                case NotifyVerbs.Snooze:
                    var until = await nurture.SnoozeAsync(actor, id, action.Enum<ReminderRule>(NotifyVerbs.Rule) ?? ReminderRule.Untouched,
                        action.Enum<SnoozeLength>(NotifyVerbs.Length) ?? SnoozeLength.Day, ct);
                    notice = BotTexts.T("reminder.done.snooze", locale, ("name", name), ("until", BotTexts.When(until, locale)));
                    break;
                case NotifyVerbs.FollowUp:
                    if (!DateParser.TryParse(action.Get(action.Get(NotifyVerbs.DateInput) ?? NotifyVerbs.FollowUpOn), out var on))
                    {
                        notice = BotTexts.T("reminder.need_date", locale);
                        isError = true;
                        break;
                    }
                    await deals.UpdateDetailsAsync(actor, id, expected, new OpportunityService.DealDetailsUpdate(NextFollowUpOn: on), ct);
                    notice = BotTexts.T("reminder.done.followup", locale, ("name", name), ("date", BotTexts.Date(on, locale)));
                    break;
                default:
                    var target = StageFacts.TryParseKey(action.Get(action.Get(NotifyVerbs.StageInput) ?? CardData.Stage), out var chosen)
                        ? chosen
                        : throw new DomainException(new DomainError("unknown_stage"));
                    var moved = await deals.MoveStageAsync(actor, id, expected, target, ct: ct);
                    notice = BotTexts.T("reminder.done.move", locale, ("name", name),
                        ("stage", CardText.Markdown(current.Pipeline.For(moved.Stage).DisplayName(locale))));
                    break;
            }
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
        catch (ConcurrencyConflictException)
        {
            // Changed between the check above and the write.
            try
            {
                return await StaleAsync(actor, await queries.DetailAsync(actor, id, 50, ct), action.RenderedAt, null, action.Version, context, ct);
            }
            catch (NotFoundException)
            {
                return NotFound(context);
            }
        }
        catch (DomainException refused)
        {
            notice = Describe(refused.Error, locale);
            isError = true;
        }
        if (action.Get(NotifyVerbs.Origin) == NotifyVerbs.FromDeal)
        {
            try
            {
                return new BotReply(DealCards.Deal(DealView.From(await queries.DetailAsync(actor, id, 20, ct)), context, new DealCardNotes(notice, isError)), [], Changed: true);
            }
            catch (NotFoundException)
            {
                return NotFound(context);
            }
        }
        return new BotReply(NotificationCards.Reminders(await nurture.DueAsync(actor, ct), await queries.PipelineAsync(actor, ct), context,
            notice: notice, noticeIsError: isError), [], Changed: true);
    }

    // ---- reports and reviews --------------------------------------------------------------------------------------

    private async Task<JsonObject> ReportAsync(Actor actor, ReportCommand command, CardContext context, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (from, to) = ReportWords.Range(command.Period, DateOnly.FromDateTime(now.UtcDateTime));
        var filter = new ReportFilter(from, to)
        {
            AsOf = now,
            OwnerIds = command.Scope == ReportScope.Mine ? [actor.UserObjectId] : null,
        };
        var heading = new ReportHeading(command.Period, command.Scope, from, to);
        return command.Kind switch
        {
            ReportKind.Pipeline => ReportCards.Pipeline(await reports.ConversionAsync(actor, filter, ct), await queries.PipelineAsync(actor, ct), heading, context),
            ReportKind.Forecast => ReportCards.Forecast(await reports.ForecastAsync(actor, filter, ct), heading, context),
            ReportKind.WinRate => ReportCards.WinRate(await reports.WinRateAsync(actor, filter with { GroupBy = ReportDimensions.Owner }, ct), await NamesAsync(actor, ct), heading, context),
            _ => ReportCards.LossReasons(await reports.LossReasonsAsync(actor, filter, ct), heading, context),
        };
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(Actor actor, CancellationToken ct) =>
        (await audience.VisiblePeopleAsync(actor, ct)).ToDictionary(p => p.ObjectId, p => p.DisplayName);

    /// <summary>Records the review from the prompt; the saved review replaces the prompt card.</summary>
    private async Task<BotReply> ReviewAsync(Actor actor, CardAction action, CardContext context, CancellationToken ct)
    {
        if (action.DealId is not { } id) return NotFound(context);
        var factors = (action.Get(ReportCards.Factors) ?? "").Split(['\n', '\r', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var deal = await deals.RecordReviewAsync(actor, id, factors, action.Get(ReportCards.Competitor), action.Get(ReportCards.Lessons), ct);
            var review = deal.Review!;
            var hit = new ReviewHit(deal.Id, deal.Name, deal.OwnerId, deal.Stage, deal.Amount, deal.Currency, deal.ClosedAt, deal.LossReason,
                review.Factors, review.Competitor, review.Lessons, review.RecordedAt);
            return new BotReply(ReportCards.ReviewSaved(hit, context), [], true);
        }
        catch (NotFoundException)
        {
            return NotFound(context);
        }
        catch (DomainException refused)
        {
            return BotReply.Of(DealCards.Notice(BotTexts.T("refused.title", context.Locale), refused.Error.Describe(context.Locale), context, isError: true));
        }
    }

    /// <summary>Sends cards to other people's personal chats with the bot (where they have one); a failure is logged, not thrown.</summary>
    private async Task SendToOthersAsync(TurnContext turn, Actor actor, IReadOnlyList<CardForUser>? cards, CancellationToken ct)
    {
        foreach (var card in cards ?? [])
        {
            var personal = (await conversations.ForUserAsync(actor.TenantId, card.UserObjectId, ct))
                .FirstOrDefault(r => r.ConversationType is null or ConversationTypes.Personal);
            if (personal is null)
            {
                logger.LogInformation("No personal conversation with {UserObjectId}; their card was not sent", card.UserObjectId);
                continue;
            }
            try
            {
                var drawn = card.Draw(new CardContext(BotTexts.Normalize(personal.Locale), clock.GetUtcNow()));
                await turn.Connector.SendToConversationAsync(personal.ServiceUrl, personal.ConversationId, Activity.CreateMessage(null, Attachment.AdaptiveCard(drawn)), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send a card to {UserObjectId}", card.UserObjectId);
            }
        }
    }

    // ---- stale cards ----------------------------------------------------------------------------------------------

    /// <summary>The fresh card, headed by what changed since the clicked card was drawn. The click itself is not applied.</summary>
    private async Task<BotReply> StaleAsync(Actor actor, DealDetail current, DateTimeOffset? renderedAt, int? renderedScore, int? renderedVersion, CardContext context, CancellationToken ct)
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
            lines.Add(BotTexts.T("stale.updated", locale, ("from", renderedVersion?.ToString(CultureInfo.InvariantCulture) ?? "?"), ("to", current.Deal.Version.ToString(CultureInfo.InvariantCulture))));
        }
        logger.LogInformation("A stale card action on deal {DealId} (now version {Version}) was answered with the fresh card", current.Deal.Id, current.Deal.Version);
        return BotReply.Of(DealCards.Deal(DealView.From(current), context, new DealCardNotes(ChangedSince: lines)));

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

    // ---- sending --------------------------------------------------------------------------------------------------

    private static Task SendCardAsync(TurnContext turn, JsonObject card, CancellationToken ct) =>
        turn.SendAsync(Activity.CreateMessage(null, Attachment.AdaptiveCard(card)), ct);

    private async Task TrySendAsync(TurnContext turn, JsonObject card, CancellationToken ct)
    {
        try
        {
            await SendCardAsync(turn, card, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send the welcome card");
        }
    }

    private async Task TryUpdateAsync(TurnContext turn, string activityId, JsonObject card, CancellationToken ct)
    {
        try
        {
            await turn.UpdateAsync(activityId, Activity.CreateMessage(null, Attachment.AdaptiveCard(card)), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Could not update card message {ActivityId}; the new card was sent instead", activityId);
        }
    }
}

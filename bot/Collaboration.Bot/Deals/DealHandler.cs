using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.Deals;

/// <summary>
/// The rep's deals: listing, creating (through the same use case as the task pane), and every command about one deal,
/// named by the rep's words (a name several deals match gets a pick list, never a guess) or by a card.
/// </summary>
public sealed class DealHandler(ManualCapture capture, OpportunityQueries queries, NotificationPreferences preferences, DealChanges changes, DealViews views)
{
    public async Task<BotReply> ListAsync(BotTurn turn, CancellationToken ct)
    {
        var mine = await queries.MyOpenDealsAsync(turn.Actor, 15, ct);
        return BotReply.Of(DealCards.DealList(mine, turn.Pipeline ?? await queries.PipelineAsync(turn.Actor, ct), turn.Context));
    }

    public async Task<BotReply> CreateAsync(NewDealCommand command, BotTurn turn, CancellationToken ct)
    {
        var created = await capture.CaptureAsync(turn.Actor, new CaptureRequest(command.Name)
        {
            Amount = command.Amount,
            Currency = command.Currency,
            CloseDate = command.CloseDate,
            ReferredBy = command.ReferredBy,
            Source = command.ReferredBy is null ? CaptureSource.Manual : CaptureSource.Referral,
            SourceDetail = "Teams",
        }, assign: false, ct);
        var view = await views.LoadAsync(turn.Actor, created.Deal.Id, ct);
        var followUps = created.QualificationGaps.Count > 0 ? new[] { DealCards.QualificationPrompt(view, turn.Context) } : [];
        return new BotReply(DealCards.Deal(view, turn.Context, new DealCardNotes(BotTexts.T("done.created", turn.Locale))), followUps, true);
    }

    public async Task<BotReply> RunAsync(DealCommand command, BotTurn turn, CancellationToken ct)
    {
        var (found, instead) = await NamedDeal.FindAsync(queries, command, turn, ct);
        if (found is not { } id) return instead!;
        return command switch
        {
            ShowDealCommand => await ShowAsync(id, turn, ct),
            QualifyDealCommand { IsEmpty: true, Drawn: null } => BotReply.Of(DealCards.QualificationPrompt(await ViewAsync(id, turn, ct), turn.Context)),
            MoveDealCommand { Target: null, Drawn: null } move => await UnknownStageAsync(move.StageText, turn, ct),
            MuteDealCommand mute => await MuteAsync(id, mute.Mute, turn, ct),
            ShowTimelineCommand => await TimelineAsync(id, turn, ct),
            ReopenDealCommand { Reason: null, Drawn: null } => BotReply.Of(DealCards.ReopenPrompt(await ViewAsync(id, turn, ct), turn.Context)),
            _ => await changes.ApplyAsync(command, id, turn, ct),
        };
    }

    private async Task<BotReply> ShowAsync(Guid id, BotTurn turn, CancellationToken ct) =>
        BotReply.Of(DealCards.Deal(await ViewAsync(id, turn, ct), turn.Context));

    private Task<DealView> ViewAsync(Guid id, BotTurn turn, CancellationToken ct) => views.LoadAsync(turn.Actor, id, ct);

    private async Task<BotReply> TimelineAsync(Guid id, BotTurn turn, CancellationToken ct)
    {
        var entries = await views.TimelineAsync(turn.Actor, id, ct);
        return BotReply.Of(DealCards.Timeline(await ViewAsync(id, turn, ct), entries, turn.Context));
    }

    private async Task<BotReply> UnknownStageAsync(string stageText, BotTurn turn, CancellationToken ct)
    {
        var pipeline = await queries.PipelineAsync(turn.Actor, ct);
        var names = string.Join(BotTexts.IsChinese(turn.Locale) ? "、" : ", ", pipeline.Stages.Select(s => s.DisplayName(turn.Locale)));
        return BotReply.Of(RefusalCards.Card(BotTexts.T("unknown_stage", turn.Locale, ("text", CardText.Markdown(stageText)), ("stages", names)), turn.Context));
    }

    private async Task<BotReply> MuteAsync(Guid id, bool mute, BotTurn turn, CancellationToken ct)
    {
        var deal = await queries.DetailAsync(turn.Actor, id, 1, ct);
        if (mute) await preferences.MuteAsync(turn.Actor, id, ct);
        else await preferences.UnmuteAsync(turn.Actor, id, ct);
        return BotReply.Of(DealCards.Notice(BotTexts.T("prefs.title", turn.Locale),
            BotTexts.T(mute ? "prefs.muted" : "prefs.unmuted", turn.Locale, ("name", CardText.Markdown(deal.Deal.Name))), turn.Context));
    }
}

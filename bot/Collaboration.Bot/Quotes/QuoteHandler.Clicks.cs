using System.Globalization;
using Collaboration.Application.Quotes;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Common;
using Collaboration.Domain.Quotes;

namespace Collaboration.Bot.Quotes;

public sealed partial class QuoteHandler
{
    /// <summary>
    /// A button on a quote card. A click on a version the quote has moved past changes nothing and gets the quote as it
    /// is now (a manager's second click, after their decision, is one of those); only the manager asked may decide.
    /// </summary>
    private async Task<BotReply> ClickAsync(Guid id, QuoteClickCommand click, BotTurn turn, CancellationToken ct)
    {
        var actor = turn.Actor;
        var current = await quotes.GetAsync(actor, id, click.Number, ct);
        if (QuoteVerbs.IsDecision(click.Verb)) return await DecideAsync(id, click, current, turn, ct);
        if (click.Verb == QuoteVerbs.Document) return await DocumentAsync(current, turn, ct);
        if (current.Version != click.Version)
        {
            var stale = BotTexts.T("approval.stale", turn.Locale, ("number", Text(current.Number)), ("from", Text(click.Version)), ("to", Text(current.Version)));
            return await RepCardAsync(current, stale, turn, ct, changed: true);
        }
        return click.Verb switch
        {
            QuoteVerbs.Submit => await SubmittedAsync(await quotes.SubmitAsync(actor, id, click.Number, ct), turn, ct, changed: true),
            QuoteVerbs.MarkSent => await RepCardAsync(await quotes.MarkSentAsync(actor, id, click.Number, ct), BotTexts.T("approval.marked_sent", turn.Locale), turn, ct, changed: true),
            _ => await AnswerAsync(id, click, turn, ct),
        };
    }

    /// <summary>
    /// The quote as it is now, for the rep who pressed Word document only (the clicked card is not changed for the chat),
    /// with a link to its .docx that works for a few minutes: a browser opened from Teams has no token for the add-in.
    /// </summary>
    private async Task<BotReply> DocumentAsync(QuoteView quote, BotTurn turn, CancellationToken ct)
    {
        var download = DocumentLink(links, documentLinks.Issue(turn.Actor, quote.OpportunityId, quote.Number).Token);
        var approver = quote.Status == QuoteStatus.AwaitingApproval ? await NameAsync(turn, quote.ApproverId, ct) : null;
        var notes = new QuoteCardNotes(ApproverName: approver, Comment: quote.Decision?.Comment, DocumentLink: download);
        return BotReply.Of(QuoteCard.Draw(quote, turn.Context, DealLink(quote.OpportunityId), notes));
    }

    private async Task<BotReply> AnswerAsync(Guid id, QuoteClickCommand click, BotTurn turn, CancellationToken ct)
    {
        var accepted = click.Verb == QuoteVerbs.Accepted;
        var view = await quotes.RecordAnswerAsync(turn.Actor, id, click.Number, accepted, ct);
        return await RepCardAsync(view, BotTexts.T(accepted ? "approval.answer_accepted" : "approval.answer_declined", turn.Locale), turn, ct, changed: true);
    }

    private async Task<BotReply> DecideAsync(Guid id, QuoteClickCommand click, QuoteView current, BotTurn turn, CancellationToken ct)
    {
        var (locale, number) = (turn.Locale, Text(current.Number));
        var link = DealLink(id);
        if (current.Status != QuoteStatus.AwaitingApproval || current.Version != click.Version)
        {
            return new BotReply(QuoteCard.Decided(current, BotTexts.T("approval.already_decided", locale, ("number", number), ("deal", CardText.Markdown(current.DealName))), turn.Context, link), [], Changed: true);
        }
        if (current.ApproverId != turn.Actor.UserObjectId)
        {
            return BotReply.Of(RefusalCards.Card(RefusalCards.Describe(new DomainError("convert.not_approver"), locale), turn.Context));
        }
        var approve = click.Verb == QuoteVerbs.Approve;
        QuoteView decided;
        try
        {
            decided = await quotes.DecideAsync(turn.Actor, id, click.Number, click.Version, approve, click.Comment, ct);
        }
        catch (DomainException refused) when (refused.Error.Code is "convert.quote_changed" or "convert.quote_status")
        {
            // Decided or changed between the read above and this decision: the same answer as any late click.
            var now = await quotes.GetAsync(turn.Actor, id, click.Number, ct);
            return new BotReply(QuoteCard.Decided(now, BotTexts.T("approval.already_decided", locale, ("number", number), ("deal", CardText.Markdown(now.DealName))), turn.Context, link), [], Changed: true);
        }
        var notice = BotTexts.T(approve ? "approval.decided_approved" : "approval.decided_rejected", locale, ("number", number), ("deal", CardText.Markdown(decided.DealName)));
        return new BotReply(QuoteCard.Decided(decided, notice, turn.Context, link), [], Changed: true);
    }
}

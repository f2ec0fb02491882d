using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Errors;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Common;
using Collaboration.Domain.Interactions;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>
/// The message action "Log to deal": <c>fetchTask</c> opens a form to pick the deal, with the message's text (markup
/// gone, bounded) to log; <c>submitAction</c> logs it through the same use case as every other touch, once per message.
/// A name that matches several deals, or none, or a deal the rep may not see, keeps the form open and says so.
/// </summary>
public sealed class LogToDealAction(DealSearch search, OpportunityQueries queries, OpportunityService deals)
{
    private const string SourcePrefix = "teams-message:";

    public async Task<InvokeResponse> FetchAsync(Activity activity, Actor actor, CardContext context, CancellationToken ct)
    {
        if (ExtensionInvoke.CommandId(activity) is { } command && command != ExtensionInvoke.LogCommand)
        {
            return ExtensionResponses.DialogMessage(BotTexts.T("msgext.unknown_command", context.Locale, ("command", command)));
        }
        var message = ExtensionInvoke.Message(activity);
        var recent = await search.SearchAsync(actor, null, DealSearch.MaxResults, ct);
        return Form(ExtensionCards.LogForm(ExtensionCards.Choices(recent), message?.Text ?? "", message?.Id, context), context);
    }

    public async Task<InvokeResponse> SubmitAsync(Activity activity, Actor actor, CardContext context, CancellationToken ct)
    {
        var locale = context.Locale;
        var submitted = ExtensionInvoke.Submitted(activity);
        var message = ExtensionInvoke.Message(activity);
        var messageId = submitted.MessageId ?? message?.Id;
        async Task<InvokeResponse> Again(string problem, IReadOnlyList<(Guid, string)>? choices = null) =>
            Form(ExtensionCards.LogForm(choices ?? ExtensionCards.Choices(await search.SearchAsync(actor, null, DealSearch.MaxResults, ct)),
                submitted.Text, messageId, context, problem, submitted.DealName), context);

        if (submitted.Text.Length == 0) return await Again(BotTexts.T("msgext.log_text_required", locale));
        Guid id;
        if (submitted.DealId is { } chosen && submitted.DealName.Length == 0)
        {
            id = chosen;
        }
        else if (submitted.DealName.Length > 0)
        {
            var match = await queries.FindByNameAsync(actor, submitted.DealName, ct);
            switch (match.Outcome)
            {
                case DealMatchOutcome.None:
                    return await Again(BotTexts.T("not_found.deal", locale, ("name", CardText.Markdown(submitted.DealName))));
                case DealMatchOutcome.Ambiguous:
                    return await Again(BotTexts.T("msgext.log_ambiguous", locale, ("name", CardText.Markdown(submitted.DealName))), ExtensionCards.Choices(match.Candidates));
            }
            id = match.Single!.Id;
        }
        else
        {
            return await Again(BotTexts.T("msgext.log_choose", locale));
        }

        var fromRep = message?.AuthorObjectId is { } author && author == actor.UserObjectId;
        var input = new InteractionInput(InteractionKind.Chat, submitted.Text, fromRep ? Direction.Outbound : Direction.Inbound,
            Body: submitted.Text, SourceId: messageId is null ? null : SourcePrefix + messageId);
        try
        {
            var logged = await deals.LogInteractionAsync(actor, id, input, ct);
            var deal = await queries.DetailAsync(actor, id, 1, ct);
            var name = CardText.Plain(deal.Deal.Name);
            return ExtensionResponses.DialogMessage(BotTexts.T(logged.AlreadyLogged ? "msgext.already_logged" : "msgext.logged", locale, ("name", name)));
        }
        catch (NotFoundException)
        {
            return await Again(BotTexts.T("not_found.id", locale));
        }
        catch (DomainException refused)
        {
            return await Again(RefusalCards.Describe(refused.Error, locale));
        }
    }

    private static InvokeResponse Form(System.Text.Json.Nodes.JsonObject card, CardContext context) =>
        ExtensionResponses.Dialog(BotTexts.T("msgext.log_title", context.Locale), card);
}

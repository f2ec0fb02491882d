using Collaboration.Application.Opportunities;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Commands;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Errors;
using Collaboration.Domain.Opportunities;

namespace Collaboration.Bot.Deals;

/// <summary>
/// The deal a command is about: the one its card carried, else the one deal its words match for the rep; otherwise the
/// answer to give instead (no such deal, or the matches to choose from).
/// </summary>
public static class NamedDeal
{
    public static async Task<(Guid? Id, BotReply? Instead)> FindAsync(OpportunityQueries queries, DealCommand command, BotTurn turn, CancellationToken ct)
    {
        if (command.DealId is { } carried) return (carried, null);
        var match = await queries.FindByNameAsync(turn.Actor, command.DealName, ct);
        return match.Outcome switch
        {
            DealMatchOutcome.None => (null, BotReply.Of(RefusalCards.Card(
                BotTexts.T("not_found.deal", turn.Locale, ("name", CardText.Markdown(command.DealName))), turn.Context))),
            DealMatchOutcome.Ambiguous => (null, BotReply.Of(DealCards.PickList(command.DealName, match.Candidates, turn.Text, turn.Context))),
            _ => (match.Single!.Id, null),
        };
    }
}

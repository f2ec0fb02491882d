using Collaboration.Application;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.MessageExtensions;

/// <summary>
/// The Teams message extension (<c>composeExtension/*</c> invokes): search and link unfurling
/// (<see cref="DealSearchExtension"/>), and the "Log to deal" message action (<see cref="LogToDealAction"/>). It answers
/// the invoke only: a message extension works in chats the bot is not a member of, so nothing is posted or remembered.
/// Invokes it does not know get null, which the endpoint acknowledges with 200 {}.
/// </summary>
public sealed class MessageExtensionHandler(DealSearchExtension deals, LogToDealAction log)
{
    public static bool Handles(Activity activity) => ExtensionInvoke.IsExtension(activity);

    public async Task<InvokeResponse?> HandleAsync(Activity activity, Actor? actor, CardContext context, CancellationToken ct)
    {
        var name = activity.Name ?? "";
        var known = name is ExtensionInvoke.Query or ExtensionInvoke.QueryLink or ExtensionInvoke.FetchTask or ExtensionInvoke.SubmitAction;
        if (!known) return null;
        if (actor is null)
        {
            var refusal = BotTexts.T("no_identity", context.Locale);
            return name is ExtensionInvoke.FetchTask or ExtensionInvoke.SubmitAction
                ? ExtensionResponses.DialogMessage(refusal)
                : ExtensionResponses.Message(refusal);
        }
        return name switch
        {
            ExtensionInvoke.Query => await deals.QueryAsync(activity, actor, context, ct),
            ExtensionInvoke.QueryLink => await deals.UnfurlAsync(activity, actor, context, ct),
            ExtensionInvoke.FetchTask => await log.FetchAsync(activity, actor, context, ct),
            _ => await log.SubmitAsync(activity, actor, context, ct),
        };
    }
}

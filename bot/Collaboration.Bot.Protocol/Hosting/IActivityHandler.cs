using Collaboration.Bot.Protocol.Activities;

namespace Collaboration.Bot.Protocol.Hosting;

/// <summary>The bot's logic for one incoming activity.</summary>
public interface IActivityHandler
{
    /// <returns>
    /// For <c>invoke</c> activities the response to send back; null answers 200 with <c>{}</c>.
    /// Ignored for every other activity type, which is always answered 200 with an empty body.
    /// </returns>
    Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken);
}

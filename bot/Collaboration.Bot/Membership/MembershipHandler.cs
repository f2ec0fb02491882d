using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Conversations;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;

namespace Collaboration.Bot.Membership;

/// <summary>
/// Where the bot may write: a conversation is remembered when the bot is installed (and welcomed there once) or first
/// spoken to, and forgotten when the bot is removed.
/// </summary>
public sealed class MembershipHandler(ConversationDirectory conversations, ILogger<MembershipHandler> logger)
{
    public static bool IsMembershipChange(Activity activity) =>
        activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate);

    /// <summary>A conversationUpdate or installationUpdate: the bot joined or left a conversation.</summary>
    public async Task OnChangeAsync(Activity activity, TurnContext turn, CardContext context, CancellationToken ct)
    {
        var tenantId = activity.TenantId;
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrWhiteSpace(tenantId) || string.IsNullOrWhiteSpace(conversationId) || string.IsNullOrWhiteSpace(activity.ServiceUrl)) return;

        var installation = activity.IsType(ActivityTypes.InstallationUpdate);
        var removed = installation
            ? activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true
            : activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
        var added = installation
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
        if (known is { IsActive: true }) return;
        var welcome = DealCards.Help(context);
        ((JsonArray)welcome["body"]!).Insert(0, new JsonObject { ["type"] = "TextBlock", ["text"] = BotTexts.T("welcome", context.Locale), ["wrap"] = true, ["weight"] = "Bolder" });
        try
        {
            await ReplyDelivery.SendAsync(turn, welcome, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send the welcome card");
        }
    }

    /// <summary>A rep wrote from a conversation the bot did not know (or knew at another service URL): remember where to answer.</summary>
    /// <param name="knownAtAddress">Whether the bot already holds this conversation, active, at the activity's service URL (<see cref="TurnStart"/>).</param>
    public async Task RememberOnFirstContactAsync(Activity activity, Actor actor, bool knownAtAddress, CancellationToken ct)
    {
        // A click is no sign the bot may write there: cards the message extension inserted are clicked in chats between
        // people (a 1:1 chat among them would pass for the clicker's personal chat with the bot).
        if (activity.IsInvoke || knownAtAddress) return;
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrWhiteSpace(activity.ServiceUrl)) return;
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
}

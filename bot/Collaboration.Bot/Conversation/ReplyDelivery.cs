using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Application;
using Collaboration.Application.Conversations;
using Collaboration.Bot.Cards;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// Sends an answer the way the rep asked: to words, new messages; to an Action.Execute click, the card as the invoke
/// response (replacing the clicked card when something changed); to an Action.Submit click from an older client, a
/// new message and an update of the clicked one. Prompts follow; cards for others go to their personal chats.
/// </summary>
public sealed class ReplyDelivery(ConversationDirectory conversations, TimeProvider clock, ILogger<ReplyDelivery> logger)
{
    public async Task<InvokeResponse?> DeliverAsync(Activity activity, TurnContext turn, Actor actor, BotReply reply, bool isClick, CancellationToken ct)
    {
        // Serialized once: a click's card is both the invoke's answer and the update of the clicked message.
        var card = RawJson.Of(reply.Card);
        if (activity.IsInvoke)
        {
            if (reply.Changed && activity.ReplyToId is { Length: > 0 } cardId) await TryUpdateAsync(turn, cardId, card, ct);
            await TellPostedAsync(activity, reply, activity.ReplyToId, ct);
        }
        else
        {
            var sent = await turn.SendAsync(Activity.CreateMessage(null, Attachment.AdaptiveCard(card)), ct);
            await TellPostedAsync(activity, reply, sent.Id, ct);
            if (isClick && activity.ReplyToId is { Length: > 0 } submittedFrom) await TryUpdateAsync(turn, submittedFrom, card, ct);
        }
        foreach (var followUp in reply.FollowUps) await SendFollowUpAsync(turn, followUp, ct);
        await SendToOthersAsync(turn, actor, reply.ForOthers, ct);
        return activity.IsInvoke ? InvokeResponse.AdaptiveCard(card) : null;
    }

    public static Task SendAsync(TurnContext turn, JsonObject card, CancellationToken ct) =>
        turn.SendAsync(Activity.CreateMessage(null, Attachment.AdaptiveCard(card)), ct);

    // A card inserted by the message extension is clicked in chats the bot is not a member of: Teams refuses posts
    // there, and that must not turn the answer to the click (the change is already saved) into an error.
    private async Task SendFollowUpAsync(TurnContext turn, JsonObject card, CancellationToken ct)
    {
        try
        {
            await SendAsync(turn, card, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "Could not post a follow-up card in conversation {ConversationId}", turn.Activity.Conversation?.Id);
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

    private async Task TellPostedAsync(Activity activity, BotReply reply, string? messageId, CancellationToken ct)
    {
        if (reply.Posted is not { } posted || string.IsNullOrEmpty(messageId) || activity.Conversation?.Id is not { Length: > 0 } conversationId) return;
        try
        {
            await posted(new PostedMessage(activity.ServiceUrl ?? "", conversationId, activity.Conversation.ConversationType, activity.Recipient?.Id, messageId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not remember where card message {ActivityId} was posted", messageId);
        }
    }

    private async Task TryUpdateAsync(TurnContext turn, string activityId, RawJson card, CancellationToken ct)
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

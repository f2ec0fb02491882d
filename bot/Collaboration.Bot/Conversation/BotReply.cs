using System.Text.Json.Nodes;
using Collaboration.Application.Conversations;
using Collaboration.Bot.Cards;

namespace Collaboration.Bot.Conversation;

/// <summary>
/// What the bot answers: the card for the rep, further cards (a prompt) to send after it, whether the answer replaces
/// the clicked card (<see cref="Changed"/>), and cards for other people (the deal's owner).
/// </summary>
public sealed record BotReply(JsonObject Card, IReadOnlyList<JsonObject> FollowUps, bool Changed = false, IReadOnlyList<CardForUser>? ForOthers = null)
{
    public static BotReply Of(JsonObject card) => new(card, []);

    /// <summary>Told where the card went (a new message, or the clicked one it replaced), for a card the bot updates later.</summary>
    public Func<PostedMessage, CancellationToken, Task>? Posted { get; init; }
}

/// <summary>A card for someone other than the rep who acted (the deal's owner), drawn in that person's language.</summary>
public sealed record CardForUser(string UserObjectId, Func<CardContext, JsonObject> Draw);

using Collaboration.Application;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Conversation;

/// <summary>Who asked, in which language and conversation, and the words they typed (null for a click): what every handler is given.</summary>
public sealed record BotTurn(Actor Actor, CardContext Context, string? ConversationId, string? Text)
{
    public string Locale => Context.Locale;

    /// <summary>The conversation's members, for a mention that came without an aadObjectId; null outside a conversation.</summary>
    public ConversationMembers? Members { get; init; }

    /// <summary>The tenant's pipeline as read for parsing this turn's words: handlers reuse it instead of reading it again.</summary>
    public PipelineSettings? Pipeline { get; init; }
}

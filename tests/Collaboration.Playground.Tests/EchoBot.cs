using System.Collections.Concurrent;
using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;

namespace Collaboration.Playground.Tests;

/// <summary>
/// A tiny bot on the protocol layer: "hello" gets a greeting naming the locale, "card" gets an Adaptive Card with an
/// Action.Execute, the "advance" verb updates the card's message and answers with the same replacement card, "ping" with a message, a submit is echoed.
/// </summary>
public sealed class EchoBot : IActivityHandler
{
    private readonly ConcurrentQueue<Activity> _received = new();

    public IReadOnlyList<Activity> Received => [.. _received];

    public static object DealCard(string dealId) => new
    {
        type = "AdaptiveCard",
        version = "1.5",
        body = new object[]
        {
            new { type = "TextBlock", text = $"Deal {dealId}", weight = "Bolder" },
            new { type = "FactSet", facts = new[] { new { title = "Stage", value = "Qualify" } } },
        },
        actions = new object[]
        {
            new
            {
                type = "Action.Execute",
                title = "Advance",
                verb = "advance",
                data = new { dealId },
                fallback = new { type = "Action.Submit", title = "Advance", data = new { dealId, verb = "advance" } },
            },
        },
    };

    public static object AdvancedCard(string dealId, string stage) => new
    {
        type = "AdaptiveCard",
        version = "1.5",
        body = new object[] { new { type = "TextBlock", text = $"Deal {dealId} moved to {stage}" } },
    };

    public async Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
    {
        _received.Enqueue(activity);
        if (activity.IsInvoke && activity.Name == "adaptiveCard/action")
        {
            var action = activity.Value!.Value.GetProperty("action");
            var data = action.TryGetProperty("data", out var d) ? d : default;
            switch (action.GetProperty("verb").GetString())
            {
                case "advance":
                    // Replaces the card for the clicking user (invoke answer) and for everyone (PUT of the card's message).
                    var card = AdvancedCard(data.GetProperty("dealId").GetString()!, data.GetProperty("stage").GetString()!);
                    await turn.UpdateAsync(activity.ReplyToId!, Activity.CreateMessage(null, Attachment.AdaptiveCard(card)), cancellationToken);
                    return InvokeResponse.AdaptiveCard(card);
                case "ping":
                    return InvokeResponse.Message("pong");
                case var verb:
                    return InvokeResponse.Error(400, "UnknownVerb", $"Unknown verb {verb}");
            }
        }

        if (!activity.IsMessage)
        {
            return null;
        }

        if (string.IsNullOrEmpty(activity.Text) && activity.Value is { } value)
        {
            await turn.ReplyAsync($"Submitted {value.GetRawText()}", cancellationToken);
            return null;
        }

        switch (activity.GetTextWithoutBotMention().ToLowerInvariant())
        {
            case "hello":
                await turn.ReplyAsync($"Hello, {activity.From?.Name} ({activity.Locale})", cancellationToken);
                break;
            case "card":
                await turn.SendAsync(Activity.CreateMessage(null, Attachment.AdaptiveCard(DealCard("42"))), cancellationToken);
                break;
            default:
                await turn.ReplyAsync($"You said: {activity.Text}", cancellationToken);
                break;
        }

        return null;
    }

    public Activity LastReceived(Func<Activity, bool> predicate) =>
        Received.LastOrDefault(predicate)
        ?? throw new InvalidOperationException($"The bot received no such activity; it received: {string.Join(", ", Received.Select(a => $"{a.Type} {a.Name} {a.Text}"))}");

    public static string Json(JsonElement? element) => element?.GetRawText() ?? "null";
}

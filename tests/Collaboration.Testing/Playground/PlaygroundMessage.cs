using System.Text.Json;

namespace Collaboration.Testing.Playground;

public enum PlaygroundMessageKind
{
    /// <summary>A new message (the bot sent or replied).</summary>
    Created,

    /// <summary>A replacement of an earlier message (the bot PUT the activity).</summary>
    Updated,
}

public sealed record PlaygroundAttachment(string ContentType, JsonElement Content)
{
    public bool IsAdaptiveCard => ContentType == "application/vnd.microsoft.card.adaptive";
}

/// <summary>A message as the Playground's web UI receives it, in arrival order (<see cref="Sequence"/> starts at 1).</summary>
public sealed record PlaygroundMessage(
    long Sequence,
    PlaygroundMessageKind Kind,
    string ConversationId,
    string MessageId,
    string? FromId,
    string? Text,
    string? TextFormat,
    IReadOnlyList<PlaygroundAttachment> Attachments,
    JsonElement Raw)
{
    /// <summary>The content of the first Adaptive Card attachment, if any.</summary>
    public JsonElement? AdaptiveCard => Attachments.FirstOrDefault(a => a.IsAdaptiveCard)?.Content;

    public override string ToString() =>
        $"#{Sequence} {Kind} {MessageId} from {FromId}: {Text ?? "(no text)"}{(Attachments.Count == 0 ? "" : $" [{string.Join(", ", Attachments.Select(a => a.ContentType))}]")}";
}

namespace Collaboration.Testing;

/// <param name="Number">1-based, in order of arrival.</param>
/// <param name="RawTarget">The path and query exactly as sent (escapes kept).</param>
/// <param name="Path">The path unescaped.</param>
public sealed record ConnectorRequest(
    int Number, string Method, string RawTarget, string Path, string? Authorization, string Body, DateTimeOffset ReceivedAt)
{
    /// <summary>A message sent to (or a reply in) a conversation.</summary>
    public bool IsSend => Method == "POST" && Path.EndsWith("/activities", StringComparison.Ordinal);

    /// <summary>A new conversation (a proactive 1:1 chat).</summary>
    public bool IsCreate => Method == "POST" && Path.EndsWith("/v3/conversations", StringComparison.Ordinal);
}

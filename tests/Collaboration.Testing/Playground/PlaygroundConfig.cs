namespace Collaboration.Testing.Playground;

public sealed record PlaygroundAccount(string Id, string? Name, string? AadObjectId);

public sealed record PlaygroundChat(string Id, string? Name);

/// <summary>The parts of <c>GET /_internal/v1/config</c> tests need: who talks to whom, and where.</summary>
public sealed record PlaygroundConfig(string TenantId, PlaygroundAccount Bot, PlaygroundAccount CurrentUser, PlaygroundChat PersonalChat, IReadOnlyList<PlaygroundChat> GroupChats);

namespace Collaboration.Bot;

/// <summary>Names this host for WebApplicationFactory where a test project references both hosts (each has a global Program).</summary>
public sealed class BotEntryPoint;

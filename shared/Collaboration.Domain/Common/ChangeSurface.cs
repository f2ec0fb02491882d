namespace Collaboration.Domain.Common;

public enum ChangeSurface
{
    Teams,
    Outlook,
    Api,
    Import,
    System,
}

/// <summary>Who changes something, through which tool, and when.</summary>
public sealed record ChangeContext(string ActorId, ChangeSurface Surface, DateTimeOffset At);

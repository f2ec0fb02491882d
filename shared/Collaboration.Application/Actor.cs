using Collaboration.Domain.Common;

namespace Collaboration.Application;

/// <summary>The signed-in rep behind a call, as the front end authenticated them.</summary>
public sealed record Actor(string TenantId, string UserObjectId, ChangeSurface Surface, string Locale = "en-US")
{
    public ChangeContext At(DateTimeOffset now) => new(UserObjectId, Surface, now);
}

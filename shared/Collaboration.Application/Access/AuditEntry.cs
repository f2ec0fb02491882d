using System.Text.Json;
using Collaboration.Domain.Common;

namespace Collaboration.Application.Access;

/// <summary>One admin action: who did what, when, and the state before and after (JSON), written with the change itself.</summary>
public sealed class AuditEntry
{
    public const int MaxJsonLength = 16_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AuditEntry() { }

    public AuditEntry(string tenantId, string actorObjectId, string action, object? before, object? after, DateTimeOffset at)
    {
        TenantId = tenantId;
        ActorObjectId = actorObjectId;
        Action = action;
        Before = Serialize(before);
        After = Serialize(after);
        At = at;
    }

    public Guid Id { get; private set; } = RowId.New();
    public string TenantId { get; private set; } = "";
    public string ActorObjectId { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>What was done, e.g. <c>web-form.create</c>, <c>user.admin-role</c>.</summary>
    public string Action { get; private set; } = "";

    public string? Before { get; private set; }
    public string? After { get; private set; }

    private static string? Serialize(object? state)
    {
        if (state is null) return null;
        var json = JsonSerializer.Serialize(state, state.GetType(), Json);
        return json.Length <= MaxJsonLength ? json : JsonSerializer.Serialize(new { truncated = json[..MaxJsonLength] }, Json);
    }
}

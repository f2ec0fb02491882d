using System.Text.Json;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Domain.Pipeline;

namespace Collaboration.Bot.Commands;

/// <summary>
/// A person @mentioned in the rep's message (never the bot). <see cref="Text"/> is how the mention stands in the text
/// ("&lt;at&gt;Priya Raman&lt;/at&gt;"). Teams names a user by their Bot Framework id ("29:…"); <see cref="AadObjectId"/>
/// is set when the entity carries the Entra object id (its mentioned.aadObjectId, or an id that is the object id itself),
/// and is otherwise found from <see cref="UserId"/> through the conversation's members.
/// </summary>
public sealed record MentionedPerson(string? UserId, string? AadObjectId, string Name, string Text);

/// <summary>
/// What words need besides themselves: the tenant's pipeline (stage and loss-reason words), the rep's today (relative dates,
/// in their own time zone) and the people they @mentioned. Without <see cref="Today"/>, only absolute dates are read.
/// </summary>
public sealed record CommandContext(PipelineSettings Pipeline, DateOnly? Today, IReadOnlyList<MentionedPerson> Mentions)
{
    public static CommandContext Of(PipelineSettings? pipeline) => new(pipeline ?? PipelineSettings.Default, null, []);

    /// <summary>
    /// The context of a message: today in the rep's zone (the client's, else the activity's localTimezone, else
    /// <paramref name="knownTimeZone"/>, else UTC) and the people it mentions other than the bot.
    /// </summary>
    public static CommandContext For(Activity activity, PipelineSettings pipeline, TimeProvider clock, string? knownTimeZone = null)
    {
        var zone = activity.GetClientInfo()?.Timezone ?? activity.LocalTimezone ?? knownTimeZone;
        return new CommandContext(pipeline, RelativeDateReader.Today(clock, zone), MentionsIn(activity));
    }

    /// <summary>The mention entities of <paramref name="activity"/> that name someone other than the bot.</summary>
    public static IReadOnlyList<MentionedPerson> MentionsIn(Activity activity)
    {
        var people = new List<MentionedPerson>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(EntityReader.GetType(entity), Mention.EntityType, StringComparison.OrdinalIgnoreCase)) continue;
            if (!entity.TryGetProperty("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object) continue;
            var id = EntityReader.GetString(mentioned, "id");
            if (id is not null && string.Equals(id, activity.Recipient?.Id, StringComparison.Ordinal)) continue;
            var name = EntityReader.GetString(mentioned, "name") ?? "";
            var text = EntityReader.GetString(entity, "text") ?? $"<at>{name}</at>";
            people.Add(new MentionedPerson(id, ObjectIdOf(mentioned, id), name, text));
        }
        return people;
    }

    private static string? ObjectIdOf(JsonElement mentioned, string? id)
    {
        if (EntityReader.GetString(mentioned, "aadObjectId") is { } explicitId && Guid.TryParse(explicitId, out var objectId)) return objectId.ToString();
        const string orgId = "8:orgid:";
        var bare = id is not null && id.StartsWith(orgId, StringComparison.OrdinalIgnoreCase) ? id[orgId.Length..] : id;
        return Guid.TryParse(bare, out var fromId) ? fromId.ToString() : null;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collaboration.Domain.Common;

namespace Collaboration.Domain.Meetings;

public sealed record MeetingPerson(string? Name, string Address);

/// <summary>
/// A meeting as Outlook shows it to its organizer or an attendee, checked and bounded before it is logged.
/// Both copies of one meeting have the same <see cref="SourceId"/>, so it is logged once per deal whoever logs it.
/// </summary>
public sealed class Meeting
{
    public const int MaxAttendees = 500;
    public const int MaxSubjectLength = 500;
    public const int MaxLocationLength = 500;
    public const int MaxNameLength = 200;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    private Meeting(string subject, DateTimeOffset start, DateTimeOffset end, string? location, MeetingPerson organizer, IReadOnlyList<MeetingPerson> attendees)
    {
        Subject = subject;
        Start = start;
        End = end;
        Location = location;
        Organizer = organizer;
        Attendees = attendees;
    }

    public string Subject { get; }
    public DateTimeOffset Start { get; }
    public DateTimeOffset End { get; }
    public string? Location { get; }
    public MeetingPerson Organizer { get; }

    /// <summary>Everyone invited but the organizer, each address once.</summary>
    public IReadOnlyList<MeetingPerson> Attendees { get; }

    public IEnumerable<MeetingPerson> Everyone => Attendees.Prepend(Organizer);

    public static Meeting Create(
        string? subject, DateTimeOffset start, DateTimeOffset end, string? location, MeetingPerson organizer, IReadOnlyCollection<MeetingPerson> attendees)
    {
        if (end < start || end - start > MaxDuration)
        {
            throw new DomainException(DomainError.Of("compose.invalid_meeting_time",
                ("days", MaxDuration.TotalDays.ToString(CultureInfo.InvariantCulture))));
        }
        if (attendees.Count > MaxAttendees)
        {
            throw new DomainException(DomainError.Of("compose.too_many_attendees", ("max", MaxAttendees.ToString(CultureInfo.InvariantCulture))));
        }
        var host = Person(organizer);
        var seen = new HashSet<string>(StringComparer.Ordinal) { host.Address };
        var others = attendees.Select(Person).Where(p => seen.Add(p.Address)).ToList();
        return new Meeting(Clip(subject, MaxSubjectLength) ?? "", start.ToUniversalTime(), end.ToUniversalTime(), Clip(location, MaxLocationLength), host, others);
    }

    /// <summary>The organizer, the start and the subject: what the organizer's and every attendee's copy agree on.</summary>
    public string SourceId
    {
        get
        {
            var key = string.Join('\n', Organizer.Address, Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Subject.ToLowerInvariant());
            return "meeting:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
    }

    private static MeetingPerson Person(MeetingPerson person) => new(Clip(person.Name, MaxNameLength), EmailAddress.Normalize(person.Address));

    private static string? Clip(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = text.ReplaceLineEndings(" ").Trim();
        return clean.Length <= max ? clean : clean[..max];
    }
}

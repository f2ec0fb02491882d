using Collaboration.Domain.Common;
using Collaboration.Domain.Meetings;

namespace Collaboration.Domain.Tests;

public class MeetingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly MeetingPerson Organizer = new("Alex", "alex@seller.example");

    [Fact]
    public void TheOrganizersCopyAndAnAttendeesCopyAreTheSameMeeting()
    {
        var organizers = Meeting.Create("Pricing review", Start, Start.AddHours(1), "Room 4", Organizer, [new(null, "li.wei@contoso.example")]);
        var attendees = Meeting.Create("PRICING REVIEW", Start.ToUniversalTime(), Start.AddHours(1), null,
            new MeetingPerson(null, "Alex@Seller.example"), [new("Guest", "guest@other.example"), new("Li", "LI.WEI@contoso.example")]);

        Assert.Equal(organizers.SourceId, attendees.SourceId);
        Assert.StartsWith("meeting:", organizers.SourceId);
    }

    [Fact]
    public void AnotherStartIsAnotherMeeting()
    {
        var first = Meeting.Create("Pricing review", Start, Start.AddHours(1), null, Organizer, []);
        var next = Meeting.Create("Pricing review", Start.AddDays(7), Start.AddDays(7).AddHours(1), null, Organizer, []);

        Assert.NotEqual(first.SourceId, next.SourceId);
    }

    [Fact]
    public void EachPersonIsListedOnceAndTheOrganizerIsNotAnAttendee()
    {
        var meeting = Meeting.Create("x", Start, Start, null, Organizer,
            [new(null, "ALEX@seller.example"), new(null, "a@b.example"), new("A", "a@B.example")]);

        Assert.Equal(["a@b.example"], meeting.Attendees.Select(a => a.Address));
        Assert.Equal(["alex@seller.example", "a@b.example"], meeting.Everyone.Select(p => p.Address));
    }

    [Fact]
    public void AMeetingThatEndsBeforeItStartsOrLastsOverTwoWeeksIsRefused()
    {
        Assert.Equal("compose.invalid_meeting_time",
            Assert.Throws<DomainException>(() => Meeting.Create("x", Start, Start.AddMinutes(-1), null, Organizer, [])).Error.Code);
        Assert.Equal("compose.invalid_meeting_time",
            Assert.Throws<DomainException>(() => Meeting.Create("x", Start, Start.AddDays(15), null, Organizer, [])).Error.Code);
    }

    [Fact]
    public void MoreThanFiveHundredPeopleOrABadAddressIsRefused()
    {
        var crowd = Enumerable.Range(0, Meeting.MaxAttendees + 1).Select(i => new MeetingPerson(null, $"p{i}@x.example")).ToList();

        Assert.Equal("compose.too_many_attendees", Assert.Throws<DomainException>(() => Meeting.Create("x", Start, Start, null, Organizer, crowd)).Error.Code);
        Assert.Equal("invalid_email", Assert.Throws<DomainException>(() =>
            Meeting.Create("x", Start, Start, null, Organizer, [new(null, "not an address")])).Error.Code);
    }

    [Fact]
    public void LongTextsAreCutAndLineBreaksFlattened()
    {
        var meeting = Meeting.Create(new string('s', 600) + "\nmore", Start, Start, "Room\n4", Organizer with { Name = new string('n', 300) }, []);

        Assert.Equal(Meeting.MaxSubjectLength, meeting.Subject.Length);
        Assert.Equal("Room 4", meeting.Location);
        Assert.Equal(Meeting.MaxNameLength, meeting.Organizer.Name!.Length);
    }
}

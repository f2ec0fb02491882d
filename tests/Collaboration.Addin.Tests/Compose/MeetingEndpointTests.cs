using System.Net;
using System.Text.Json;
using Collaboration.Domain.Interactions;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Addin.Tests.Compose;

/// <summary>"Log meeting to deal" from an Outlook appointment, over real HTTP and a real database.</summary>
public class MeetingEndpointTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    private static async Task<Guid> NewDealAsync(HttpClient rep, string buyer = "li.wei@contoso-buyer.com") =>
        (await (await rep.PostJsonAsync("/api/opportunities/from-email", PaneEmails.From(buyer))).ReadJsonAsync()).GetProperty("id").GetGuid();

    private static object Meeting(string organizer, params string[] attendees) => new
    {
        subject = "Pricing review <b>Q1</b>",
        start = Start,
        end = Start.AddHours(1),
        location = "Room 4",
        organizer = new { name = "Organizer", address = organizer },
        attendees = attendees.Select(a => new { name = (string?)null, address = a }).ToArray(),
    };

    [Fact]
    public async Task AMeetingIsLoggedOnceFromTheOrganizersCopyAndAnAttendeesAndShowsOnTheDealsTimeline()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var id = await NewDealAsync(rep);

        var asOrganizer = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings",
            Meeting("rep-a@seller.example", "li.wei@contoso-buyer.com", "colleague@seller.example", "guest@unknown-co.example"));
        var asAttendee = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings",
            Meeting("REP-A@seller.example", "guest@unknown-co.example", "li.wei@contoso-buyer.com"));

        Assert.Equal(HttpStatusCode.Created, asOrganizer.StatusCode);
        var first = await asOrganizer.ReadJsonAsync();
        Assert.False(first.GetProperty("alreadyLogged").GetBoolean());
        Assert.Equal(["li.wei@contoso-buyer.com"], first.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("email").GetString()));
        Assert.Equal(HttpStatusCode.OK, asAttendee.StatusCode);
        Assert.True((await asAttendee.ReadJsonAsync()).GetProperty("alreadyLogged").GetBoolean());

        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        var meeting = await db.Interactions.SingleAsync(i => i.Kind == InteractionKind.Meeting);
        var buyer = await db.Contacts.SingleAsync(c => c.Email == "li.wei@contoso-buyer.com");
        Assert.Equal(buyer.Id, meeting.ContactId);
        Assert.Equal(Direction.Outbound, meeting.Direction);
        Assert.Equal(Start, meeting.OccurredAt);
        Assert.Equal("Pricing review <b>Q1</b>", meeting.Subject);
        // Neither the colleague nor the unknown guest became a contact.
        Assert.Equal(1, await db.Contacts.CountAsync());
        var timeline = await (await rep.GetAsync($"/api/opportunities/{id}/timeline")).ReadJsonAsync();
        Assert.Single(timeline.EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains("Pricing review <b>Q1</b>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMeetingACustomerOrganizedCameIn()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var id = await NewDealAsync(rep);

        var logged = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", Meeting("li.wei@contoso-buyer.com", "rep-a@seller.example"));

        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(Direction.Inbound, (await db.Interactions.SingleAsync(i => i.Kind == InteractionKind.Meeting)).Direction);
    }

    [Fact]
    public async Task BadMeetingsGetAClearErrorAndNothingIsLogged()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient(acceptLanguage: "zh-CN");
        var id = await NewDealAsync(rep);
        var many = Enumerable.Range(0, 501).Select(i => $"person{i}@contoso-buyer.com").ToArray();

        var backwards = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", new
        {
            subject = "x",
            start = Start,
            end = Start.AddHours(-1),
            organizer = new { address = "rep-a@seller.example" },
        });
        var endless = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", new
        {
            subject = "x",
            start = Start,
            end = Start.AddDays(15),
            organizer = new { address = "rep-a@seller.example" },
        });
        var noStart = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", new { subject = "x", end = Start, organizer = new { address = "a@b.example" } });
        var crowd = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", Meeting("rep-a@seller.example", many));
        var badAddress = await rep.PostJsonAsync($"/api/opportunities/{id}/meetings", Meeting("rep-a@seller.example", "not an address"));
        var notMine = await host.RepClient(AddinHost.TenantA, "rep-other").PostJsonAsync($"/api/opportunities/{id}/meetings", Meeting("rep-a@seller.example"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        var problem = await backwards.ReadJsonAsync();
        Assert.Equal("compose.invalid_meeting_time", problem.GetProperty("code").GetString());
        Assert.Contains("14", problem.GetProperty("detail").GetString());
        Assert.Contains("会议", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, endless.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noStart.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, crowd.StatusCode);
        Assert.Equal("compose.too_many_attendees", (await crowd.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAddress.StatusCode);
        Assert.Equal("invalid_email", (await badAddress.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(0, await db.Interactions.CountAsync(i => i.Kind == InteractionKind.Meeting));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task ManyCopiesOfOneMeetingLoggedAtOnceMakeOneInteraction(DatabaseKind kind)
    {
        await using var host = await AddinHost.StartAsync(kind);
        var rep = host.RepClient();
        var id = await NewDealAsync(rep);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            rep.PostJsonAsync($"/api/opportunities/{id}/meetings", Meeting("rep-a@seller.example", "li.wei@contoso-buyer.com"))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.Kind == InteractionKind.Meeting));
    }

    [Fact]
    public async Task ThePeopleOfAMessageBringTheirDealsAndNoneOfThemBecomesAContact()
    {
        await using var host = await AddinHost.StartAsync();
        var rep = host.RepClient();
        var id = await NewDealAsync(rep);
        var other = await NewDealAsync(rep, "someone@fabrikam-buyer.com");

        var response = await rep.PostJsonAsync("/api/compose/people", new
        {
            addresses = new[] { "colleague@seller.example", "LI.WEI@contoso-buyer.com", "new.person@contoso-buyer.com", "not an address" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var people = await response.ReadJsonAsync();
        Assert.Equal(["li.wei@contoso-buyer.com"], people.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("email").GetString()));
        Assert.Equal([id], people.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        Assert.Equal([other], people.GetProperty("myDeals").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));
        await using var db = host.Db.Database.Open(AddinHost.TenantA);
        Assert.Equal(2, await db.Contacts.CountAsync());
        var tooMany = await rep.PostJsonAsync("/api/compose/people", new { addresses = Enumerable.Range(0, 501).Select(i => $"p{i}@x.example").ToArray() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(JsonValueKind.String, (await tooMany.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }
}

using Collaboration.Application.DemoData;
using Collaboration.Domain.Interactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>"Log meeting to deal" from an appointment, as an attendee and as its organizer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppointmentPaneTests(BrowserFixture browser)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly MailAddress LiWei = new("Li Wei", "li.wei@contoso-buyer.com");
    private static readonly MailAddress Alex = new("Alex Wilber", "alex.wilber@collaboration.demo");
    private static readonly MailAddress Guest = new("Guest", "guest@unknown-co.example");

    [Fact]
    public async Task AnAttendeeLogsTheMeetingTheCustomerOrganizedAndASecondLogChangesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        await ComposePaneTests.SeedAsync(host.Client(), "Renewal for 200 seats");
        var invite = new AppointmentItem("appointment", "Pricing <b>review</b>", Start, Start.AddHours(1), "Room 4", LiWei, [Alex, Guest], []);
        await using var pane = await Pane.OpenAsync(browser, host, invite);

        await Expect(pane.TestId("meeting-subject")).ToHaveTextAsync("Pricing <b>review</b>");
        await Expect(pane.TestId("meeting-organizer")).ToHaveTextAsync("Li Wei");
        await Expect(pane.TestId("meeting-contacts")).ToContainTextAsync("li.wei@contoso-buyer.com");
        await Expect(pane.TestId("meeting-contacts").Locator("li")).ToHaveCountAsync(1);
        await pane.Button("Log meeting to deal").ClickAsync();
        await Expect(pane.TestId("meeting-state")).ToHaveTextAsync("Meeting logged to Renewal for 200 seats · Contoso-buyer");
        await pane.Button("Log meeting to deal").ClickAsync();
        await Expect(pane.TestId("meeting-state")).ToHaveTextAsync("This meeting was already logged to Renewal for 200 seats · Contoso-buyer");

        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var meeting = await db.Interactions.SingleAsync(i => i.Kind == InteractionKind.Meeting);
        Assert.Equal(Direction.Inbound, meeting.Direction);
        Assert.Equal(Start, meeting.OccurredAt);
        Assert.Empty(pane.Dialogs);
    }

    [Fact]
    public async Task TheOrganizerLogsTheirOwnMeetingInChinese()
    {
        await using var host = await AddinHost.StartAsync();
        await ComposePaneTests.SeedAsync(host.Client(), "续约 200 席位");
        var mine = new AppointmentItem("appointmentOrganizer", "报价评审", Start, Start.AddHours(1), "", null, [LiWei], [Guest]);
        await using var pane = await Pane.OpenAsync(browser, host, mine, "zh-CN");

        await Expect(pane.TestId("meeting-organizer")).ToHaveTextAsync("Alex Wilber");
        await pane.Button("将会议记录到商机").ClickAsync();

        await Expect(pane.TestId("meeting-state")).ToContainTextAsync("会议已记录到 续约 200 席位");
        await using var db = host.Db.Database.Open(DemoDataSeeder.TenantId);
        var meeting = await db.Interactions.SingleAsync(i => i.Kind == InteractionKind.Meeting);
        Assert.Equal(Direction.Outbound, meeting.Direction);
        Assert.Contains("alex.wilber@collaboration.demo", meeting.Body);
    }
}

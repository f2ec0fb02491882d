using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// The pane answers a capture from an email with the new deal drawn: with the contact and account the capture matched
/// a moment before, not with a second read of them, and with the history the capture saved, not read back.
/// </summary>
public class CaptureDrawTests
{
    [Fact]
    public async Task ADealCapturedFromAKnownSenderIsDrawnWithTheContactAndAccountItMatched()
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var rep = await host.RepAsync("rep-capture-draw");
        var sender = new CaptureRequest("First order") { ContactEmail = "buyer@fabrikam.example", ContactName = "Buyer" };
        await host.Deals.CaptureAsync(rep, sender);
        var outcome = await host.Deals.CaptureOutcomeAsync(rep, sender with { Name = "Second order" });

        commands.Record(outcome.Deal.PrimaryContactId!.Value, outcome.Deal.AccountId!.Value);
        var detail = await host.Queries.AfterChangeAsync(rep, outcome, OpportunityQueries.DefaultTimelineLimit);
        var ran = commands.Stop();

        await using var db = host.Db.Database.Open(rep.TenantId);
        var contact = await db.Contacts.AsNoTracking().SingleAsync();
        var account = await db.Accounts.AsNoTracking().SingleAsync();
        Assert.Equal((contact.Id, contact.Email, account.Id, account.Name), (detail.PrimaryContact!.Id, detail.PrimaryContact.Email, detail.Account!.Id, detail.Account.Name));
        Assert.Equal("Second order", detail.Deal.Name);
        Assert.Empty(ran.Select(c => c.Text));
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task ADealCapturedFromAnEmailShowsTheTimelineItSavedWithoutReadingItBack(DatabaseKind kind)
    {
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-capture-timeline");
        var email = new EmailMessage(new EmailParty("Zhang Wei", "zhang@adatum.com"), [], [], "Pricing for 50 seats",
            "We have budget approved for about $120k and would like to start next quarter. Sarah Chen, our VP Sales, will sign.",
            "<pricing-1@adatum.com>", "conv-pricing", host.Clock.GetUtcNow().AddHours(-3));
        host.Clock.Advance(TimeSpan.FromMilliseconds(123.4567));
        var outcome = await host.Deals.CaptureOutcomeAsync(rep, OpportunityService.FromEmail(email, EmailCapture.HintsFor(email), referredBy: "Li Na"));

        commands.Record(outcome.Deal.Id);
        var drawn = await host.Queries.AfterChangeAsync(rep, outcome, OpportunityQueries.DefaultTimelineLimit);
        var ran = commands.Stop();
        var read = await host.Queries.DetailAsync(rep, outcome.Deal.Id);

        Assert.Empty(ran.Select(c => c.Text));
        Assert.Contains(drawn.Timeline, e => e.Kind == TimelineEntryKind.Interaction && e.Summary!.Contains("Pricing for 50 seats"));
        Assert.Contains(drawn.Timeline, e => e.Field == Domain.Opportunities.ChangedField.Owner && e.NewValue == rep.UserObjectId);
        Assert.True(drawn.Timeline.Count > 3, $"only {drawn.Timeline.Count} entries");
        Assert.Equal(read.Timeline.Select(Shown), drawn.Timeline.Select(Shown));

        // Fewer entries asked for: the newest of them, as a read would give them.
        var three = await host.Queries.AfterChangeAsync(rep, outcome, 3);
        Assert.Equal(read.Timeline.Take(3).Select(Shown), three.Timeline.Select(Shown));
    }

    // Times as far as anyone reads them: the databases keep less than a tick (SQLite 0.1 ms as stored here, PostgreSQL 1 µs),
    // and a drawn deal, like its timeline, carries the times it was saved with.
    private static TimelineEntry Shown(TimelineEntry e) =>
        e with { At = new DateTimeOffset(e.At.Ticks - e.At.Ticks % TimeSpan.TicksPerMillisecond, e.At.Offset) };
}

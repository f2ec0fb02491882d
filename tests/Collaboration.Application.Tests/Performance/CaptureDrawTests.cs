using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// The pane answers a capture from an email with the new deal drawn: with the contact and account the capture matched
/// a moment before, not with a second read of them.
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
}

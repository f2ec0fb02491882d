using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>A leaver through the Settings page: made inactive, their open deals handed on in bulk, all of it in the audit CSV; and a web form's life.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPeopleTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnInactiveRepsOpenDealsAreReassignedInBulkAndTheAuditCsvDownloads()
    {
        await using var host = await AddinHost.StartAsync();
        await SettingsPage.SeedPeopleAsync(host);
        var lee = new Actor(SettingsPage.Tenant, "lee-id", ChangeSurface.Outlook);
        var deals = host.Services.GetRequiredService<OpportunityService>();
        await deals.CaptureAsync(lee, new CaptureRequest("Fabrikam rollout") { Amount = 20_000m });
        await deals.CaptureAsync(lee, new CaptureRequest("Contoso renewal") { Amount = 8_000m });
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var people = settings.Section("people");

        var leeRow = people.Locator("tr[data-person='lee@contoso.example']");
        await settings.Field(leeRow, "Active").UncheckAsync();
        await settings.Button(leeRow, "Save").ClickAsync();
        await Expect(settings.Status("people")).ToHaveTextAsync("Saved Lee Gu.");
        await settings.Field(people, "Open deals of").SelectOptionAsync("lee-id");
        await settings.Field(people, "Reassign to").SelectOptionAsync("megan-id");
        await settings.Button(people, "Reassign open deals").ClickAsync();

        await Expect(settings.Status("people")).ToHaveTextAsync("2 deals reassigned, 0 could not be.");
        await Expect(people.Locator("tr[data-person='megan@contoso.example']")).ToContainTextAsync("2");
        await using (var db = host.Db.Database.Open(SettingsPage.Tenant))
        {
            Assert.All(await db.Opportunities.ToListAsync(), o => Assert.Equal("megan-id", o.OwnerId));
            Assert.False((await db.Users.SingleAsync(u => u.ObjectId == "lee-id")).Active);
        }

        var audit = settings.Section("audit");
        var download = await settings.Page.RunAndWaitForDownloadAsync(() => settings.Button(audit, "CSV").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("person.change", csv, StringComparison.Ordinal);
        Assert.Contains("person.reassign", csv, StringComparison.Ordinal);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebFormIsCreatedItsSnippetShownAndItIsDeleted()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var capture = settings.Section("capture");

        await settings.Field(capture, "Form name").FillAsync("Contact us <b>page</b>");
        await settings.Field(capture, "Allowed origins").FillAsync("https://www.contoso.com");
        await settings.Button(capture, "Create form").ClickAsync();
        var row = capture.Locator("#forms tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Contact us <b>page</b>");
        await Expect(row).ToContainTextAsync("https://www.contoso.com");
        await settings.Button(row, "Snippet").ClickAsync();
        await Expect(capture.Locator("textarea[readonly]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/api/capture/forms/"));
        await settings.Button(row, "Delete").ClickAsync();
        await Expect(capture.Locator("#forms tr")).ToHaveCountAsync(0);
        await Expect(settings.Status("capture")).ToHaveTextAsync("Deleted.");
    }
}

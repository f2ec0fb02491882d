using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>Outlook mobile: the pane at a phone's 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MobilePaneTests(BrowserFixture browser)
{
    private static async Task AssertFitsAsync(Pane pane)
    {
        var width = await pane.Page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.Equal(320, width);
        Assert.True(await pane.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The pane scrolls sideways at 320 px.");
        var controls = pane.Page.Locator("#content button:visible, #content select:visible, #content input:visible");
        Assert.True(await controls.CountAsync() > 0);
        foreach (var control in await controls.AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 320.5, $"{await control.GetAttributeAsync("id")} is cut off at {box.X}+{box.Width}");
        }
    }

    [Fact]
    public async Task AtPhoneWidthTheReadPaneFitsAndItsButtonsWork()
    {
        await using var host = await AddinHost.StartAsync();
        await ComposePaneTests.SeedAsync(host.Client(), "Renewal for 200 seats with a rather long name that has to wrap somewhere");
        await using var pane = await Pane.OpenAsync(browser, host, MailItem.Of("li.wei@contoso-buyer.com", "Li Wei"), width: 320);
        await Expect(pane.TestId("deal")).ToBeVisibleAsync();

        await AssertFitsAsync(pane);
        await pane.Button("Advance stage").ClickAsync();
        await Expect(pane.TestId("stage-name")).ToHaveTextAsync("Qualify");
        await AssertFitsAsync(pane);
        await pane.ScreenshotAsync("taskpane-mobile-320");
    }

    [Fact]
    public async Task AtPhoneWidthTheComposeAndMeetingPanesFit()
    {
        await using var host = await AddinHost.StartAsync();
        await ComposePaneTests.SeedAsync(host.Client(), "Renewal for 200 seats");
        await using (var compose = await Pane.OpenAsync(browser, host,
            new ComposeItem("Re: pricing", [new MailAddress("Li Wei", "li.wei@contoso-buyer.com")], []), width: 320))
        {
            await Expect(compose.Button("Log when sent")).ToBeVisibleAsync();
            await AssertFitsAsync(compose);
        }

        var start = new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
        await using var meeting = await Pane.OpenAsync(browser, host, new AppointmentItem("appointment", "Pricing review", start, start.AddHours(1), "Room 4",
            new MailAddress("Li Wei", "li.wei@contoso-buyer.com"), [], []), "zh-CN", width: 320);
        await Expect(meeting.Button("将会议记录到商机")).ToBeVisibleAsync();
        await AssertFitsAsync(meeting);
    }
}

using Collaboration.Application;
using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>Settings › Capture › Free-mail domains: an admin saves both lists, and a bad entry is named beside its list without saving.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsFreeMailTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminSavesTheFreeMailDomainsAndABadEntryIsNamedWithoutSaving()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var capture = settings.Section("capture");
        var stored = host.Services.GetRequiredService<FreeMailAdministration>();
        var reader = new Actor(SettingsPage.Tenant, "reader", ChangeSurface.Api);

        await settings.Field(capture, "Also free mail here").FillAsync("mail.local-isp.cn\nQQ-Mail.example");
        await settings.Field(capture, "Not free mail here").FillAsync("163.com");
        await settings.Button(capture, "Save free-mail domains").ClickAsync();

        await Expect(settings.Status("capture")).ToContainTextAsync("Saved.");
        await Expect(settings.Field(capture, "Also free mail here")).ToHaveValueAsync("mail.local-isp.cn\nqq-mail.example");
        var saved = await stored.GetAsync(reader);
        Assert.Equal(["mail.local-isp.cn", "qq-mail.example"], saved.Extra);
        Assert.Equal(["163.com"], saved.NotFreeMail);

        await settings.Field(capture, "Not free mail here").FillAsync("163.com\nnot a domain");
        await settings.Button(capture, "Save free-mail domains").ClickAsync();

        await Expect(settings.Status("capture")).ToContainTextAsync("Not saved");
        await Expect(capture.Locator(".problem[data-problem-for='notFreeMail[1]']")).ToContainTextAsync("\"not a domain\" is not a domain name");
        Assert.Equal(["163.com"], (await stored.GetAsync(reader)).NotFreeMail);
        Assert.Empty(settings.ConsoleErrors);
    }
}

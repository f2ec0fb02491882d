using Collaboration.Application;
using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>Another admin saves the pipeline while this one edits it: this save is refused, said so, and the form reloads theirs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsConcurrencyTests(BrowserFixture browser)
{
    [Fact]
    public async Task SavingAPipelineSomeoneElseChangedMeanwhileSaysSoAndShowsTheirVersion()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var pipeline = settings.Section("pipeline");
        await settings.Field(pipeline, "Default currency").FillAsync("EUR");

        var other = host.Services.GetRequiredService<PipelineAdministration>();
        var colleague = new Actor(SettingsPage.Tenant, "other-admin", ChangeSurface.Api);
        var loaded = await other.GetAsync(colleague);
        await other.ChangeAsync(colleague, loaded with
        {
            Stages = loaded.Stages.Select(s => s.Stage == Stage.Proposal ? s with { Name = "Offer" } : s).ToList(),
        }, loaded.Version);
        await settings.Button(pipeline, "Save").ClickAsync();

        await Expect(settings.Status("pipeline")).ToContainTextAsync("Someone else changed the pipeline");
        await Expect(settings.Status("pipeline")).ToContainTextAsync($"({loaded.Version + 1})");
        await Expect(settings.StageRow("proposal").GetByLabel("Name (English)")).ToHaveValueAsync("Offer");
        await Expect(settings.Field(pipeline, "Default currency")).Not.ToHaveValueAsync("EUR");
        var stored = await other.GetAsync(colleague);
        Assert.Equal(loaded.DefaultCurrency, stored.DefaultCurrency);
        Assert.Equal(loaded.Version + 1, stored.Version);

        await settings.Field(pipeline, "Default currency").FillAsync("EUR");
        await settings.Button(pipeline, "Save").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync($"Saved (version {loaded.Version + 2})");
        Assert.Empty(settings.ConsoleErrors);
    }
}

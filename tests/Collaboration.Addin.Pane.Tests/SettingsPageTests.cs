using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The Settings page's refusals and languages: problems by field, Chinese, and the admins-only message for a rep.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task APipelineWithProblemsShowsEachBesideItsFieldAndKeepsWhatWasTypedAndSavesNothing()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var pipeline = settings.Section("pipeline");
        var before = await (await settings.Page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/admin/pipeline").ToString())).TextAsync();

        await settings.Field(settings.StageRow("qualify"), "Probability %").FillAsync("150");
        await settings.Field(settings.StageRow("proposal"), "Name (English)").FillAsync("");
        await settings.Field(settings.StageRow("new"), "Name (Chinese)").FillAsync("线索阶段");
        await settings.Field(pipeline, "Default currency").FillAsync("XX");
        await settings.Field(pipeline, "Qualification threshold").FillAsync("400");
        await settings.Button(pipeline, "Save").ClickAsync();

        await Expect(settings.Status("pipeline")).ToContainTextAsync("Not saved");
        await Expect(settings.StageRow("qualify").Locator(".problem")).ToHaveCountAsync(1);
        await Expect(settings.StageRow("qualify").Locator(".problem")).ToHaveAttributeAsync("data-problem-for", "stages[1].probability");
        await Expect(settings.StageRow("proposal").Locator(".problem")).ToHaveAttributeAsync("data-problem-for", "stages[3].name.en");
        await Expect(settings.StageRow("new").Locator(".problem")).ToHaveCountAsync(0);
        await Expect(pipeline.Locator("div.field").Filter(new() { HasText = "Default currency" }).Locator(".problem")).ToContainTextAsync("XX");
        await Expect(pipeline.Locator("div.field").Filter(new() { HasText = "Qualification threshold" }).Locator(".problem")).ToHaveCountAsync(1);
        await Expect(settings.Field(settings.StageRow("qualify"), "Probability %")).ToHaveAttributeAsync("aria-invalid", "true");
        // Every problem found its field; nothing typed was lost.
        await Expect(pipeline.Locator(".problems li")).ToHaveCountAsync(0);
        await Expect(settings.Field(settings.StageRow("qualify"), "Probability %")).ToHaveValueAsync("150");
        await Expect(settings.Field(settings.StageRow("new"), "Name (Chinese)")).ToHaveValueAsync("线索阶段");
        await Expect(settings.Field(pipeline, "Default currency")).ToHaveValueAsync("XX");
        var after = await (await settings.Page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/admin/pipeline").ToString())).TextAsync();
        Assert.Equal(JsonDocument.Parse(before).RootElement.GetProperty("version").GetInt32(), JsonDocument.Parse(after).RootElement.GetProperty("version").GetInt32());

        // Corrected, it saves, and the problems go.
        await settings.Field(settings.StageRow("qualify"), "Probability %").FillAsync("20");
        await settings.Field(settings.StageRow("proposal"), "Name (English)").FillAsync("Proposal");
        await settings.Field(pipeline, "Default currency").FillAsync("EUR");
        await settings.Field(pipeline, "Qualification threshold").FillAsync("60");
        await settings.Button(pipeline, "Save").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync("Saved (version");
        await Expect(pipeline.Locator(".problem")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task QuoteAcceptedAsAnExitCriterionIsShownAndSurvivesASaveFromThePage()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host);
        await settings.ReadyAsync();
        var pipeline = settings.Section("pipeline");

        await settings.Field(settings.StageRow("proposal"), "Quote accepted").CheckAsync();
        await settings.Button(pipeline, "Save").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync("Saved (version");
        await settings.Page.ReloadAsync();
        await settings.ReadyAsync();
        await Expect(settings.Field(settings.StageRow("proposal"), "Quote accepted")).ToBeCheckedAsync();
        // Saving again (another change) keeps the gate the page shows.
        await settings.Field(settings.StageRow("qualify"), "Probability %").FillAsync("25");
        await settings.Button(pipeline, "Save").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync("Saved (version");

        var saved = JsonDocument.Parse(await (await settings.Page.APIRequest.GetAsync(new Uri(host.BaseAddress, "/api/admin/pipeline").ToString())).TextAsync());
        var proposal = saved.RootElement.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "proposal");
        Assert.Contains("quoteAccepted", proposal.GetProperty("exitCriteria").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task ThePageIsInChineseWithChineseProblems()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host, locale: "zh-CN", path: "/settings?lang=zh");
        await settings.ReadyAsync();

        await Expect(settings.Page.Locator("#title")).ToHaveTextAsync("设置");
        await Expect(settings.Page.Locator("#nav a")).ToHaveTextAsync(["人员", "配额", "销售流程", "培育", "获取", "审计日志", "产品"]);
        await Expect(settings.Section("people").GetByRole(AriaRole.Button, new() { Name = "从 Entra 同步" })).ToBeVisibleAsync();
        var pipeline = settings.Section("pipeline");
        await settings.Field(settings.StageRow("qualify"), "概率 %").FillAsync("150");
        await settings.Button(pipeline, "保存").ClickAsync();
        await Expect(settings.Status("pipeline")).ToContainTextAsync("未保存");
        await Expect(settings.StageRow("qualify").Locator(".problem")).ToHaveCountAsync(1);
        var problem = await settings.StageRow("qualify").Locator(".problem").TextContentAsync() ?? "";
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem);
        Assert.Empty(settings.ConsoleErrors);
    }

    [Fact]
    public async Task ARepWithoutTheAdminRoleSeesTheAdminsOnlyMessageAndNoSettings()
    {
        await using var host = await AddinHost.StartAsync();
        await using var settings = await SettingsPage.OpenAsync(browser, host, admin: false);

        await Expect(settings.Page.Locator("#admins-only")).ToContainTextAsync("Admins only");
        await Expect(settings.Page.Locator("#admins-only")).ToContainTextAsync("Only CRM administrators can change these settings.");
        await Expect(settings.Page.Locator("section[id^='section-']")).ToHaveCountAsync(0);
        await Expect(settings.Page.Locator("#status")).ToHaveTextAsync("");

        await using var chinese = await SettingsPage.OpenAsync(browser, host, admin: false, locale: "zh-CN", path: "/settings?lang=zh");
        await Expect(chinese.Page.Locator("#admins-only")).ToContainTextAsync("仅限管理员");
    }
}

using Collaboration.Domain.Pipeline;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>What a rep sees: the CRM bot in the Agents Playground's web UI, in Chromium.</summary>
public sealed class PlaygroundWebChatTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    [Fact]
    public async Task ARepTypesInThePlaygroundAndAdvancesADealByPressingTheCardsButtons()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var chat = await PlaygroundWebChat.OpenAsync(browser.Browser, fixture.Playground.BaseAddress.ToString());

        await chat.TypeAsync("help");
        await chat.ExpectMessageAsync("my deals");

        await chat.TypeAsync("new deal Tailspin <b>Toys</b> 40 seats 90000 close 2027-06-30");
        var created = await chat.CardContainingAsync("Deal created.");
        await Expect(created).ToContainTextAsync("Tailspin <b>Toys</b> 40 seats");

        await chat.TypeAsync("my deals");
        var list = await chat.CardContainingAsync("Your open deals");
        await list.Locator("button[title=Open]").ClickAsync();
        var deal = await chat.PinAsync(await chat.CardContainingAsync("Advance to"));
        await Expect(deal).ToContainTextAsync("Tailspin <b>Toys</b> 40 seats");
        await deal.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Advance to") }).ClickAsync();
        // The card is replaced in place by the moved deal's card, which now offers the stage after Qualify.
        await Expect(deal.GetByRole(AriaRole.Button, new() { Name = $"Advance to {PipelineSettings.Default.For(Stage.Nurture).Name}" }))
            .ToBeVisibleAsync();

        var prompt = await chat.CardContainingAsync("Let's qualify");
        await prompt.GetByLabel("Budget amount").FillAsync("120k");
        await prompt.GetByLabel("Decision maker").FillAsync("Wang Fang");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await chat.CardContainingAsync("Qualification saved.");
    }
}

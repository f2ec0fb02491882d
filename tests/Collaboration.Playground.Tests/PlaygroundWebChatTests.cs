using Collaboration.Domain.Pipeline;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>What a rep sees: the CRM bot in the Agents Playground's web UI, in Chromium.</summary>
public sealed class PlaygroundWebChatTests(CrmBotPlaygroundFixture fixture) : IClassFixture<CrmBotPlaygroundFixture>
{
    [Fact]
    public async Task ARepTypesInThePlaygroundsWebChatAndQualifiesAdvancesAndWinsADealByTheCardsButtons()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var chat = await PlaygroundWebChat.OpenAsync(browser.Browser, fixture.Playground.BaseAddress.ToString());

        await chat.TypeAsync("help");
        await chat.ExpectMessageAsync("my deals");

        await chat.TypeAsync("new deal Tailspin <b>Toys</b> 40 seats 90000 close 2027-06-30");
        var created = await chat.CardContainingAsync("Deal created.");
        await Expect(created).ToContainTextAsync("Tailspin <b>Toys</b> 40 seats");

        await chat.TypeAsync("my deals");
        var deal = await chat.PinAsync(await chat.CardContainingAsync("Your open deals"));
        await deal.Locator("button[title=Open]").ClickAsync();
        await Expect(deal.Locator("button[title^='Advance to']")).ToBeVisibleAsync();
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

        // The deal card was drawn before the qualification was saved: its first click changes nothing and redraws it
        // with what changed since; on the fresh card, Close won closes the deal and asks the owner for the retrospective.
        await deal.Locator("button[title='Close won']").First.ClickAsync();
        await deal.Locator("button[title='Close won']").Last.ClickAsync();
        await Expect(deal).ToContainTextAsync("This deal changed since this card was shown; nothing was changed by your click.");
        await Expect(deal).ToContainTextAsync("Decision maker: — → Wang Fang");
        await deal.Locator("button[title='Close won']").First.ClickAsync();
        await deal.Locator("button[title='Close won']").Last.ClickAsync();
        // Half qualified: the card says what is missing and offers to move anyway, with a reason.
        await Expect(deal).ToContainTextAsync("The qualification score is 37, below the required 50. Missing: budget status, need, timeline.");
        await deal.GetByLabel("Reason to override").FillAsync("Signed at the trade show");
        await deal.Locator("button[title^='Move anyway']").ClickAsync();
        await Expect(deal).ToContainTextAsync(new System.Text.RegularExpressions.Regex($@"Stage\s*{PipelineSettings.Default.For(Stage.Won).Name}"));
        await chat.CardContainingAsync("What won Tailspin <b>Toys</b> 40 seats?");
    }
}

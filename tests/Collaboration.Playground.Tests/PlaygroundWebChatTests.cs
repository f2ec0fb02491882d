using System.Text.RegularExpressions;
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
        await (await chat.CardContainingAsync("Your open deals")).Locator("button[title=Open]").ClickAsync();
        var opened = chat.CardWithButton($"Advance to {Name(Stage.Qualify)}");
        await Expect(opened).ToContainTextAsync("Tailspin <b>Toys</b> 40 seats");
        await opened.Locator("button[title^='Advance to']").ClickAsync();
        // The card is redrawn in place as the moved deal's card, which now offers the stage after Qualify.
        var moved = chat.Cards.Filter(new() { HasText = $"Moved to {Name(Stage.Qualify)}." }).Last;
        await Expect(moved.Locator($"button[title='Advance to {Name(Stage.Nurture)}']")).ToBeVisibleAsync();

        var prompt = await chat.CardContainingAsync("Let's qualify");
        await prompt.GetByLabel("Budget amount").FillAsync("120k");
        await prompt.GetByLabel("Decision maker").FillAsync("Wang Fang");
        await prompt.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await chat.CardContainingAsync("Qualification saved.");

        // The moved card was drawn before the qualification was saved: its first click changes nothing and redraws it
        // with what changed since; on the fresh card, Close won meets the qualification gate, and a reason moves it anyway.
        await moved.Locator("button[title='Close won']").First.ClickAsync();
        await moved.Locator("button[title='Close won']").Last.ClickAsync();
        var stale = await chat.CardContainingAsync("This deal changed since this card was shown; nothing was changed by your click.");
        await Expect(stale).ToContainTextAsync("Decision maker: — → Wang Fang");
        await stale.Locator("button[title='Close won']").First.ClickAsync();
        await stale.Locator("button[title='Close won']").Last.ClickAsync();
        var gated = await chat.CardContainingAsync("The qualification score is 37, below the required 50. Missing: budget status, need, timeline.");
        await gated.GetByLabel("Reason to override").FillAsync("Signed at the trade show");
        await gated.Locator("button[title^='Move anyway']").ClickAsync();
        await Expect(chat.Cards.Filter(new() { HasTextRegex = new Regex($@"Stage\s*{Name(Stage.Won)}") }).Last).ToContainTextAsync("Tailspin <b>Toys</b> 40 seats");
        await chat.CardContainingAsync("What won Tailspin <b>Toys</b> 40 seats?");
    }

    private static string Name(Stage stage) => PipelineSettings.Default.For(stage).Name;
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The Agents Playground's own web UI (Bot Framework Web Chat inside Fluent UI), used as a rep uses it: open the
/// personal chat, type into the compose box, read the bot's messages and press the buttons of its Adaptive Cards.
/// The page only shows what arrives while it is open, so a test opens it before it starts chatting.
/// </summary>
public sealed class PlaygroundWebChat(IPage page)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public IPage Page => page;

    private ILocator ComposeBox => page.Locator("div[role=textbox][data-lexical-editor=true]");

    /// <summary>The cards of an Action.ShowCard are Adaptive Cards nested in the card that holds them.</summary>
    private const string MessageCard = ".ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)";

    /// <summary>The Adaptive Cards the bot has sent into the open chat, oldest first.</summary>
    public ILocator Cards => page.Locator(MessageCard);

    public static async Task<PlaygroundWebChat> OpenAsync(IBrowser browser, string playgroundUrl)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(playgroundUrl);
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat", Exact = true }).ClickAsync();
        var chat = new PlaygroundWebChat(page);
        await Expect(chat.ComposeBox).ToBeVisibleAsync();
        return chat;
    }

    public async Task TypeAsync(string text)
    {
        await ComposeBox.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The newest card whose text contains <paramref name="text"/>, once it is shown.</summary>
    public async Task<ILocator> CardContainingAsync(string text)
    {
        var card = Cards.Filter(new() { HasText = text }).Last;
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return card;
    }

    /// <summary>
    /// The card <paramref name="card"/> points at now, by its place in the chat: a card answered by the bot is redrawn
    /// in place, and new messages only append, so the place keeps pointing at it while its text changes.
    /// </summary>
    public async Task<ILocator> PinAsync(ILocator card)
    {
        // Counted by Playwright's own selector engine, the one Cards.Nth uses.
        var target = await card.ElementHandleAsync();
        var index = await Cards.EvaluateAllAsync<int>("(cards, target) => cards.indexOf(target)", target);
        if (index < 0) throw new InvalidOperationException("The card is not in the chat.");
        return Cards.Nth(index);
    }

    public async Task ExpectMessageAsync(string text) =>
        await Expect(page.GetByText(text, new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
}

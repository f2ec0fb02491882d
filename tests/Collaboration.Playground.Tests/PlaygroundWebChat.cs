using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The Agents Playground's own web UI (Bot Framework Web Chat inside Fluent UI), used as a rep uses it: open the
/// personal chat, type into the compose box, read the bot's messages and press the buttons of its Adaptive Cards.
/// The page only shows what arrives while it is open, so a test opens it before it starts chatting. A card answered by
/// the bot is redrawn in place and a late message may be inserted above others, so tests find cards by what they say.
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

    /// <summary>The newest card that holds a button whose title starts with <paramref name="title"/>.</summary>
    public ILocator CardWithButton(string title) => Cards.Filter(new() { Has = page.Locator($"button[title^='{title}']") }).Last;

    public async Task ExpectMessageAsync(string text) =>
        await Expect(page.GetByText(text, new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });

    public Task ScreenshotAsync(string path) => page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
}

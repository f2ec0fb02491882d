using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>Debian's chromium, headless, through Playwright; the default wait of expectations raised for a loaded machine.</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(PlaygroundWebChat.ChromiumPath)) throw new InvalidOperationException($"This test needs Debian's chromium at {PlaygroundWebChat.ChromiumPath}.");
        SetDefaultExpectTimeout(20_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PlaygroundWebChat.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new HeadlessChromium(playwright, browser);
    }

    public IBrowser Browser => _browser;

    public Task<IPage> NewPageAsync(BrowserNewPageOptions options) => _browser.NewPageAsync(options);

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}

using System.Text.Json;
using Microsoft.Playwright;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>One Debian chromium for the whole test run (Playwright never downloads a browser here).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ChromiumPath}: apt-get install -y chromium.");
        }
        // The full suite runs test assemblies in parallel on two shared cores: give the pane time, not flakiness.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A mailbox item the Office.js stub hands to the pane.</summary>
public sealed record MailItem(
    MailAddress From, string Subject, string BodyHtml, string InternetMessageId, string ConversationId, string ItemId,
    IReadOnlyList<MailAddress> To, IReadOnlyList<MailAddress> Cc, int BodyPadding = 0)
{
    public static MailItem Of(string address, string name, string subject = "Pricing for 50 seats",
        string bodyHtml = "<p>Hi, could you send pricing for 50 seats?</p>", int bodyPadding = 0) =>
        new(new MailAddress(name, address), subject, bodyHtml, $"<{Guid.NewGuid():N}@mail.example>", Guid.NewGuid().ToString("N"),
            "AAMkAD" + Guid.NewGuid().ToString("N"), [new MailAddress("Alex Wilber", "alex.wilber@collaboration.demo")], [], bodyPadding);
}

public sealed record MailAddress(string DisplayName, string EmailAddress);

/// <summary>A message being written (compose mode); <paramref name="NoInternetHeaders"/>: an Outlook older than Mailbox 1.8.</summary>
public sealed record ComposeItem(string Subject, IReadOnlyList<MailAddress> To, IReadOnlyList<MailAddress> Cc, bool NoInternetHeaders = false)
{
    public string Kind => "compose";
}

/// <summary>An appointment: the attendee's copy ("appointment") or the organizer's ("appointmentOrganizer").</summary>
public sealed record AppointmentItem(
    string Kind, string Subject, DateTimeOffset Start, DateTimeOffset End, string Location, MailAddress? Organizer,
    IReadOnlyList<MailAddress> RequiredAttendees, IReadOnlyList<MailAddress> OptionalAttendees);

/// <summary>The task pane in chromium, served by the real backend, with Office.js replaced by a stub.</summary>
public sealed class Pane : IAsyncDisposable
{
    private static readonly JsonSerializerOptions StubJson = new(JsonSerializerDefaults.Web);
    private readonly IBrowserContext _context;

    private Pane(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Messages of alert/confirm/prompt dialogs: any is a script from an email that ran.</summary>
    public List<string> Dialogs { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    /// <param name="item">A <see cref="MailItem"/>, or a compose or appointment item (<see cref="ComposeItem"/>, <see cref="AppointmentItem"/>).</param>
    /// <param name="accessToken">What Office SSO hands the pane (null: no SSO, as outside Office).</param>
    public static async Task<Pane> OpenAsync(BrowserFixture browser, AddinHost host, object? item, string displayLanguage = "en-US",
        Func<IPage, Task>? beforeLoad = null, int width = 360, string? accessToken = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 860 },
            Locale = displayLanguage,
        });
        var page = await context.NewPageAsync();
        var pane = new Pane(context, page);
        page.Dialog += async (_, dialog) =>
        {
            pane.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error") pane.ConsoleErrors.Add(message.Text);
        };
        var stub = $"window.__officeConfig = {JsonSerializer.Serialize(new { displayLanguage, item, accessToken }, StubJson)};\n"
            + await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "office-stub.js"));
        await page.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript; charset=utf-8",
            Body = stub,
        }));
        if (beforeLoad is not null) await beforeLoad(page);
        await page.GotoAsync(new Uri(host.BaseAddress, "/taskpane.html").ToString());
        return pane;
    }

    /// <summary>What a pinned pane sees when the user selects another message (or none): ItemChanged.</summary>
    public Task SelectAsync(MailItem? item) =>
        Page.EvaluateAsync("json => window.__office.select(JSON.parse(json))", JsonSerializer.Serialize(item, StubJson));

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    public ILocator TestId(string id) => Page.GetByTestId(id);

    public ILocator Status => Page.Locator("#status");

    public ILocator Alert => Page.Locator("#alert");

    /// <summary>Writes a PNG to COLLAB_SCREENSHOTS_DIR (how docs/screenshots is refreshed) or beside the test binaries.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("COLLAB_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

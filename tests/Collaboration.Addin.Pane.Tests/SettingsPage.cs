using Collaboration.Application.DemoData;
using Collaboration.Application.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The Settings page in chromium against the real backend, signed in (development sign-in) as an admin or a rep.</summary>
public sealed class SettingsPage : IAsyncDisposable
{
    public const string Tenant = DemoDataSeeder.TenantId;

    /// <summary>People a fresh tenant has once they signed in (or were synced): object id, name, email.</summary>
    public static readonly (string Id, string Name, string Email)[] People =
    [
        ("megan-id", "Megan Bowen", "megan@contoso.example"),
        ("lee-id", "Lee Gu", "lee@contoso.example"),
        ("nestor-id", "Nestor Wilke", "nestor@contoso.example"),
        ("diego-id", "Diego Siciliani", "diego@contoso.example"),
    ];

    private readonly IBrowserContext _context;

    private SettingsPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public static async Task SeedPeopleAsync(AddinHost host)
    {
        var directory = host.Services.GetRequiredService<UserDirectory>();
        foreach (var (id, name, email) in People)
        {
            await directory.EnsureAsync(new UserProfile(Tenant, id, name, email, "en-US", "UTC"));
        }
    }

    public static async Task<SettingsPage> OpenAsync(BrowserFixture browser, AddinHost host, bool admin = true, string locale = "en-US",
        string path = "/settings")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = admin ? new Dictionary<string, string> { ["X-Dev-Roles"] = "Crm.Admin" } : null,
        });
        var page = await context.NewPageAsync();
        var settings = new SettingsPage(context, page);
        // A refused request (422) is logged by chromium itself; only script errors count.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) settings.ConsoleErrors.Add(message.Text);
        };
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        return settings;
    }

    public async Task ReadyAsync() => await Expect(Page.Locator("body[data-ready='true']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

    public ILocator Section(string key) => Page.Locator($"#section-{key}");

    public ILocator Button(ILocator within, string name) => within.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Field(ILocator within, string label) => within.GetByLabel(label, new() { Exact = true });

    public ILocator Status(string key) => Section(key).Locator("p.status");

    public ILocator StageRow(string key) => Section("pipeline").Locator($"tr[data-stage='{key}']");

    public async Task ScreenshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("COLLAB_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // The top of the page (people and quotas): the whole page is several screens tall.
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>What the Teams stand-in answers to the tab's n-th <c>authentication.getAuthToken</c> (1-based).</summary>
public sealed record TeamsToken(bool Given, string Value)
{
    public static TeamsToken Of(string token) => new(true, token);

    /// <summary>Teams could not get a token (the reason is what teams-js rejects with).</summary>
    public static TeamsToken Refused(string reason) => new(false, reason);
}

/// <summary>
/// A stand-in for the Teams web client at https://teams.microsoft.com: Kestrel on 127.0.0.1 with a self-signed certificate,
/// reached by a chromium whose resolver maps that name there, so the tab sees exactly Teams' origin and its own
/// frame-ancestors policy and teams-js's list of valid host origins apply unchanged. Its page (teams-host.js) frames the
/// tab and answers teams-js's messages; the tokens it hands out come from <see cref="Tokens"/>.
/// </summary>
public sealed class TeamsClientFixture : IAsyncLifetime
{
    public const string Origin = "https://teams.microsoft.com";

    private LoopbackServer? _server;
    private X509Certificate2? _certificate;
    private IPlaywright? _playwright;
    private int _tokenRequests;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The token for the n-th request; set by each test before it opens the tab.</summary>
    public Func<int, TeamsToken> Tokens { get; set; } = _ => TeamsToken.Refused("No token configured.");

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public async Task InitializeAsync()
    {
        _certificate = CreateCertificate();
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "teams-host.js"));
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/", () => Results.Content(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Microsoft Teams</title>"
                + "<style>body{margin:0}iframe{width:1280px;height:900px;border:0;display:block}</style></head>"
                + "<body><script src=\"/teams-host.js\"></script></body></html>", "text/html; charset=utf-8"));
            app.MapGet("/teams-host.js", () => Results.Content(script, "text/javascript; charset=utf-8"));
            app.MapPost("/token", () =>
            {
                var token = Tokens(Interlocked.Increment(ref _tokenRequests));
                return token.Given ? Results.Text(token.Value) : Results.Text(token.Value, statusCode: StatusCodes.Status400BadRequest);
            });
        }, _certificate);
        var port = new Uri(_server.HttpsBaseUrl!).Port;

        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", $"--host-resolver-rules=MAP teams.microsoft.com 127.0.0.1:{port}",
            ],
        });
    }

    /// <summary>
    /// Opens Teams with the dashboard as its tab for the given user. The browser's own language is English whatever
    /// the Teams locale, so a Chinese tab can only come from Teams' context.
    /// </summary>
    public async Task<TeamsTab> OpenAsync(Uri dashboard, string locale = "en-us", string theme = "default", string? tenantId = null, string? objectId = null)
    {
        Interlocked.Exchange(ref _tokenRequests, 0);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1300, Height = 950 },
            // Only this fixture's self-signed https://teams.microsoft.com is met; the tab itself is plain http on loopback.
            IgnoreHTTPSErrors = true,
        });
        var page = await context.NewPageAsync();
        var tab = new TeamsTab(context, page);
        page.Console += (_, message) => { if (message.Type == "error") tab.ConsoleErrors.Add(message.Text); };
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(dashboard.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                lock (tab.Requests) tab.Requests.Add((request.Url, request.Headers.GetValueOrDefault("authorization")));
            }
        };
        var query = $"?tab={Uri.EscapeDataString(dashboard.ToString())}&locale={Uri.EscapeDataString(locale)}&theme={theme}"
            + $"&tid={Uri.EscapeDataString(tenantId ?? "")}&oid={Uri.EscapeDataString(objectId ?? "")}";
        await page.GotoAsync(Origin + "/" + query);
        return tab;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        _certificate?.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=teams.microsoft.com", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("teams.microsoft.com");
        request.CertificateExtensions.Add(san.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}

/// <summary>Teams in a browser page with the dashboard in its tab frame.</summary>
public sealed class TeamsTab(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>The dashboard inside Teams' frame.</summary>
    public IFrameLocator Tab => Page.FrameLocator("#tab");

    /// <summary>Every request to the backend: URL and Authorization header.</summary>
    public List<(string Url, string? Authorization)> Requests { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>The funcs the tab sent to Teams, in order.</summary>
    public Task<string[]> HostRequestsAsync() => Page.EvaluateAsync<string[]>("() => window.teamsHost.requests");

    public Task SetThemeAsync(string theme) => Page.EvaluateAsync("theme => window.teamsHost.setTheme(theme)", theme);

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

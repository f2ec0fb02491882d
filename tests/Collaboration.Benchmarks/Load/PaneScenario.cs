using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;

namespace Collaboration.Benchmarks.Load;

public sealed record PaneResult(List<double> Samples)
{
    public double P50 => At(0.50);
    public double P99 => At(0.99);
    public double Max => Samples.Count == 0 ? double.NaN : Samples.Max();

    private double At(double q)
    {
        if (Samples.Count == 0) return double.NaN;
        var sorted = Samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * q) - 1)];
    }
}

public sealed record PaneSize(List<(string Path, long Raw, long Gzip)> Files);

/// <summary>
/// The Outlook task pane's first render in headless Debian chromium against the real backend: navigation start to the
/// first frame showing the sender and the "Create opportunity" button. Uses the pane tests' launch arguments and
/// their Office.js stub; never downloads a browser.
/// </summary>
public static class PaneScenario
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Runs before the page's own scripts: resolves once both are visible, stamped at the next animation frame
    // (performance.now() counts from navigation start).
    private const string Probe = """
        (() => {
          const visible = el => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
          const ready = () => {
            const name = document.querySelector('[data-testid="sender-name"]');
            const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Create opportunity');
            return visible(name) && name.textContent.trim().length > 0 && visible(button);
          };
          const check = () => {
            if (window.__paneReady !== undefined || !ready()) return;
            window.__paneReady = -1;
            requestAnimationFrame(() => { window.__paneReady = performance.now(); });
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    public static async Task<(List<(string Name, PaneResult Result)>, PaneSize)> RunAsync(HttpClient http, string baseUrl, int runs, TextWriter log)
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"The pane scenario needs Debian's chromium at {ChromiumPath}.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        var stubSource = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "office-stub.js"));
        var url = baseUrl + "/taskpane.html";

        async Task<IBrowserContext> NewContextAsync(int n)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 860 }, Locale = "en-US" });
            var item = new
            {
                from = new { displayName = $"Li Wei {n}", emailAddress = $"li.wei{n}@contoso-buyer{n}.com" },
                to = new[] { new { displayName = "Alex Wilber", emailAddress = "alex.wilber@collaboration.demo" } },
                cc = Array.Empty<object>(),
                subject = "Pricing for 50 seats",
                bodyHtml = "<p>Hi, could you send pricing for 50 seats?</p>",
                internetMessageId = $"<{Guid.NewGuid():N}@mail.example>",
                conversationId = Guid.NewGuid().ToString("N"),
                itemId = "AAMkAD" + Guid.NewGuid().ToString("N"),
            };
            var stub = $"window.__officeConfig = {JsonSerializer.Serialize(new { displayLanguage = "en-US", item })};\n" + stubSource;
            await context.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/javascript; charset=utf-8",
                Body = stub,
            }));
            await context.AddInitScriptAsync(Probe);
            return context;
        }

        static async Task<double> MeasureAsync(IPage page, Func<Task> navigate)
        {
            await navigate();
            await page.WaitForFunctionAsync("() => window.__paneReady > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            return await page.EvaluateAsync<double>("() => window.__paneReady");
        }

        // The very first load also pays the backend's and chromium's first-request costs: reported apart, not in "cold".
        double first;
        var loaded = new List<string>();
        await using (var context = await NewContextAsync(-1))
        {
            var page = await context.NewPageAsync();
            page.Response += (_, response) =>
            {
                var path = new Uri(response.Url).AbsolutePath;
                if (response.Url.StartsWith(baseUrl, StringComparison.Ordinal) && (path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".html", StringComparison.Ordinal)))
                {
                    lock (loaded) loaded.Add(path);
                }
            };
            first = await MeasureAsync(page, () => page.GotoAsync(url));
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pane: first load after start {first:F0} ms"));

        var cold = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            await using var context = await NewContextAsync(i);
            var page = await context.NewPageAsync();
            cold.Add(await MeasureAsync(page, () => page.GotoAsync(url)));
        }
        var warm = new List<double>();
        await using (var context = await NewContextAsync(1000))
        {
            var page = await context.NewPageAsync();
            await MeasureAsync(page, () => page.GotoAsync(url));
            for (var i = 0; i < runs; i++) warm.Add(await MeasureAsync(page, () => page.ReloadAsync()));
        }
        var results = new List<(string, PaneResult)>
        {
            ("first load after backend start", new PaneResult([first])),
            ("cold (new browser context, empty cache)", new PaneResult(cold)),
            ("warm (same context, reload)", new PaneResult(warm)),
        };
        foreach (var (name, r) in results) log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pane {name}: p50 {r.P50:F0} ms p99 {r.P99:F0} ms"));
        return (results, await SizeAsync(http, baseUrl, loaded.Distinct().ToList()));
    }

    /// <summary>What the first render pulled from the backend (HTML, JS, CSS), raw and gzipped (smallest size level).</summary>
    private static async Task<PaneSize> SizeAsync(HttpClient http, string baseUrl, List<string> paths)
    {
        var files = new List<(string, long, long)>();
        foreach (var path in paths)
        {
            var bytes = await http.GetByteArrayAsync(baseUrl + path);
            using var gz = new MemoryStream();
            await using (var zip = new GZipStream(gz, CompressionLevel.SmallestSize, leaveOpen: true)) await zip.WriteAsync(bytes);
            files.Add((path, bytes.LongLength, gz.Length));
        }
        return new PaneSize(files);
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using Collaboration.Application.DemoData;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Addin.Try;

/// <summary>
/// What a newcomer opens after <c>./run.sh</c>: a landing page at <c>/</c> listing every address, and (in Development
/// only) <c>/try</c>, the real task pane framed beside a sample inbox, with the Office.js stand-in
/// (<c>wwwroot/try/office-stub.js</c>) in place of Outlook. In Development with demo data and <c>Playground:Url</c>, the
/// demo tenant's notifications go to that Agents Playground.
/// </summary>
public static class TryEndpoints
{
    /// <summary>Where the Microsoft 365 Agents Playground runs (its web UI; its connector is <c>{url}/_connector</c>).</summary>
    public const string PlaygroundUrlSetting = "Playground:Url";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private const string OfficeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    /// <summary>Registers the landing page and, in Development, <c>/try</c>; call before the task pane's static files.</summary>
    public static async Task UseTryItAsync(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        var playgroundUrl = PlaygroundUrl(app.Configuration);
        if (development && playgroundUrl is not null && app.Configuration.GetValue<bool>("DemoData:Seed"))
        {
            var demo = ActivatorUtilities.CreateInstance<DemoPlayground>(app.Services);
            await demo.ConnectAsync(playgroundUrl + "/_connector");
            await demo.EnsureLoggedThreadAsync();
            app.Logger.LogInformation("Demo notifications go to the Agents Playground at {Url}.", playgroundUrl);
        }

        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/try")) return next(context);
            if (!development)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            // Runs after the task pane's headers are set: the sample inbox frames the pane from this origin.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });

        app.MapGet("/", (HttpContext http) =>
        {
            var html = Landing(LandingLinks(development, playgroundUrl, new Uri($"{http.Request.Scheme}://{http.Request.Host}")));
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            return Results.Content(html, "text/html; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();

        if (!development) return;
        app.MapGet("/try", (IWebHostEnvironment environment) => WebRootFile(environment, "try/inbox.html"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/try/pane", (IWebHostEnvironment environment) => Results.Content(FramedPane(environment), "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/try/inbox.json", async (TimeProvider clock, CancellationToken ct) =>
        {
            var demo = ActivatorUtilities.CreateInstance<DemoPlayground>(app.Services);
            var thread = await demo.EnsureLoggedThreadAsync(ct);
            var chineseCustomer = await demo.ChineseCustomerAsync(ct);
            return TypedResults.Ok(SampleInbox.Build(thread, chineseCustomer, clock.GetUtcNow()));
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The addresses the landing page lists, in order: the same list <c>run.sh</c> prints.</summary>
    public static IReadOnlyList<LandingLink> LandingLinks(bool development, string? playgroundUrl, Uri self)
    {
        var links = new List<LandingLink>();
        if (development && playgroundUrl is not null)
        {
            links.Add(new LandingLink("Chat with the bot", "与机器人聊天", playgroundUrl));
        }
        if (development)
        {
            links.Add(new LandingLink("Outlook task pane with a sample inbox", "Outlook 任务窗格与示例收件箱", new Uri(self, "/try").ToString()));
        }
        links.Add(new LandingLink("Dashboard", "仪表板", new Uri(self, "/dashboard").ToString()));
        links.Add(new LandingLink("Settings", "设置", new Uri(self, "/settings").ToString()));
        return links;
    }

    private static string? PlaygroundUrl(IConfiguration configuration) =>
        configuration[PlaygroundUrlSetting] is { Length: > 0 } url ? url.TrimEnd('/') : null;

    private static string Landing(IReadOnlyList<LandingLink> links)
    {
        var items = new StringBuilder();
        foreach (var link in links)
        {
            var href = WebUtility.HtmlEncode(link.Url);
            items.Append(CultureInfo.InvariantCulture, $"""
                  <li><span class="what">{WebUtility.HtmlEncode(link.English)} · <span lang="zh-CN">{WebUtility.HtmlEncode(link.Chinese)}</span></span>
                    <a href="{href}">{href}</a></li>

                """);
        }
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Collaboration</title>
              <style>
                body { font-family: "Segoe UI", system-ui, "Microsoft YaHei", sans-serif; margin: 2.5rem auto; max-width: 46rem; padding: 0 1rem; color: #242424; }
                h1 { font-size: 1.6rem; margin-bottom: .25rem; }
                p { color: #616161; margin-top: 0; }
                ul { list-style: none; padding: 0; }
                li { border: 1px solid #e0e0e0; border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0; display: flex; flex-direction: column; gap: .25rem; }
                .what { font-weight: 600; }
                a { color: #0f6cbd; }
              </style>
            </head>
            <body>
              <h1>Collaboration</h1>
              <p>A CRM in Microsoft Teams and Outlook · 在 Microsoft Teams 和 Outlook 中使用的 CRM</p>
              <ul id="links">
            {{items}}  </ul>
            </body>
            </html>
            """;
    }

    private static IResult WebRootFile(IWebHostEnvironment environment, string path)
    {
        var info = environment.WebRootFileProvider.GetFileInfo(path);
        return info.Exists && info.PhysicalPath is not null
            ? Results.File(info.PhysicalPath, "text/html; charset=utf-8", lastModified: info.LastModified)
            : Results.NotFound();
    }

    /// <summary>The real task pane page, loading the Office.js stand-in instead of Office.js, with its files from the root.</summary>
    private static string FramedPane(IWebHostEnvironment environment)
    {
        var info = environment.WebRootFileProvider.GetFileInfo("taskpane.html");
        using var reader = new StreamReader(info.CreateReadStream());
        var html = reader.ReadToEnd();
        if (!html.Contains(OfficeJs, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"taskpane.html no longer loads {OfficeJs}; update the sample inbox's copy of the pane.");
        }
        return html.Replace(OfficeJs, "/try/office-stub.js", StringComparison.Ordinal)
            .Replace("href=\"taskpane.css\"", "href=\"/taskpane.css\"", StringComparison.Ordinal)
            .Replace("src=\"taskpane.js\"", "src=\"/taskpane.js\"", StringComparison.Ordinal);
    }
}

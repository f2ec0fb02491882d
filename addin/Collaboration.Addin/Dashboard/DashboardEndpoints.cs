using Microsoft.Net.Http.Headers;

namespace Collaboration.Addin.Dashboard;

/// <summary>
/// The pipeline dashboard: a static page at <c>/dashboard</c> with its module script and style sheet beside it, usable in
/// a browser and as a Teams tab (Teams SSO through <c>dashboard-teams.js</c>). Served under a Content-Security-Policy that
/// allows only this origin's script and styles (no inline script), data: images, fetches to this origin, and framing by
/// Teams, Outlook and Microsoft 365 only. The page itself is public; the reports it reads need the same sign-in as the rest
/// of the API.
/// </summary>
public static class DashboardEndpoints
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'none'; form-action 'none'; object-src 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft " +
        "https://*.office.com https://*.office365.com https://*.microsoft365.com https://*.skype.com";

    private static readonly (string Path, string File, string ContentType)[] Files =
    [
        ("/dashboard", "dashboard.html", "text/html; charset=utf-8"),
        ("/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
        ("/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
        // Built from addin/dashboard: Teams SSO, locale and theme, imported by dashboard.js only inside Teams.
        ("/dashboard-teams.js", "dashboard-teams.js", "text/javascript; charset=utf-8"),
        // The admins' Settings page (same sign-in, same Teams support): the page is public, every call behind it is admin-only.
        ("/settings", "settings.html", "text/html; charset=utf-8"),
        ("/settings.js", "settings.js", "text/javascript; charset=utf-8"),
        ("/settings.css", "settings.css", "text/css; charset=utf-8"),
        // One deal (the page Teams unfurls deal links from): the API behind it shows only a deal the rep may see.
        ("/deals/{id:guid}", "deal.html", "text/html; charset=utf-8"),
        ("/deal.js", "deal.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var environment = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        foreach (var (path, file, contentType) in Files)
        {
            app.MapGet(path, (HttpContext http) =>
            {
                var info = environment.WebRootFileProvider.GetFileInfo(file);
                if (!info.Exists || info.PhysicalPath is null) return Results.NotFound();
                var headers = http.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers[HeaderNames.CacheControl] = "no-cache";
                return Results.File(info.PhysicalPath, contentType, lastModified: info.LastModified, enableRangeProcessing: false);
            })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }
        return app;
    }
}

using Collaboration.Addin.Auth;
using Microsoft.Net.Http.Headers;

namespace Collaboration.Addin.TaskPane;

/// <summary>What the task pane needs to sign in: whether development sign-in is on, and the Entra app to ask a token for.</summary>
public sealed record PaneConfig(bool DevMode, string? ClientId, string? Authority, IReadOnlyList<string> Scopes);

/// <summary>
/// Serves the Outlook task pane (wwwroot/taskpane.html and the bundle the build writes beside it) with a strict
/// content security policy: scripts only from this host and Office.js's, never inline.
/// </summary>
public static class TaskPaneHosting
{
    public const string OfficeJsOrigin = "https://appsforoffice.microsoft.com";

    public static readonly string ContentSecurityPolicy = string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' {OfficeJsOrigin}",
        // Office.js adds style attributes to its own elements; no script can run from a style.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self' https://login.microsoftonline.com",
        $"frame-src {OfficeJsOrigin} https://login.microsoftonline.com",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        // Outlook on the web and the new Outlook (outlook.office.com, outlook.office365.com, outlook.cloud.microsoft) and the
        // Microsoft 365 app; not every page under microsoft.com or outlook.com (personal accounts cannot sign in anyway).
        "frame-ancestors 'self' https://*.office.com https://*.office365.com https://*.cloud.microsoft https://*.microsoft365.com");

    public static WebApplication UseTaskPane(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            }
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                // Chunks carry a content hash in their name; the entry files keep stable names and revalidate by ETag.
                file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Path.StartsWithSegments("/chunks")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
        app.MapGet("/api/config", (IConfiguration configuration) => TypedResults.Ok(Config(configuration)))
            .WithTags("Task pane")
            .WithName("PaneConfig")
            .AllowAnonymous();
        return app;
    }

    internal static PaneConfig Config(IConfiguration configuration)
    {
        if (AddinAuthentication.IsDevelopmentMode(configuration)) return new PaneConfig(true, null, null, []);
        var clientId = configuration["AzureAd:ClientId"]!;
        var audience = configuration["AzureAd:Audience"] is { Length: > 0 } a ? a : $"api://{clientId}";
        var instance = (configuration["AzureAd:Instance"] ?? "https://login.microsoftonline.com/").TrimEnd('/');
        var tenant = configuration["AzureAd:TenantId"] is { Length: > 0 } t ? t : "organizations";
        return new PaneConfig(false, clientId, $"{instance}/{tenant}", [$"{audience}/{AddinAuthentication.Scope}"]);
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Collaboration.Addin.Auth;
using Collaboration.Application.Capture;
using Collaboration.Domain.Capture;
using Collaboration.Domain.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace Collaboration.Addin.Capture;

/// <summary>
/// Public web-form submissions (anonymous, per-form CORS, honeypot, rate limits per client and form, daily caps per
/// tenant and email address, an optional CAPTCHA, size limit) and the admin's form management. A submission becomes
/// a captured deal through the same rules as every other channel.
/// </summary>
public static partial class WebFormEndpoints
{
    public const string Honeypot = "website";
    public const string RateLimitPolicy = "web-forms";
    private const string SubmitPrefix = "/api/capture/forms/";
    private static readonly string[] UtmFields = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

    public static WebApplicationBuilder AddWebForms(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("CaptureForms").Get<CaptureFormOptions>() ?? new CaptureFormOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddHttpClient(CaptchaVerifier.HttpClientName);
        builder.Services.AddSingleton<CaptchaVerifier>();
        builder.AddProxies();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client and per form, both fixed one-minute windows; anything else is not limited here. The client is the
            // forwarded one only behind a configured proxy (ForwardedHeaders:*), and an IPv6 client counts by its /64.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSubmission(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientPartition.Of(context.Connection.RemoteIpAddress), _ => Window(options.PerIpPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsSubmission(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("form:" + context.Request.Path.Value![SubmitPrefix.Length..], _ => Window(options.PerFormPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    private static bool IsSubmission(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api/capture/forms") && context.Request.Path.Value!.Length > SubmitPrefix.Length;

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    public static IEndpointRouteBuilder MapWebForms(this IEndpointRouteBuilder app)
    {
        var submit = app.MapGroup("/api/capture/forms").WithTags("Web forms").AllowAnonymous();

        submit.MapMethods("/{formKey}", [HttpMethods.Options], async (string formKey, HttpContext context, WebForms forms, CancellationToken ct) =>
        {
            var form = await forms.FindActiveAsync(formKey, ct);
            if (form is null) return Results.NotFound();
            var origin = context.Request.Headers.Origin.ToString();
            if (!form.AllowsOrigin(origin)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            AllowOrigin(context.Response, origin);
            context.Response.Headers.AccessControlAllowMethods = "POST";
            context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
            context.Response.Headers.AccessControlMaxAge = "600";
            return Results.NoContent();
        }).WithName("WebFormPreflight");

        submit.MapPost("/{formKey}", async (string formKey, HttpContext context, WebForms forms, CaptureFormOptions options, CaptchaVerifier captcha,
            ILoggerFactory logs, CancellationToken ct) =>
        {
            var form = await forms.FindActiveAsync(formKey, ct);
            if (form is null) return Results.NotFound();
            var origin = context.Request.Headers.Origin;
            // A browser always names the page's origin on a cross-site POST. A form limited to some sites therefore refuses a
            // request without one: that is a script posting directly, not a visitor of those sites.
            if (origin.Count == 0 && form.AllowedOrigins.Count > 0) return Results.StatusCode(StatusCodes.Status403Forbidden);
            if (origin.Count > 0)
            {
                if (!form.AllowsOrigin(origin.ToString())) return Results.StatusCode(StatusCodes.Status403Forbidden);
                AllowOrigin(context.Response, origin.ToString());
            }
            if (context.Request.ContentLength > options.MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var body = await ReadLimitedAsync(context.Request.Body, options.MaxBodyBytes, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            var fields = Parse(context.Request.ContentType, body);
            if (fields is null) return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);

            if (!string.IsNullOrWhiteSpace(Field(fields, Honeypot)))
            {
                // Looks accepted to the bot; counted so the admin can see the form is being probed.
                await forms.CountHoneypotAsync(form, ct);
                return Results.Ok(new { received = true });
            }
            var email = Field(fields, "email");
            try
            {
                EmailAddress.Normalize(email);
            }
            catch (DomainException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["An email address is required."] });
            }
            if (captcha.Enabled && !await captcha.VerifyAsync(captcha.TokenFrom(fields), context.Connection.RemoteIpAddress, ct))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: Localized(context.Request, "web.captcha_failed"));
            }
            if (await forms.DailyCapReachedAsync(form, email!, options.PerTenantPerDay, options.PerEmailPerDay, ct) is { } cap)
            {
                logs.CreateLogger("WebForms").LogWarning("Form {FormId}: the daily cap per {Cap} is reached; submission refused.", form.Id, cap);
                var wait = forms.UntilDailyCapsReset();
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: cap == DailyCap.Tenant
                    ? Localized(context.Request, "web.form_limit_site")
                    : Localized(context.Request, "web.form_limit_email"));
            }
            var name = Field(fields, "name") ?? JoinName(Field(fields, "first_name") ?? Field(fields, "firstName"), Field(fields, "last_name") ?? Field(fields, "lastName"));
            var utm = UtmFields.Select(k => (k, v: Field(fields, k))).Where(p => p.v is not null).ToDictionary(p => p.k, p => p.v!);
            var submission = new WebFormSubmission(form.Name, email!, name, Field(fields, "company"), Field(fields, "message"),
                Field(fields, "page") ?? context.Request.Headers.Referer.FirstOrDefault(), utm,
                Field(fields, "budget"), Field(fields, "timeline"), Field(fields, "country"), Field(fields, "phone"));
            var deal = await forms.SubmitAsync(form, submission, ct);
            logs.CreateLogger("WebForms").LogInformation("Form {FormId} captured deal {DealId}.", form.Id, deal.Id);
            return Results.Ok(new { received = true });
        }).WithName("SubmitWebForm").DisableAntiforgery();

        var admin = app.MapGroup("/api/admin/forms").WithTags("Web forms (admin)").RequireAuthorization(AddinAuthentication.RepPolicy);

        admin.MapPost("/", async (CreateFormRequest request, Admin caller, WebForms forms, CancellationToken ct) =>
        {
            var form = await forms.CreateAsync(caller.Rep.Actor, request.Name ?? "", request.AllowedOrigins ?? [], request.OwnerObjectId, ct);
            return TypedResults.Created($"/api/admin/forms/{form.Key}", FormView.From(form));
        }).WithName("CreateWebForm");

        admin.MapGet("/", async (Admin caller, WebForms forms, CancellationToken ct) =>
            TypedResults.Ok((await forms.ListAsync(caller.Rep.Actor, ct)).Select(FormView.From).ToList()))
            .WithName("ListWebForms");

        admin.MapDelete("/{key}", async (string key, Admin caller, WebForms forms, CancellationToken ct) =>
        {
            await forms.RevokeAsync(caller.Rep.Actor, key, ct);
            return TypedResults.NoContent();
        }).WithName("RevokeWebForm");

        admin.MapGet("/{key}/snippet", async (string key, Admin caller, WebForms forms, CaptureFormOptions options, HttpContext context, CancellationToken ct) =>
        {
            var form = await forms.GetAsync(caller.Rep.Actor, key, ct);
            var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? $"{context.Request.Scheme}://{context.Request.Host}" : options.PublicBaseUrl.TrimEnd('/');
            return Results.Content(Snippet(form, baseUrl), "text/html; charset=utf-8");
        }).WithName("WebFormSnippet");

        return app;
    }

    private static string Localized(HttpRequest request, string key) => ErrorMessages.Text(key, RequestLocale.Of(request));

    private static void AllowOrigin(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.Vary = "Origin";
    }

}

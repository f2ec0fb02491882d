using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace Collaboration.Addin.Auth;

/// <summary>
/// Entra bearer tokens for the task pane and the dashboard's Teams tab (scope <c>access_as_user</c>), or, in the Development
/// environment while no Entra app is configured (<c>AzureAd:ClientId</c> empty), a development identity for loopback callers
/// only. In any other environment a missing Entra app stops the host at start.
/// </summary>
public static class AddinAuthentication
{
    public const string Scope = "access_as_user";
    public const string RepPolicy = "rep";
    private const string EntraIssuerTemplate = "https://login.microsoftonline.com/{tenantid}/v2.0";
    private const string EntraV1IssuerTemplate = "https://sts.windows.net/{tenantid}/";

    /// <summary>The tenant of personal Microsoft accounts (outlook.com, hotmail.com): not an organisation, never a CRM tenant.</summary>
    public const string PersonalAccountsTenantId = "9188040d-6c67-4c5b-b112-36a304b66dad";

    /// <summary>The host names development sign-in answers to; any other Host header is a DNS-rebinding page or a proxy.</summary>
    private static readonly string[] LoopbackHostNames = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// True when no Entra app is configured. The host only starts like that in the Development environment
    /// (<see cref="AddAddinAuthentication"/> refuses otherwise), so this is also "development sign-in is on".
    /// </summary>
    public static bool IsDevelopmentMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    public static WebApplicationBuilder AddAddinAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (IsDevelopmentMode(builder.Configuration) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(MissingEntraSettings(builder.Configuration, builder.Environment.EnvironmentName));
        }
        if (IsDevelopmentMode(builder.Configuration))
        {
            services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);
        }
        else
        {
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme)
                .EnableTokenAcquisitionToCallDownstreamApi()
                .AddInMemoryTokenCaches();
            var environment = builder.Environment;
            var audiences = Audiences(builder.Configuration);
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                // Identity.Web accepts one audience per token version: the client id for v2 tokens, else api://{client id},
                // or only AzureAd:Audience once it is set. A Teams tab's v2 token (aud = client id) was then refused as soon
                // as AzureAd:Audience named the Application ID URI the manifest declares. Every name of this API is accepted.
                options.TokenValidationParameters.AudienceValidator = null;
                options.TokenValidationParameters.ValidAudiences = audiences;
                // Only a local Entra-shaped issuer on http://127.0.0.1 (the tests' own) is read without TLS, and never in
                // Production. Identity.Web's issuer validator fetches Entra metadata over https on its own; for that local
                // issuer it is given Entra's v2 and v1 issuer templates instead, so the token's tid is still checked against its iss.
                if (!environment.IsProduction() && IsLoopbackHttp(options.MetadataAddress ?? options.Authority))
                {
                    options.RequireHttpsMetadata = false;
                    options.TokenValidationParameters.ValidIssuers = [EntraIssuerTemplate, EntraV1IssuerTemplate];
                }
                // A multi-tenant app (TenantId "organizations" or "common") would otherwise take a personal account's token:
                // its tenant is shared by every outlook.com user, so it must never become a CRM tenant.
                options.Events ??= new JwtBearerEvents();
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    if (validated is not null) await validated(context);
                    if (context.Principal?.FindFirst(ClaimConstants.TenantId)?.Value is { } tid
                        && string.Equals(tid, PersonalAccountsTenantId, StringComparison.OrdinalIgnoreCase))
                    {
                        context.Fail("Personal Microsoft accounts cannot sign in: use a work or school account.");
                    }
                };
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(RepPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => HasScope(context.User, Scope)));
        services.AddSingleton<RepDirectory>();
        return builder;
    }

    /// <summary>
    /// The audiences a token for this API may name: the client id (what v2 tokens carry, whichever of the API's URIs the client
    /// asked for), <c>api://{client id}</c>, and <c>AzureAd:Audience</c> when set: the Application ID URI that the app manifest's
    /// <c>webApplicationInfo.resource</c> declares (<c>api://{host}/{client id}</c>), which Teams and Office ask tokens for and
    /// v1 tokens carry.
    /// </summary>
    public static IReadOnlyList<string> Audiences(IConfiguration configuration)
    {
        var clientId = configuration["AzureAd:ClientId"]?.Trim();
        if (string.IsNullOrEmpty(clientId)) return [];
        var configured = configuration["AzureAd:Audience"]?.Trim();
        return new[] { clientId, $"api://{clientId}", configured }.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static readonly string[] RequiredEntraSettings = ["AzureAd:ClientId", "AzureAd:TenantId", "AzureAd:Instance"];

    /// <summary>The Entra settings a host outside Development needs and lacks, named for the start-up error.</summary>
    internal static string MissingEntraSettings(IConfiguration configuration, string environmentName)
    {
        var missing = RequiredEntraSettings
            .Where(key => string.IsNullOrWhiteSpace(configuration[key]))
            .ToList();
        return $"The add-in backend needs an Entra app outside the Development environment (this is '{environmentName}'). " +
            $"Missing: {string.Join(", ", missing)}. Set them (see README, \"Register the Entra app\"), or set " +
            "ASPNETCORE_ENVIRONMENT=Development on a developer machine for development sign-in.";
    }

    public static void WarnIfDevelopmentMode(this WebApplication app)
    {
        if (IsDevelopmentMode(app.Configuration))
        {
            // Expected on a developer's machine (run.sh); anywhere else it is a misconfiguration worth a warning.
            app.Logger.Log(app.Environment.IsDevelopment() ? LogLevel.Information : LogLevel.Warning,
                "AzureAd:ClientId is empty: development sign-in is on (Development environment). Loopback callers on localhost act as " +
                "the user in the X-Dev-* headers (default: the demo rep, not an admin; X-Dev-Roles: Crm.Admin makes one); every other " +
                "caller gets 401. Configure AzureAd before exposing this host.");
        }
    }

    /// <summary>
    /// In development sign-in, any request whose Host is not localhost, 127.0.0.1 or [::1] answers 400: a page on another
    /// site whose name resolves to 127.0.0.1 (DNS rebinding) reads the API as same-origin otherwise, signed in as the demo rep.
    /// </summary>
    public static WebApplication UseDevelopmentSignInGuard(this WebApplication app)
    {
        if (!IsDevelopmentMode(app.Configuration)) return app;
        app.Use((context, next) =>
        {
            if (AllowsDevelopmentHost(context.Request.Host)) return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("Development sign-in answers to localhost, 127.0.0.1 and [::1] only.");
        });
        return app;
    }

    public static bool AllowsDevelopmentHost(HostString host) =>
        host.HasValue && LoopbackHostNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>The app roles the caller's token names (Entra's <c>roles</c> claim, or the development handler's).</summary>
    public static IReadOnlyList<string> Roles(ClaimsPrincipal user) =>
        user.FindAll(ClaimConstants.Roles).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Development sign-in trusts only the machine itself, and not a proxy on it: a request that a reverse proxy
    /// forwarded arrives from loopback too, so forwarding headers disqualify it.
    /// </summary>
    public static bool AllowsDevelopmentCaller(IPAddress? remote, IHeaderDictionary? headers = null) =>
        remote is not null && IPAddress.IsLoopback(remote)
        && (headers is null || !(headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Real-IP")));

    internal static bool IsLoopbackHttp(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;

    internal static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimConstants.Scp).Concat(user.FindAll(ClaimConstants.Scope))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}

using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;

namespace Collaboration.Addin.Auth;

/// <summary>
/// Entra bearer tokens for the task pane (scope <c>access_as_user</c>), or, while no Entra app is configured
/// (<c>AzureAd:ClientId</c> empty), a development identity for loopback callers only.
/// </summary>
public static class AddinAuthentication
{
    public const string Scope = "access_as_user";
    public const string RepPolicy = "rep";
    private const string EntraIssuerTemplate = "https://login.microsoftonline.com/{tenantid}/v2.0";

    public static bool IsDevelopmentMode(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);

    public static WebApplicationBuilder AddAddinAuthentication(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
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
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                // Only a local Entra-shaped issuer on http://127.0.0.1 (the tests' own) is read without TLS, and never in
                // Production. Identity.Web's issuer validator fetches Entra metadata over https on its own; for that local
                // issuer it is given Entra's issuer template instead, so the token's tid is still checked against its iss.
                if (!environment.IsProduction() && IsLoopbackHttp(options.MetadataAddress ?? options.Authority))
                {
                    options.RequireHttpsMetadata = false;
                    options.TokenValidationParameters.ValidIssuers = [EntraIssuerTemplate];
                }
            });
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(RepPolicy, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => HasScope(context.User, Scope)));
        services.AddSingleton<RepDirectory>();
        return builder;
    }

    public static void WarnIfDevelopmentMode(this WebApplication app)
    {
        if (IsDevelopmentMode(app.Configuration))
        {
            app.Logger.LogWarning(
                "AzureAd:ClientId is empty: development sign-in is on. Loopback callers act as the user in the X-Dev-* headers " +
                "(default: the demo rep); every other caller gets 401. Configure AzureAd before exposing this host.");
        }
    }

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

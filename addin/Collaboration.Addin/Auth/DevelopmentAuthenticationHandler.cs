using System.Security.Claims;
using System.Text.Encodings.Web;
using Collaboration.Application.DemoData;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace Collaboration.Addin.Auth;

/// <summary>
/// Signs loopback callers in as the X-Dev-* user while no Entra app is configured (Development only); refuses everyone else.
/// <c>X-Dev-Roles</c> (comma-separated) stands for the token's app roles, e.g. <c>Crm.Admin</c>.
/// </summary>
internal sealed class DevelopmentAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AddinAuthentication.AllowsDevelopmentCaller(Context.Connection.RemoteIpAddress, Request.Headers))
        {
            return Task.FromResult(AuthenticateResult.Fail("Development sign-in accepts direct loopback callers only."));
        }
        var headers = Request.Headers;
        string Header(string name, string fallback) => headers[name].FirstOrDefault() is { Length: > 0 } value ? value : fallback;
        var roles = headers["X-Dev-Roles"].SelectMany(v => (v ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var identity = new ClaimsIdentity(
        [
            .. roles.Select(role => new Claim(ClaimConstants.Roles, role)),
            new Claim(ClaimConstants.TenantId, Header("X-Dev-Tenant", DemoDataSeeder.TenantId)),
            new Claim(ClaimConstants.ObjectId, Header("X-Dev-User", DemoDataSeeder.DemoRepObjectId)),
            new Claim(ClaimConstants.Name, Header("X-Dev-Name", "Alex Wilber")),
            new Claim(ClaimConstants.PreferredUserName, Header("X-Dev-Email", "alex.wilber@collaboration.demo")),
            new Claim(ClaimConstants.Scp, AddinAuthentication.Scope),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

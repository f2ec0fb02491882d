using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Testing;

/// <summary>Token endpoint mode: client credentials over https at {HttpsBaseUrl}/{tenant}/oauth2/v2.0/token, as MSAL asks.</summary>
public sealed partial class LocalOpenIdIssuer
{
    private int _tokenRequests;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>What the token endpoint hands out.</summary>
    public string AccessToken { get; set; } = "local-access-token";

    /// <summary>The lifetime the token endpoint gives its access tokens (expires_in).</summary>
    public int AccessTokenSeconds { get; set; } = 3600;

    public List<IReadOnlyDictionary<string, string>> TokenRequestForms { get; } = [];

    private void MapTokenEndpoint(WebApplication app) =>
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var form = await context.Request.ReadFormAsync();
            lock (TokenRequestForms)
            {
                TokenRequestForms.Add(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            }

            return Results.Json(new { token_type = "Bearer", expires_in = AccessTokenSeconds, ext_expires_in = AccessTokenSeconds, access_token = AccessToken });
        });
}

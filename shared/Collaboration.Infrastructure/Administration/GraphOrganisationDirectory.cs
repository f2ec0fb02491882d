using Collaboration.Application.Administration;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Infrastructure.Administration;

/// <summary>Users through Microsoft Graph, app-only: <c>GET /users</c> page by page (@odata.nextLink), then each one's <c>/manager</c>.</summary>
public sealed class GraphOrganisationDirectory(GraphServiceClient graph, OrganisationSyncOptions options) : IOrganisationDirectory
{
    public const string HttpClientName = "OrganisationSync";

    /// <summary>The named client MSAL fetches the app-only token with.</summary>
    public const string TokenHttpClientName = "OrganisationSync.Token";

    public static GraphOrganisationDirectory Create(HttpClient http, IAccessTokenProvider tokens, OrganisationSyncOptions options) =>
        new(new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(tokens), options.GraphBaseUrl), options);

    public async Task<IReadOnlyList<DirectoryPerson>> ReadAsync(CancellationToken ct)
    {
        var people = new List<DirectoryPerson>();
        var page = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "displayName", "mail", "userPrincipalName", "department", "accountEnabled", "preferredLanguage"];
            r.QueryParameters.Top = 999;
        }, ct);
        while (page is not null)
        {
            foreach (var user in page.Value ?? [])
            {
                if (user.Id is null) continue;
                if (people.Count >= options.MaxPeople) return people;
                people.Add(new DirectoryPerson(user.Id, user.DisplayName ?? user.UserPrincipalName ?? user.Id, user.Mail ?? user.UserPrincipalName,
                    string.IsNullOrWhiteSpace(user.Department) ? null : user.Department, await ManagerAsync(user.Id, ct), user.AccountEnabled ?? true,
                    user.PreferredLanguage is { Length: > 0 and <= 35 } language ? language : null));
            }
            page = page.OdataNextLink is { } next ? await graph.Users.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }
        if (options.TeamGroups.Count == 0) return people;
        var teamOf = await GroupTeamsAsync(ct);
        return people.Select(p => teamOf.TryGetValue(p.ObjectId, out var team) ? p with { Department = team } : p).ToList();
    }

    /// <summary>Each configured group's members (page by page), as person id → team; the first listed group wins.</summary>
    private async Task<Dictionary<string, string>> GroupTeamsAsync(CancellationToken ct)
    {
        var teamOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (team, groupId) in options.TeamGroups)
        {
            var page = await graph.Groups[groupId].Members.GetAsync(r => r.QueryParameters.Select = ["id"], ct);
            var read = 0;
            while (page is not null && read < options.MaxPeople)
            {
                foreach (var member in page.Value ?? [])
                {
                    read++;
                    if (member.Id is { } id) teamOf.TryAdd(id, team);
                }
                page = page.OdataNextLink is { } next ? await graph.Groups[groupId].Members.WithUrl(next).GetAsync(cancellationToken: ct) : null;
            }
        }
        return teamOf;
    }

    private async Task<string?> ManagerAsync(string userId, CancellationToken ct)
    {
        try
        {
            return (await graph.Users[userId].Manager.GetAsync(cancellationToken: ct))?.Id;
        }
        catch (ODataError error) when (error.ResponseStatusCode == 404)
        {
            return null;
        }
    }
}

/// <summary>App-only tokens (client credentials) through MSAL, cached until shortly before they expire.</summary>
/// <remarks>MSAL's HTTP goes through the named client <see cref="GraphOrganisationDirectory.TokenHttpClientName"/> from DI, so its handler (proxy, trust) is configured in one place.</remarks>
internal sealed class OrganisationSyncToken : IAccessTokenProvider
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public OrganisationSyncToken(OrganisationSyncOptions options, IHttpClientFactory http)
    {
        if (string.IsNullOrEmpty(options.TenantId) || string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new InvalidOperationException("OrganisationSync:Enabled needs OrganisationSync:TenantId, ClientId and ClientSecret.");
        }
        var authority = new Uri(new Uri(options.Authority), options.TenantId);
        // Instance discovery and authority validation only know Microsoft's clouds; another authority (a sovereign or a
        // local one) is taken as configured. Its TLS certificate is still validated by the client's handler.
        var microsoft = authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        _app = ConfidentialClientApplicationBuilder.Create(options.ClientId).WithClientSecret(options.ClientSecret)
            .WithAuthority(authority.ToString(), validateAuthority: microsoft).WithInstanceDiscovery(microsoft)
            .WithHttpClientFactory(new NamedMsalHttpClient(http)).Build();
        _scopes = [options.Scope];
        AllowedHostsValidator = new AllowedHostsValidator([new Uri(options.GraphBaseUrl).Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        (await _app.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken)).AccessToken;

    private sealed class NamedMsalHttpClient(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(GraphOrganisationDirectory.TokenHttpClientName);
    }
}

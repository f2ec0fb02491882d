using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Collaboration.Application.Administration;
using Collaboration.Infrastructure.Administration;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HttpsIssuer = Collaboration.Testing.LocalOpenIdIssuer;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>
/// Entra for the organisation sync, on 127.0.0.1: the shared issuer's client-credentials endpoint over https (MSAL refuses
/// anything else) and a Graph-shaped /users with /manager (404: managers are set in Settings). The add-in's token client
/// trusts the issuer's certificate as its only root: the chain and the host name are validated, nothing is skipped.
/// </summary>
public sealed class LocalEntra : IAsyncDisposable
{
    public const string ClientId = "crm-sync-app";

    private readonly LocalGraph _graph;

    private LocalEntra(HttpsIssuer issuer, LocalGraph graph)
    {
        Issuer = issuer;
        _graph = graph;
    }

    public HttpsIssuer Issuer { get; }
    public string GraphBaseUrl => _graph.BaseUrl;

    /// <param name="people">Object id, name, email, preferred language (null: none set).</param>
    public static async Task<LocalEntra> StartAsync(IReadOnlyList<(string Id, string Name, string Email, string? Language)> people)
    {
        var issuer = await HttpsIssuer.StartAsync();
        var graph = await LocalGraph.StartAsync();
        graph.RequiredAuthorization = $"Bearer {issuer.AccessToken}";
        // No managers in the directory: they are set in Settings.
        graph.People.AddRange(people.Select(p => new Collaboration.Testing.DirectoryPerson(p.Id, null, null, PreferredLanguage: p.Language, DisplayName: p.Name, Mail: p.Email)));
        return new LocalEntra(issuer, graph);
    }
    /// <summary>The add-in's settings for a sync of <paramref name="tenantId"/> through this Entra.</summary>
    public Dictionary<string, string?> Settings(string tenantId) => new()
    {
        ["OrganisationSync:Enabled"] = "true",
        ["OrganisationSync:TenantId"] = tenantId,
        ["OrganisationSync:ClientId"] = ClientId,
        ["OrganisationSync:ClientSecret"] = "local-secret",
        ["OrganisationSync:Authority"] = Issuer.HttpsBaseUrl + "/",
        // The add-in's one Graph address (the sync's GraphBaseUrl gives way to it).
        ["Graph:BaseUrl"] = GraphBaseUrl,
    };

    /// <summary>The token client trusts this issuer's certificate as its one root (and no daily run: the test clicks the button).</summary>
    public void Trust(IServiceCollection services) => TrustOnly(Issuer)(services);

    /// <summary>The token client trusts only <paramref name="root"/>'s certificate (another issuer's: the sync must then fail).</summary>
    public static Action<IServiceCollection> TrustOnly(HttpsIssuer root) => services => TrustOnly(services, X509Certificate2.CreateFromPem(root.CertificatePem));

    private static void TrustOnly(IServiceCollection services, X509Certificate2 root)
    {
        services.AddHttpClient(GraphOrganisationDirectory.TokenHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    CustomTrustStore = { root },
                    RevocationMode = X509RevocationMode.NoCheck,
                },
            },
        });
        foreach (var daily in services.Where(d => d.ImplementationType == typeof(OrganisationSyncService)).ToList()) services.Remove(daily);
    }

    public async ValueTask DisposeAsync()
    {
        await _graph.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}

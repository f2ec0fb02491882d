using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>App-only Graph tokens for the shared mailbox (client credentials, no signed-in user).</summary>
public interface IAppTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

internal sealed class EntraAppTokenProvider(IServiceProvider services, SalesMailboxOptions options) : IAppTokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken ct)
    {
        var tokens = services.GetService<ITokenAcquisition>()
            ?? throw new InvalidOperationException("The sales mailbox needs an Entra app (AzureAd:*) with a client credential to read the mailbox.");
        return tokens.GetAccessTokenForAppAsync(options.Scope);
    }
}

internal sealed class AppAccessTokenProvider(IAppTokenProvider tokens, string baseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([new Uri(baseUrl).Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        tokens.GetTokenAsync(cancellationToken);
}

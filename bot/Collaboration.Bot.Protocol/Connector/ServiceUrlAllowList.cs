using Collaboration.Bot.Protocol.Authentication;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Connector;

/// <summary>
/// Where the bot may send its Connector token: the Teams and Bot Framework service hosts of the public and US
/// government clouds over https, the operator's <see cref="BotAuthenticationOptions.AllowedServiceUrls"/>, and
/// loopback addresses (http or https) only when the environment is Development. An activity with another serviceUrl
/// is refused before its handler runs, and the Connector client never calls one.
/// </summary>
public sealed class ServiceUrlAllowList
{
    /// <summary>Teams' Connector hosts: public (smba.trafficmanager.net/{region}/), GCC, GCC High and DoD.</summary>
    public static readonly IReadOnlyList<string> TeamsHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>Bot Framework channel services (Web Chat, Direct Line, ...): any host under these domains.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkDomains = ["botframework.com", "botframework.us", "botframework.azure.us"];

    private readonly List<Uri> _extra = [];
    private readonly bool _allowLoopback;

    public ServiceUrlAllowList(IOptions<BotAuthenticationOptions> options)
    {
        var settings = options.Value;
        _allowLoopback = settings.IsDevelopmentEnvironment;
        foreach (var entry in settings.AllowedServiceUrls)
        {
            if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query)
                || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && _allowLoopback)))
            {
                throw new InvalidOperationException(
                    $"AllowedServiceUrls entry '{entry}' is not an https URL (plain http is allowed for loopback addresses only, in the Development environment).");
            }

            _extra.Add(uri);
        }
    }

    public bool IsAllowed(string? serviceUrl) => Refusal(serviceUrl) is null;

    /// <summary>Why <paramref name="serviceUrl"/> is refused, or null when the bot may use it.</summary>
    public string? Refusal(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            return "There is no serviceUrl.";
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The serviceUrl is not a plain http(s) URL.";
        }

        if (_allowLoopback && uri.IsLoopback)
        {
            return null;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && IsServiceHost(uri.IdnHost))
        {
            return null;
        }

        if (_extra.Any(entry => Matches(entry, uri)))
        {
            return null;
        }

        return $"The serviceUrl host '{uri.Authority}' is not a Teams or Bot Framework service host, nor in AllowedServiceUrls.";
    }

    private static bool IsServiceHost(string host) =>
        TeamsHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
        || BotFrameworkDomains.Any(domain => host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(Uri entry, Uri candidate)
    {
        if (!string.Equals(entry.Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(entry.IdnHost, candidate.IdnHost, StringComparison.OrdinalIgnoreCase)
            || entry.Port != candidate.Port)
        {
            return false;
        }

        var prefix = entry.AbsolutePath.TrimEnd('/');
        var path = candidate.AbsolutePath;
        return prefix.Length == 0
            || path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>
/// Bot identity and token-validation settings, bound from the conventional top-level configuration keys
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>,
/// <c>BotOpenIdMetadata</c>, <c>EntraOpenIdMetadata</c>, <c>BotAuthority</c>) and the allow-lists
/// (<c>AllowedCallers</c>, <c>AllowedChannels</c>, <c>AllowedServiceUrls</c>: configuration arrays, or one comma-separated value).
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string DefaultBotOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadata = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
    public const string BotConnectorScope = "https://api.botframework.com/.default";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// The other channel ids the Microsoft 365 Agents Playground can play (<c>-c emulator|webchat|directline</c>); its
    /// default is msteams. Development sign-in accepts them too, since only loopback callers reach it.
    /// </summary>
    public static readonly IReadOnlyList<string> PlaygroundChannels = ["emulator", "webchat", "directline"];

    /// <summary>
    /// Empty means development sign-in: unauthenticated requests from loopback addresses only, no outbound token.
    /// Only allowed when the host environment is Development (<see cref="EnsureUsable"/>).
    /// </summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    public string BotOpenIdMetadata { get; set; } = DefaultBotOpenIdMetadata;

    /// <summary>Metadata of the tenant that issues Entra tokens to single-tenant bots; <c>{tenant}</c> is replaced by the tenant id.</summary>
    public string EntraOpenIdMetadata { get; set; } = DefaultEntraOpenIdMetadata;

    /// <summary>Authority for outbound client-credentials tokens; by default derived from <see cref="MicrosoftAppType"/>.</summary>
    public string? BotAuthority { get; set; }

    /// <summary>Signing keys are fetched again once they are this old (the protocol asks for at least daily).</summary>
    public TimeSpan SigningKeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A token with an unknown key id triggers at most one key refresh per this interval.</summary>
    public TimeSpan SigningKeyMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// App ids that may call the bot as a skill: an Entra token whose <c>azp</c>/<c>appid</c> is another app than the bot.
    /// Empty (the default) refuses every skill call.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>Channel ids activities may come from; empty means <c>msteams</c> only.</summary>
    public List<string> AllowedChannels { get; set; } = [];

    /// <summary>
    /// https base URLs the bot may send to (and accept as an activity's serviceUrl) beyond the built-in Teams and
    /// Bot Framework hosts of the public and US government clouds; a URL matches an entry with the same scheme,
    /// host and port whose path it starts with.
    /// </summary>
    public List<string> AllowedServiceUrls { get; set; } = [];

    /// <summary>Whether the host environment is Development: set from <see cref="IHostEnvironment"/>, never from configuration.</summary>
    public bool IsDevelopmentEnvironment { get; private set; }

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Single-tenant and managed-identity bots belong to one Entra tenant and serve only it.</summary>
    public bool IsSingleTenant => MicrosoftAppType != BotAppType.MultiTenant;

    public IReadOnlyList<string> EffectiveAllowedChannels =>
        (AllowedChannels.Count == 0 ? [TeamsChannel] : AllowedChannels)
            .Concat(IsDevelopmentMode && IsDevelopmentEnvironment ? PlaygroundChannels : [])
            .ToList();

    public BotAuthenticationOptions UseHostEnvironment(string? environmentName)
    {
        IsDevelopmentEnvironment = string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);
        return this;
    }

    /// <summary>
    /// Development sign-in (no MicrosoftAppId) is refused outside the Development environment: the host must not
    /// start, and says which settings it lacks.
    /// </summary>
    public void EnsureUsable()
    {
        if (!IsDevelopmentMode || IsDevelopmentEnvironment)
        {
            return;
        }

        var missing = MicrosoftAppType switch
        {
            BotAppType.UserAssignedMSI => "MicrosoftAppId (the managed identity's client id)",
            BotAppType.SingleTenant => "MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId",
            _ => "MicrosoftAppId and MicrosoftAppPassword",
        };
        throw new InvalidOperationException(
            $"The bot has no identity: set {missing}. Running without MicrosoftAppId (development sign-in) is only allowed when the environment is Development.");
    }

    /// <summary>Single-tenant and managed-identity bots also receive tokens issued by their own Entra tenant.</summary>
    public bool AcceptsEntraTokens =>
        !IsDevelopmentMode
        && MicrosoftAppType != BotAppType.MultiTenant
        && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId);

    public static BotAuthenticationOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new BotAuthenticationOptions();
        Bind(configuration, options);
        return options;
    }

    public static void Bind(IConfiguration configuration, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        configuration.Bind(options);
        AddCommaSeparated(configuration, nameof(AllowedCallers), options.AllowedCallers);
        AddCommaSeparated(configuration, nameof(AllowedChannels), options.AllowedChannels);
        AddCommaSeparated(configuration, nameof(AllowedServiceUrls), options.AllowedServiceUrls);
    }

    private static void AddCommaSeparated(IConfiguration configuration, string key, List<string> list)
    {
        foreach (var value in (configuration[key] ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(value);
            }
        }
    }

    public string GetEntraOpenIdMetadataUrl() =>
        EntraOpenIdMetadata.Replace("{tenant}", RequireTenantId(), StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> GetEntraIssuers()
    {
        var tenant = RequireTenantId();
        return [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"];
    }

    public IReadOnlyList<string> GetEntraAudiences()
    {
        var appId = MicrosoftAppId ?? string.Empty;
        return [appId, $"api://{appId}", $"api://botid-{appId}"];
    }

    public string GetAuthority()
    {
        if (!string.IsNullOrWhiteSpace(BotAuthority))
        {
            return BotAuthority.TrimEnd('/');
        }

        return MicrosoftAppType == BotAppType.MultiTenant
            ? "https://login.microsoftonline.com/botframework.com"
            : $"https://login.microsoftonline.com/{RequireTenantId()}";
    }

    private string RequireTenantId() =>
        string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
            ? throw new InvalidOperationException("MicrosoftAppTenantId is required for single-tenant and managed-identity bots.")
            : MicrosoftAppTenantId.Trim();
}

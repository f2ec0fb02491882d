using Microsoft.Extensions.Configuration;

namespace Collaboration.Bot.Protocol.Authentication;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

/// <summary>
/// Bot identity and token-validation settings, bound from the conventional top-level configuration keys
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>,
/// <c>BotOpenIdMetadata</c>, <c>EntraOpenIdMetadata</c>, <c>BotAuthority</c>).
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string DefaultBotOpenIdMetadata = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraOpenIdMetadata = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";
    public const string BotConnectorScope = "https://api.botframework.com/.default";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Empty means development mode: unauthenticated requests from loopback addresses only, no outbound token.</summary>
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

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

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

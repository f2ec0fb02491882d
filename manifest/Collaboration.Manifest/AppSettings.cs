using System.Text.RegularExpressions;

namespace Collaboration.Manifest;

/// <summary>
/// Everything that differs between environments, in one place: both manifests are drawn from one instance,
/// so the Teams/Microsoft 365 manifest and the XML add-in manifest cannot name different ids, hosts or versions.
/// </summary>
public sealed partial record AppSettings
{
    public const string DefaultVersion = "1.0.0";

    /// <summary>The Entra app registration of the add-in API: the app package id, the SSO client id and the XML add-in id.</summary>
    public required Guid AppId { get; init; }

    /// <summary>The Azure Bot's Microsoft App ID.</summary>
    public required Guid BotId { get; init; }

    /// <summary>Where the add-in backend is published; always ends with '/'.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>Semantic version n.n.n; the XML manifest gets n.n.n.0.</summary>
    public string Version { get; init; } = DefaultVersion;

    public Text ShortName { get; init; } = AppTexts.ShortName;
    public Text FullName { get; init; } = AppTexts.FullName;

    /// <summary>The publisher shown in Teams and Outlook (at most 32 characters).</summary>
    public string DeveloperName { get; init; } = "Collaboration";
    public string AccentColor { get; init; } = Icons.AccentHex;

    public Uri TaskpaneUrl => Url("taskpane.html");
    public Uri DashboardUrl => Url("dashboard");
    public Uri SettingsUrl => Url("settings");
    public Uri SupportUrl => Url("support.html");
    public Uri PrivacyUrl => Url("privacy.html");
    public Uri TermsUrl => Url("terms.html");

    /// <summary>Host and port as Teams' validDomains and the api:// resource want them.</summary>
    public string Domain => BaseUrl.IsDefaultPort ? BaseUrl.Host : $"{BaseUrl.Host}:{BaseUrl.Port}";

    /// <summary>The Application ID URI of the add-in API, which Outlook and Teams ask a token for (SSO).</summary>
    public string Resource => $"api://{Domain}/{AppId}";

    public string XmlVersion => $"{Version}.0";

    public Uri Asset(string fileName) => Url($"assets/{fileName}");

    private Uri Url(string relative) => new(BaseUrl, relative);

    /// <summary>Checks and normalizes the inputs; the message of the exception says what is wrong and what is expected.</summary>
    public static AppSettings Create(string? baseUrl, string? appId, string? botId, string? version = null)
    {
        var errors = new List<string>();
        var url = ParseBaseUrl(baseUrl, errors);
        var app = ParseGuid("--app-id", appId, errors);
        var bot = ParseGuid("--bot-id", botId, errors);
        version ??= DefaultVersion;
        if (!SemVer().IsMatch(version)) errors.Add($"--version must be three numbers of at most 5 digits like 1.0.0 (the XML manifest allows no more), not '{version}'.");
        if (errors.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, errors));
        return new AppSettings { BaseUrl = url!, AppId = app, BotId = bot, Version = version };
    }

    public static bool IsLocal(Uri url) => url.IsLoopback;

    private static Uri? ParseBaseUrl(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("--base-url is required: the public HTTPS address of the add-in backend, e.g. https://crm.contoso.com.");
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"--base-url must be an absolute https:// URL, not '{value}'.");
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !IsLocal(url))
        {
            errors.Add($"--base-url must use https: Teams and Outlook load pages only over HTTPS ('{value}'); plain http is accepted for localhost only.");
            return null;
        }

        if (!string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment) || !string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add($"--base-url must not carry a query, a fragment or credentials ('{value}').");
            return null;
        }

        var path = url.AbsolutePath.EndsWith('/') ? url.AbsolutePath : url.AbsolutePath + "/";
        return new UriBuilder(url) { Path = path }.Uri;
    }

    private static Guid ParseGuid(string name, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is required: a GUID such as 00000000-0000-0000-0000-000000000000 from the Azure portal.");
            return Guid.Empty;
        }

        if (!Guid.TryParseExact(value.Trim(), "D", out var id) || id == Guid.Empty)
        {
            errors.Add($"{name} must be a non-empty GUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, not '{value}'.");
        }

        return id;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,4})\.(0|[1-9][0-9]{0,4})\.(0|[1-9][0-9]{0,4})$")]
    private static partial Regex SemVer();
}

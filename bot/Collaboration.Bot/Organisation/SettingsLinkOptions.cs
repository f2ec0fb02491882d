using Microsoft.Extensions.Configuration;

namespace Collaboration.Bot.Organisation;

/// <summary>
/// Where the "settings" card points: the Settings personal tab through a Teams deep link when <c>Teams:AppId</c> (the
/// app package's id, a GUID) is set, else the add-in's Settings page under <c>Addin:BaseUrl</c>; null when neither is.
/// </summary>
public sealed record SettingsLinkOptions(string? TeamsAppId, string? AddinBaseUrl)
{
    public const string TabEntityId = "settings";

    public static SettingsLinkOptions From(IConfiguration configuration) => new(configuration["Teams:AppId"], configuration["Addin:BaseUrl"]);

    public Uri? Link()
    {
        if (Guid.TryParse(TeamsAppId, out var appId))
        {
            return new Uri($"https://teams.microsoft.com/l/entity/{appId:D}/{TabEntityId}");
        }
        if (Uri.TryCreate(AddinBaseUrl, UriKind.Absolute, out var addin) && (addin.Scheme == Uri.UriSchemeHttps || addin.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(addin.Query) && string.IsNullOrEmpty(addin.Fragment))
        {
            return new Uri(addin.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + TabEntityId);
        }
        return null;
    }
}

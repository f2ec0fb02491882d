using Collaboration.Domain.Texts;

namespace Collaboration.Manifest;

/// <summary>A text in the manifests' two languages: English (the default) and Simplified Chinese.</summary>
public sealed record Text(string En, string Zh)
{
    /// <summary>A text of the catalog's "manifest" section (shared/texts), in both languages.</summary>
    public static Text Of(string key) =>
        TextCatalog.Contains("manifest." + key)
            ? new(TextCatalog.Get("manifest." + key, TextCatalog.English), TextCatalog.Get("manifest." + key, TextCatalog.Chinese))
            : throw new InvalidOperationException($"The text catalog has no manifest.{key}.");
}

/// <summary>What the store listing, Outlook's ribbon and the add-in dialogs show.</summary>
public static class AppTexts
{
    public static readonly Text ShortName = Text.Of("short_name");
    public static readonly Text FullName = Text.Of("full_name");
    public static readonly Text ShortDescription = Text.Of("short_description");
    public static readonly Text FullDescription = Text.Of("full_description");
    public static readonly Text GroupLabel = Text.Of("group_label");
    public static readonly Text ButtonLabel = Text.Of("button_label");
    public static readonly Text ButtonTitle = Text.Of("button_title");
    public static readonly Text ButtonDescription = Text.Of("button_description");
    public static readonly Text ActionName = Text.Of("action_name");
    public static readonly Text DashboardTab = Text.Of("dashboard_tab");
    public static readonly Text SettingsTab = Text.Of("settings_tab");
}

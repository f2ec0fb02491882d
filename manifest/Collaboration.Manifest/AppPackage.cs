using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace Collaboration.Manifest;

/// <summary>What one run writes, all from one <see cref="AppSettings"/>.</summary>
public sealed record AppPackageFiles(string Folder, string ManifestJson, string ChineseJson, string ColorIcon, string OutlineIcon, string Zip, string XmlManifest);

/// <summary>Writes the Teams/Microsoft 365 app package (zip) and, next to it, the XML add-in manifest.</summary>
public static class AppPackage
{
    public const string ZipName = "appPackage.zip";
    public const string XmlName = "outlook-addin.xml";

    /// <summary>The zip's entries, all at its root: the manifest, its localization file and the two Teams icons.</summary>
    public static readonly string[] ZipEntries = ["manifest.json", TeamsManifest.ChineseFile, Icons.Color.FileName, Icons.Outline.FileName];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static AppPackageFiles Write(AppSettings settings, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new AppPackageFiles(
            Path.GetFullPath(folder),
            Path.Combine(folder, "manifest.json"),
            Path.Combine(folder, TeamsManifest.ChineseFile),
            Path.Combine(folder, Icons.Color.FileName),
            Path.Combine(folder, Icons.Outline.FileName),
            Path.Combine(folder, ZipName),
            Path.Combine(folder, XmlName));

        File.WriteAllText(files.ManifestJson, ToJson(TeamsManifest.Build(settings)), Utf8);
        File.WriteAllText(files.ChineseJson, ToJson(TeamsManifest.BuildChinese(settings)), Utf8);
        File.WriteAllBytes(files.ColorIcon, Icons.Draw(Icons.Color));
        File.WriteAllBytes(files.OutlineIcon, Icons.Draw(Icons.Outline));

        File.Delete(files.Zip);
        using (var zip = ZipFile.Open(files.Zip, ZipArchiveMode.Create))
        {
            foreach (var entry in ZipEntries) zip.CreateEntryFromFile(Path.Combine(folder, entry), entry, CompressionLevel.Optimal);
        }

        using (var writer = new StreamWriter(files.XmlManifest, append: false, Utf8))
        {
            XmlManifest.Build(settings).Save(writer);
        }

        return files;
    }

    /// <summary>Writes the icons the add-in backend serves under /assets (the committed copies in wwwroot/assets come from here).</summary>
    public static IReadOnlyList<string> WriteAssets(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var icon in Icons.Assets)
        {
            var path = Path.Combine(folder, icon.FileName);
            File.WriteAllBytes(path, Icons.Draw(icon));
            written.Add(path);
        }

        return written;
    }

    private static string ToJson(JsonObject json) => json.ToJsonString(TeamsManifest.Json) + "\n";
}

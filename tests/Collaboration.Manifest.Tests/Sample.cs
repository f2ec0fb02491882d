using Collaboration.Manifest;

namespace Collaboration.Manifest.Tests;

/// <summary>A sample environment, and a temporary folder holding what the generator writes for it.</summary>
public sealed class GeneratedPackage : IDisposable
{
    public static readonly Guid AppId = Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-00000000a001");
    public static readonly Guid BotId = Guid.Parse("6f1c2a9e-2b1d-4c55-9a0b-00000000b001");

    public GeneratedPackage(string baseUrl = "https://crm.contoso.com", string version = "1.4.2")
    {
        Settings = AppSettings.Create(baseUrl, AppId.ToString(), BotId.ToString(), version);
        Folder = Directory.CreateTempSubdirectory("collab-manifest-").FullName;
        Files = AppPackage.Write(Settings, Folder);
    }

    public AppSettings Settings { get; }
    public string Folder { get; }
    public AppPackageFiles Files { get; }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

using System.Diagnostics;
using Collaboration.Testing.Node;

namespace Collaboration.Manifest.Tests;

/// <summary>Runs npm office-addin-manifest's validate command (offline for JSON manifests: the schemas ship in @microsoft/app-manifest).</summary>
public static class OfficeAddinManifest
{
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string manifestPath)
    {
        var tool = NodeTools.RequireInstalled(Path.Combine(".bin", "office-addin-manifest"));
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = NodeTools.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate");
        start.ArgumentList.Add(manifestPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("office-addin-manifest did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("office-addin-manifest validate took more than 90 s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

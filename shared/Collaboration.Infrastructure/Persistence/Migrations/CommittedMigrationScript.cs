using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Collaboration.Infrastructure.Persistence.Migrations;

/// <summary>What the fresh-database scripts of both providers share: reading one, and knowing when it applies.</summary>
internal static class CommittedMigrationScript
{
    public static string Read(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The resource {resourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Whether any migration is recorded as applied (the script is for a database with none).</summary>
    public static async Task<bool> AnyAppliedAsync(IHistoryRepository history, CancellationToken ct) =>
        await history.ExistsAsync(ct) && (await history.GetAppliedMigrationsAsync(ct)).Count > 0;
}

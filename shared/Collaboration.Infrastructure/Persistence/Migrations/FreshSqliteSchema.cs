using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Collaboration.Infrastructure.Persistence.Migrations;

/// <summary>
/// A new SQLite file gets its whole schema from the script of every migration, committed beside them, instead of EF
/// generating each migration's SQL at start: generating it (a finalized model per migration) took about a second of a
/// new file's start, running it 30-40 ms. The script is EF's own (<see cref="IMigrator.GenerateScript"/>, checked
/// against the migrations by a test), so the file ends as EF's migrations would leave it, history rows included; a
/// file that already has a migration applied is left to EF.
/// </summary>
public static class FreshSqliteSchema
{
    public const string ResourceName = "Collaboration.Infrastructure.Persistence.Migrations.Sqlite.FreshDatabase.sql";

    public static string Script { get; } = CommittedMigrationScript.Read(ResourceName);

    /// <summary>Runs the script when no migration has been applied to the open connection's file; says whether it ran.</summary>
    public static async Task<bool> CreateIfEmptyAsync(DbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await CommittedMigrationScript.AnyAppliedAsync(history, ct)) return false;

        await history.CreateIfNotExistsAsync(ct);
        // EF's own lock: another host starting on the same new file waits here, then finds the migrations applied.
        await using var migrationLock = await history.AcquireDatabaseLockAsync(ct);
        if ((await history.GetAppliedMigrationsAsync(ct)).Count > 0) return false;

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Script;
        await command.ExecuteNonQueryAsync(ct);
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collaboration.Infrastructure.Persistence.Migrations;

/// <summary>
/// A new PostgreSQL database gets its whole schema from the script of every migration, as a new SQLite file does
/// (<see cref="FreshSqliteSchema"/>). Npgsql's migration lock lasts as long as a transaction, so the script is the
/// migrations' SQL without their own transactions (<see cref="MigrationsSqlGenerationOptions.NoTransactions"/>) and
/// runs in one transaction that holds the lock: all of it or none, and another host starting on the same database
/// waits, then finds the migrations applied.
/// </summary>
public static class FreshPostgresSchema
{
    public const string ResourceName = "Collaboration.Infrastructure.Persistence.Migrations.Postgres.FreshDatabase.sql";

    public const MigrationsSqlGenerationOptions ScriptOptions = MigrationsSqlGenerationOptions.NoTransactions;

    public static string Script { get; } = CommittedMigrationScript.Read(ResourceName);

    /// <summary>Runs the script when no migration has been applied to the database; says whether it ran.</summary>
    public static async Task<bool> CreateIfEmptyAsync(DbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await CommittedMigrationScript.AnyAppliedAsync(history, ct)) return false;

        await history.CreateIfNotExistsAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using (await history.AcquireDatabaseLockAsync(ct))
            {
                if ((await history.GetAppliedMigrationsAsync(ct)).Count > 0) return false;
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = Script;
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

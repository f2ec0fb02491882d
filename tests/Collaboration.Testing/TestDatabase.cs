using Collaboration.Application.Persistence;
using Collaboration.Infrastructure.Persistence;
using Npgsql;

namespace Collaboration.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, migrated database per test: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server that test.sh starts (COLLAB_TEST_POSTGRES). Without that server the test fails: it never skips.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "COLLAB_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(CrmDatabase database, DatabaseKind kind, string? folder, string? postgresAdmin, string? postgresName)
    {
        Database = database;
        Kind = kind;
        _folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public CrmDatabase Database { get; }
    public DatabaseKind Kind { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("collab-sqlite-").FullName;
            var sqlite = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder }, null);
            await sqlite.MigrateAsync();
            return new TestDatabase(sqlite, kind, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need a server: run ./test.sh, which starts one, or set {PostgresVariable} to an admin connection string.");
        }
        var name = "collab_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        var postgres = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, builder.ConnectionString);
        await postgres.MigrateAsync();
        return new TestDatabase(postgres, kind, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

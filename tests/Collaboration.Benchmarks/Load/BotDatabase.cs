using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Collaboration.Benchmarks.Load;

/// <summary>A fresh database for one bot run: a SQLite file under the work folder, or a new PostgreSQL database.</summary>
public sealed class BotDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string? _adminConnection;
    private readonly string? _postgresName;

    private BotDatabase(string provider, string connectionString, string? file, string? adminConnection, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _adminConnection = adminConnection;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public string ProviderLabel => Provider == "Sqlite" ? "SQLite" : "PostgreSQL";
    public string ConnectionString { get; }

    public static BotDatabase Sqlite(string work)
    {
        var file = Path.Combine(work, $"bot-{DateTime.UtcNow:yyyyMMddHHmmss}.db");
        return new BotDatabase("Sqlite", $"Data Source={file}", file, null, null);
    }

    public static async Task<BotDatabase> PostgresAsync(string adminConnection)
    {
        var name = $"collab_bot_bench_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(adminConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        // The pool is the product's default (CrmDatabase) unless BENCH_BOT_PG_POOL sets one, for comparisons.
        var builder = new NpgsqlConnectionStringBuilder(adminConnection) { Database = name };
        builder.Remove("Maximum Pool Size");
        if (Environment.GetEnvironmentVariable("BENCH_BOT_PG_POOL") is { Length: > 0 } pool) builder.MaxPoolSize = int.Parse(pool, System.Globalization.CultureInfo.InvariantCulture);
        var connectionString = builder.ToString();
        return new BotDatabase("Postgres", connectionString, null, adminConnection, name);
    }

    /// <summary>A read-only look at the bot's rows (to find the deals the clicks move).</summary>
    public DbConnection OpenReader() => _file is not null
        ? new SqliteConnection($"Data Source={_file};Mode=ReadOnly;Pooling=false")
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());

    public string Quote(string name) => _file is not null ? name : $"\"{name}\"";

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        }
        if (_adminConnection is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

using Collaboration.Infrastructure.Persistence;
using Collaboration.Infrastructure.Persistence.Migrations;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Collaboration.Application.Tests;

/// <summary>
/// A new PostgreSQL database is made by the committed script of all migrations (<see cref="FreshPostgresSchema"/>).
/// These hold the script to the migrations and the database it makes to the one EF's migrations make.
/// </summary>
public sealed class FreshPostgresSchemaTests : IAsyncLifetime
{
    private readonly string _admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
        ?? throw new InvalidOperationException($"PostgreSQL tests need a server: run ./test.sh, which starts one, or set {TestDatabase.PostgresVariable}.");
    private readonly List<string> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> NewDatabaseAsync()
    {
        var name = "collab_fresh_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    private static PostgresCrmDbContext PlainEfContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    [Fact]
    public async Task TheCommittedScriptIsWhatTheMigrationsGenerate()
    {
        await using var db = PlainEfContext(await NewDatabaseAsync());
        CommittedScriptAssert.IsCurrent(
            db.GetService<IMigrator>().GenerateScript(options: FreshPostgresSchema.ScriptOptions), FreshPostgresSchema.Script, "Postgres");
    }

    [Fact]
    public async Task ANewDatabaseGetsTheSchemaAndHistoryEfMigrationsMake()
    {
        var byScript = await NewDatabaseAsync();
        var byEf = await NewDatabaseAsync();
        await using (var db = PlainEfContext(byScript))
        {
            Assert.True(await FreshPostgresSchema.CreateIfEmptyAsync(db, CancellationToken.None));
            Assert.False(await FreshPostgresSchema.CreateIfEmptyAsync(db, CancellationToken.None));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = PlainEfContext(byEf)) await db.Database.MigrateAsync();

        var expected = await SchemaAsync(byEf);
        Assert.Contains(expected, row => row.StartsWith("column|Opportunities|", StringComparison.Ordinal));
        Assert.Equal(expected, await SchemaAsync(byScript));
        Assert.Equal(await HistoryAsync(byEf), await HistoryAsync(byScript));
    }

    [Fact]
    public async Task ADatabaseMigratedPartwayIsFinishedByEfAndEndsTheSame()
    {
        var partway = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        await using (var db = PlainEfContext(partway))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[2]);
        }
        Assert.Equal(3, (await HistoryAsync(partway)).Count);

        using (var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, partway)) await database.MigrateAsync();
        using (var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, fresh)) await database.MigrateAsync();

        Assert.Equal(await SchemaAsync(fresh), await SchemaAsync(partway));
        Assert.Equal(await HistoryAsync(fresh), await HistoryAsync(partway));
    }

    [Fact]
    public async Task HostsStartingTogetherOnOneNewDatabaseAllStartAndItIsMadeOnce()
    {
        var shared = await NewDatabaseAsync();
        var reference = await NewDatabaseAsync();
        await using (var db = PlainEfContext(reference)) await db.Database.MigrateAsync();

        var databases = Enumerable.Range(0, 6)
            .Select(_ => new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, shared)).ToList();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var starts = databases.Select(d => Task.Run(async () => { await go.Task; await d.MigrateAsync(); })).ToList();
        go.SetResult();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            foreach (var database in databases) database.Dispose();
        }

        Assert.Equal(await HistoryAsync(reference), await HistoryAsync(shared));
        Assert.Equal(await SchemaAsync(reference), await SchemaAsync(shared));
    }

    private static Task<List<string>> SchemaAsync(string connectionString) => RowsAsync(connectionString, """
        SELECT 'column|' || table_name || '|' || column_name || '|' || data_type || '|' || is_nullable || '|' || coalesce(column_default, '')
          FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL SELECT 'index|' || indexname || '|' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL SELECT 'constraint|' || conrelid::regclass::text || '|' || conname || '|' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL SELECT 'trigger|' || tgname || '|' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL SELECT 'function|' || proname || '|' || pg_get_functiondef(oid) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
        ORDER BY 1
        """);

    private static Task<List<string>> HistoryAsync(string connectionString) =>
        RowsAsync(connectionString, """SELECT "MigrationId" || '|' || "ProductVersion" FROM "__EFMigrationsHistory" ORDER BY 1""");

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}

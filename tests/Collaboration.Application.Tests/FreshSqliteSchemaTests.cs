using Collaboration.Infrastructure.Persistence;
using Collaboration.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Collaboration.Application.Tests;

/// <summary>
/// A new SQLite file is made by the committed script of all migrations (<see cref="FreshSqliteSchema"/>), not by EF
/// generating each migration's SQL at start. These hold the script to the migrations and the file it makes to the one
/// EF's migrations make.
/// </summary>
public sealed class FreshSqliteSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("collab-fresh-schema-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string NewFile(string name) => Path.Combine(_folder, name + ".db");

    private static SqliteCrmDbContext PlainEfContext(string file) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite($"Data Source={file};Pooling=false")
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    [Fact]
    public void TheCommittedScriptIsWhatTheMigrationsGenerate()
    {
        using var db = PlainEfContext(NewFile("script"));
        CommittedScriptAssert.IsCurrent(db.GetService<IMigrator>().GenerateScript(), FreshSqliteSchema.Script, "Sqlite");
    }

    [Fact]
    public async Task ANewFileGetsTheSchemaAndHistoryEfMigrationsMake()
    {
        var byScript = NewFile("by-script");
        var byEf = NewFile("by-ef");
        await using (var db = PlainEfContext(byScript))
        {
            await db.Database.OpenConnectionAsync();
            Assert.True(await FreshSqliteSchema.CreateIfEmptyAsync(db, CancellationToken.None));
            Assert.False(await FreshSqliteSchema.CreateIfEmptyAsync(db, CancellationToken.None));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = PlainEfContext(byEf)) await db.Database.MigrateAsync();

        var expected = await SchemaAsync(byEf);
        Assert.Contains(expected, row => row.StartsWith("table|Opportunities|", StringComparison.Ordinal));
        Assert.Equal(expected, await SchemaAsync(byScript));
        Assert.Equal(await HistoryAsync(byEf), await HistoryAsync(byScript));
    }

    [Fact]
    public async Task AFileMigratedPartwayIsFinishedByEfAndEndsTheSame()
    {
        var partway = NewFile("partway");
        var fresh = NewFile("fresh");
        await using (var db = PlainEfContext(partway))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[2]);
        }
        Assert.Equal(3, (await HistoryAsync(partway)).Count);

        using (var database = new CrmDatabase(new DatabaseOptions(), $"Data Source={partway}")) await database.MigrateAsync();
        using (var database = new CrmDatabase(new DatabaseOptions(), $"Data Source={fresh}")) await database.MigrateAsync();

        Assert.Equal(await SchemaAsync(fresh), await SchemaAsync(partway));
        Assert.Equal(await HistoryAsync(fresh), await HistoryAsync(partway));
    }

    [Fact]
    public async Task HostsStartingTogetherOnOneNewFileAllStartAndItIsMadeOnce()
    {
        var file = NewFile("shared");
        var databases = Enumerable.Range(0, 8).Select(_ => new CrmDatabase(new DatabaseOptions(), $"Data Source={file}")).ToList();
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

        await using var db = PlainEfContext(file);
        var history = await HistoryAsync(file);
        Assert.Equal(db.Database.GetMigrations().ToList(), history.Select(row => row.Split('|')[0]).ToList());
        Assert.Equal(await SchemaAsync(file), await SchemaAsync(await FreshFileAsync()));
    }

    private async Task<string> FreshFileAsync()
    {
        var file = NewFile("reference-" + Guid.NewGuid().ToString("N"));
        await using var db = PlainEfContext(file);
        await db.Database.MigrateAsync();
        return file;
    }

    private static async Task<List<string>> SchemaAsync(string file) =>
        await RowsAsync(file, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");

    private static async Task<List<string>> HistoryAsync(string file) =>
        await RowsAsync(file, "SELECT MigrationId, ProductVersion FROM __EFMigrationsHistory ORDER BY MigrationId");

    private static async Task<List<string>> RowsAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        }
        return rows;
    }
}

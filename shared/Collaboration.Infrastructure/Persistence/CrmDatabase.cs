using System.Collections.Concurrent;
using Collaboration.Application.Persistence;
using Collaboration.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>Creates tenant-scoped units of work on the configured provider and applies migrations.</summary>
public sealed class CrmDatabase : ICrmDatabase, IDisposable
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public CrmDatabase(DatabaseOptions options, string? connectionString)
    {
        _provider = options.Provider;
        connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
        _busyTimeoutMs = options.BusyTimeoutMs;
        _connectionString = _provider == DatabaseProvider.Sqlite
            ? SqliteConnectionString(options, connectionString)
            : PostgresConnectionString(connectionString ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Crm is empty."));
        if (_provider == DatabaseProvider.Sqlite) _shelf = new SqliteConnectionShelf(_connectionString, _busyTimeoutMs);
    }

    private readonly SqliteConnectionShelf? _shelf;

    /// <summary>Closes the SQLite connections kept open between units of work.</summary>
    public void Dispose() => _shelf?.Dispose();

    public DatabaseProvider Provider => _provider;
    public string ConnectionString => _connectionString;

    public CrmDbContext Open(string? tenantId) => Open(new CurrentTenant { Id = tenantId });

    /// <inheritdoc />
    public WorkSignal OutboxWritten { get; } = new();

    /// <inheritdoc />
    public WorkSignal DeliveriesWritten { get; } = new();

    // One queue of writers per SQLite file in this process, shared by every CrmDatabase on it (see SqliteCrmDbContext.WriteAsync).
    private static readonly ConcurrentDictionary<string, SqliteWriters> WritersByFile = new(StringComparer.Ordinal);
    private SqliteWriters? _writers;

    private static string SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source == ":memory:" ? connectionString : Path.GetFullPath(source);
    }

    // Pooled: a context's first query builds its internal service scope (a few dozen services resolved), which cost
    // about a tenth of a `my deals` turn when every unit of work (several per turn) was a new instance. A pooled
    // instance keeps that scope; EF resets its tracker and settings on return, and Open sets the tenant on each rent.
    private PooledDbContextFactory<SqliteCrmDbContext>? _sqlitePool;
    private PooledDbContextFactory<PostgresCrmDbContext>? _postgresPool;

    public CrmDbContext Open(CurrentTenant tenant)
    {
        var db = NewContext();
        db.TenantId = tenant.Id;
        db.OutboxWritten = OutboxWritten;
        if (db is SqliteCrmDbContext sqlite)
        {
            sqlite.Writers = _writers ??= WritersByFile.GetOrAdd(SqliteFile(_connectionString), _ => new SqliteWriters());
            sqlite.RentConnection(_shelf!);
        }
        return db;
    }

    private CrmDbContext NewContext() => _provider switch
    {
        DatabaseProvider.Sqlite => LazyInitializer.EnsureInitialized(ref _sqlitePool, () => new PooledDbContextFactory<SqliteCrmDbContext>(
            WithoutRuntimeModelCheck(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite(_connectionString)))).CreateDbContext(),
        _ => LazyInitializer.EnsureInitialized(ref _postgresPool, () => new PooledDbContextFactory<PostgresCrmDbContext>(
            WithoutRuntimeModelCheck(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql(_connectionString)))).CreateDbContext(),
    };

    // Before it migrates, EF compares the model with the migrations' snapshot unless this warning is ignored: it builds the
    // whole model a second time (its design-time form) and diffs the two, a third of the start's migration step. The
    // comparison runs in the tests instead (ModelMatchesTheMigrations), where a model changed without a migration fails.
    private static DbContextOptions<T> WithoutRuntimeModelCheck<T>(DbContextOptionsBuilder<T> builder) where T : DbContext =>
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)).Options;

    /// <summary>
    /// Builds EF's model (about half a second at start, the first link of the chain before the first answer) on the thread
    /// pool, so that it overlaps with the rest of the host's start instead of waiting for the migrations to ask for it.
    /// Opens no connection; a failure here is met again, and reported, by the migrations.
    /// </summary>
    public void BuildModelInBackground() => _ = Task.Run(() =>
    {
        try
        {
            using var db = NewContext();
            _ = db.Model;
        }
        catch (Exception)
        {
            // The same error comes back on the first real unit of work, where it is seen.
        }
    });

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Open((string?)null);
        if (_provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the bot and the add-in backend read while the other writes; it is a property of the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await FreshSqliteSchema.CreateIfEmptyAsync(db, cancellationToken);
        }
        else
        {
            await FreshPostgresSchema.CreateIfEmptyAsync(db, cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Three defaults for PostgreSQL; a connection string that sets any of them keeps its own value.
    /// - Automatic preparation: Npgsql prepares nothing unless told, and PostgreSQL then parses and plans every statement
    ///   of every request again. With it a statement run a few times on a physical connection is prepared there and run
    ///   by name after (Npgsql drops it when a migration changes a table it reads).
    /// - A pool of <see cref="PostgresPoolSize"/> connections instead of Npgsql's 100: a busy host otherwise keeps one
    ///   server process per request in flight, and those processes compete for the server's cores (at 64 card clicks at
    ///   once on two cores: 16 gave 14-27 % more clicks a second and a third lower p99 than 100, with less server CPU).
    ///   A request that finds every connection in use waits for one. Several instances on one server also stay within
    ///   PostgreSQL's default of 100 connections.
    /// - No session reset when a connection goes back to the pool. Npgsql otherwise makes the server run seven statements
    ///   (RESET ALL, DISCARD TEMP, UNLISTEN *, …) before the next command on it, and a card click opens a connection four
    ///   times. The app leaves nothing in a session to reset: no session-level SET (reports use SET LOCAL), temporary
    ///   table, LISTEN or advisory lock; a transaction left open is still rolled back when its connection is returned.
    /// </summary>
    private static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        var builder = new NpgsqlConnectionStringBuilder(configured);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("Max Pool Size") && !given.ContainsKey("MaxPoolSize")) builder.MaxPoolSize = PostgresPoolSize;
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    /// <summary>The connections a host keeps to PostgreSQL at most, unless its connection string says (`Maximum Pool Size`).</summary>
    public const int PostgresPoolSize = 16;

    private static string SqliteConnectionString(DatabaseOptions options, string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            Directory.CreateDirectory(options.DataFolder);
            builder.DataSource = Path.Combine(options.DataFolder, "crm.db");
        }
        else if (builder.DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        builder.Pooling = true;
        builder.DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000);
        return builder.ToString();
    }
}

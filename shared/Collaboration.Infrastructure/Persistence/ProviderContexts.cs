using Collaboration.Application.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset and decimal in SQL, so it stores them as numbers:
/// UTC ticks and doubles (amounts keep cents exactly up to about 10^13).
/// </summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options) : CrmDbContext(options)
{
    public override bool IsPostgres => false;

    /// <summary>This process's writers to the same file (set by <see cref="CrmDatabase"/>).</summary>
    internal SqliteWriters? Writers { get; set; }

    private SqliteConnectionShelf? _shelf;
    private ReusingSqliteConnection? _rented;

    /// <summary>Runs this unit of work on an open connection from <paramref name="shelf"/>, given back when it is disposed.</summary>
    internal void RentConnection(SqliteConnectionShelf shelf)
    {
        _shelf = shelf;
        _rented = shelf.Rent();
        Database.SetDbConnection(_rented, contextOwnsConnection: false);
    }

    public override IDisposable ReadTogether() =>
        _rented is not null && Database.CurrentTransaction is null ? _rented.BeginReadSnapshot() : base.ReadTogether();

    // The base returns a pooled context to its pool, which ends any transaction still open; only then is the connection
    // clean enough for the next unit of work.
    public override void Dispose()
    {
        base.Dispose();
        ReturnConnection();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ReturnConnection();
    }

    private void ReturnConnection()
    {
        var rented = Interlocked.Exchange(ref _rented, null);
        if (rented is not null) _shelf?.Return(rented);
    }

    /// <summary>
    /// SQLite has one writer at a time. Writers of this process queue in <see cref="Writers"/> and are handed the lock
    /// at once, instead of sleeping in SQLite's busy handler, which backs off up to 100 ms a try and made a click's save
    /// wait behind a few dozen others; the saves that queued meanwhile commit together. Only the writes queue: what a
    /// save reads first (a deal's stints) is read before. A caller that holds its own transaction already holds or
    /// waits for the lock itself: it does not queue (it could wait here for a writer that waits for it). Other
    /// processes still meet at the busy timeout.
    /// </summary>
    protected override async Task<int> WriteAsync(Func<CancellationToken, Task<int>> write, CancellationToken ct)
    {
        if (Writers is null || Database.CurrentTransaction is not null) return await write(ct);
        // Not waiting in a read snapshot: while a reader holds an old one, SQLite cannot checkpoint past it.
        _rented?.EndReadSnapshot();
        return await Writers.WriteAsync(this, write, ct);
    }

    /// <summary>The connection this unit of work rented, on which a group it leads commits.</summary>
    internal ReusingSqliteConnection RentedConnection => _rented ?? throw new InvalidOperationException("This unit of work has no connection.");

    /// <summary>Runs this unit of work's save on the group's connection, in its transaction.</summary>
    internal void JoinGroup(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (!ReferenceEquals(Database.GetDbConnection(), connection)) Database.SetDbConnection(connection, contextOwnsConnection: false);
        Database.UseTransaction(transaction);
    }

    internal void LeaveGroup()
    {
        Database.UseTransaction(null);
        if (_rented is not null && !ReferenceEquals(Database.GetDbConnection(), _rented)) Database.SetDbConnection(_rented, contextOwnsConnection: false);
    }

    public override async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken ct = default)
    {
        if (Writers?.Gate is not { } gate || Database.CurrentTransaction is not null) return await Database.BeginTransactionAsync(ct);
        _rented?.EndReadSnapshot();
        await gate.WaitAsync(ct);
        try
        {
            return new GatedTransaction(await Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>A transaction that gives the writer gate back when it ends.</summary>
    private sealed class GatedTransaction(IDbContextTransaction transaction, SemaphoreSlim gate) : IDbContextTransaction
    {
        private int _released;

        public Guid TransactionId => transaction.TransactionId;
        public void Commit() => transaction.Commit();
        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);
        public void Rollback() => transaction.Rollback();
        public Task RollbackAsync(CancellationToken cancellationToken = default) => transaction.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            transaction.Dispose();
            Release();
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            Release();
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    protected override void ApplyEntityConfigurations(ModelBuilder modelBuilder) => EntityConfigurations.Apply(modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options) : CrmDbContext(options)
{
    public override bool IsPostgres => true;

    protected override void ApplyEntityConfigurations(ModelBuilder modelBuilder) => EntityConfigurations.Apply(modelBuilder);
}

/// <summary>Every <see cref="IEntityTypeConfiguration{TEntity}"/> of this project (Persistence/Configurations, one per file).</summary>
internal static class EntityConfigurations
{
    public static void Apply(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(EntityConfigurations).Assembly);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

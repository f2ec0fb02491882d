using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// A SQLite connection that keeps the statements it has prepared, by their SQL, for the next command with the same
/// text: the commands EF creates on it (<see cref="DbConnection.CreateCommand"/>) borrow a prepared command from here
/// when they run and give it back when they are disposed. Used by one unit of work at a time, like any connection.
/// </summary>
internal sealed class ReusingSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    // Per connection; a rep's turn runs a handful of distinct statements, a click about twenty.
    private const int MaxStatements = 48;

    // SaveChanges batches (their text varies with what changed) are rarely run twice alike; they are not kept.
    private const int MaxKeptText = 4096;

    private readonly Dictionary<string, (SqliteCommand Command, long LastUse)> _statements = new(StringComparer.Ordinal);
    private long _uses;

    public bool InTransaction => Transaction is not null;

    /// <summary>Whether SQLite itself has no transaction open on this connection (whoever began it).</summary>
    public bool Idle => State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Handle) != 0;

    private SqliteCommand? _beginRead;
    private SqliteCommand? _endRead;

    // The read snapshot open on this connection (0: none); a scope ends only its own, never one begun after it ended.
    private long _snapshot;
    private long _snapshots;

    internal bool InReadSnapshot => _snapshot != 0;

    /// <summary>
    /// Begins a read transaction that the commands which follow run in, until the scope ends, a command that is not a
    /// SELECT runs or a transaction begins (a write cannot start from a snapshot older than the last commit). Outside a
    /// transaction each statement is its own read transaction, and SQLite empties a connection's page cache whenever
    /// one begins after any other connection committed: under load every statement read its pages again.
    /// </summary>
    internal IDisposable BeginReadSnapshot()
    {
        if (Transaction is not null || InReadSnapshot || State != ConnectionState.Open) return NoSnapshot.Instance;
        _beginRead ??= OwnCommand("BEGIN DEFERRED;");
        _beginRead.ExecuteNonQuery();
        _snapshot = ++_snapshots;
        return new ReadSnapshot(this, _snapshot);
    }

    /// <summary>Ends the read snapshot, if one is open, before a command that must not run in it.</summary>
    internal void BeforeCommand(string text)
    {
        if (InReadSnapshot && !text.StartsWith("SELECT", StringComparison.Ordinal)) EndReadSnapshot();
    }

    internal void EndReadSnapshot()
    {
        if (!InReadSnapshot) return;
        _endRead ??= OwnCommand("COMMIT;");
        _endRead.ExecuteNonQuery();
        _snapshot = 0;
    }

    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred)
    {
        EndReadSnapshot();
        return base.BeginTransaction(isolationLevel, deferred);
    }

    private SqliteCommand OwnCommand(string text)
    {
        var command = CreateCommand();
        command.CommandText = text;
        return command;
    }

    private sealed class ReadSnapshot(ReusingSqliteConnection connection, long snapshot) : IDisposable
    {
        public void Dispose()
        {
            if (connection._snapshot == snapshot && connection.State == ConnectionState.Open) connection.EndReadSnapshot();
        }
    }

    private sealed class NoSnapshot : IDisposable
    {
        public static readonly NoSnapshot Instance = new();
        public void Dispose() { }
    }

    /// <summary>How many prepared statements this connection keeps now.</summary>
    internal int KeptStatements => _statements.Count;

    protected override DbCommand CreateDbCommand() => new ReusedStatementCommand(this);

    internal SqliteCommand Borrow(string text)
    {
        if (_statements.Remove(text, out var kept)) return kept.Command;
        var command = CreateCommand();
        command.CommandText = text;
        return command;
    }

    internal void GiveBack(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        var text = command.CommandText;
        if (State != ConnectionState.Open || text.Length > MaxKeptText || _statements.ContainsKey(text))
        {
            command.Dispose();
            return;
        }
        if (_statements.Count >= MaxStatements)
        {
            var oldest = _statements.MinBy(s => s.Value.LastUse);
            _statements.Remove(oldest.Key);
            oldest.Value.Command.Dispose();
        }
        _statements[text] = (command, ++_uses);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var (command, _) in _statements.Values) command.Dispose();
            _statements.Clear();
            _beginRead?.Dispose();
            _endRead?.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>
/// The command EF sees: it holds the SQL and parameters EF sets and runs them on a prepared command it borrows from its
/// <see cref="ReusingSqliteConnection"/> for the time it runs (until the reader it returned is done and it is disposed).
/// </summary>
internal sealed class ReusedStatementCommand(ReusingSqliteConnection connection) : DbCommand
{
    private readonly ParameterList _parameters = new();
    private SqliteCommand? _borrowed;
    private SqliteDataReader? _reader;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new ArgumentException($"SQLite runs text commands only, not {value}.", nameof(value));
        }
    }

    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(value, connection)) throw new NotSupportedException("This command runs on the connection that created it.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;
    protected override DbTransaction? DbTransaction { get; set; }

    public override void Cancel() { }

    public override void Prepare() { }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => Run(command => command.ExecuteNonQuery());

    public override object? ExecuteScalar() => Run(command => command.ExecuteScalar());

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => _reader = Run(command => command.ExecuteReader(behavior));

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => RunAsync(command => command.ExecuteNonQueryAsync(cancellationToken));

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => RunAsync(command => command.ExecuteScalarAsync(cancellationToken));

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        _reader = await RunAsync(command => command.ExecuteReaderAsync(behavior, cancellationToken));

    private T Run<T>(Func<SqliteCommand, T> execute)
    {
        var command = Borrow();
        try
        {
            return execute(command);
        }
        catch
        {
            Discard();
            throw;
        }
    }

    private async Task<T> RunAsync<T>(Func<SqliteCommand, Task<T>> execute)
    {
        var command = Borrow();
        try
        {
            return await execute(command);
        }
        catch
        {
            Discard();
            throw;
        }
    }

    private SqliteCommand Borrow()
    {
        GiveBack();
        connection.BeforeCommand(CommandText);
        var command = connection.Borrow(CommandText);
        foreach (SqliteParameter parameter in _parameters) command.Parameters.Add(parameter);
        command.Transaction = (SqliteTransaction?)DbTransaction;
        command.CommandTimeout = CommandTimeout;
        return _borrowed = command;
    }

    /// <summary>A command that failed is not kept: what state its statements were left in is not ours to know.</summary>
    private void Discard()
    {
        _reader?.Dispose();
        _reader = null;
        var command = _borrowed;
        _borrowed = null;
        command?.Dispose();
    }

    private void GiveBack()
    {
        if (_reader is { IsClosed: false }) _reader.Dispose();
        _reader = null;
        if (_borrowed is { } command)
        {
            _borrowed = null;
            connection.GiveBack(command);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) GiveBack();
        base.Dispose(disposing);
    }

    private sealed class ParameterList : SqliteParameterCollection;
}

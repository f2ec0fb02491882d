using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Collaboration.Application.Tests.Performance;

/// <summary>A command EF ran, with the unit of work it ran in (a pooled context's id and lease: one per unit of work).</summary>
internal sealed record RanCommand(string Text, List<(string Name, object? Value)> Parameters, DbContextId? UnitOfWork = null);

/// <summary>The EF commands run anywhere in the process that carry one of some ids, or on one database (other tests run beside the one listening).</summary>
internal sealed class CommandsCarrying : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<RanCommand> _ran = new();
    private volatile string[]? _ids;
    private (string Database, string DataSource)? _database;

    /// <summary>Starts listening; before the host starts, since EF Core caches for a while that nobody listens to its commands.</summary>
    public static CommandsCarrying Start()
    {
        var commands = new CommandsCarrying();
        commands._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(commands));
        return commands;
    }

    public void Record(params Guid[] ids) => _ids = ids.Select(id => id.ToString()).ToArray();

    /// <summary>
    /// Records every command on <paramref name="database"/>'s database from now on, whatever it carries (tests run in
    /// parallel, each on a database of its own).
    /// </summary>
    public void RecordOn(DbConnection database)
    {
        _database = (database.Database, database.DataSource);
        _ids = [];
    }

    public List<RanCommand> Stop()
    {
        _ids = null;
        _database = null;
        return _ran.ToList();
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // A savepoint, and the BEGIN and COMMIT of a transaction EF Core began, are commands of their own on the wire that
        // EF Core reports apart: recorded by those names on the database recorded.
        var transactionCommand = value.Key == RelationalEventId.CreatingTransactionSavepoint.Name ? "SAVEPOINT"
            : value.Key == RelationalEventId.TransactionStarted.Name ? "BEGIN"
            : value.Key == RelationalEventId.TransactionCommitted.Name ? "COMMIT"
            : null;
        if (transactionCommand is not null && value.Value is TransactionEventData transaction
            && _database is { } recorded && transaction.Transaction.Connection is { } on
            && on.Database == recorded.Database && on.DataSource == recorded.DataSource)
        {
            _ran.Enqueue(new RanCommand(transactionCommand, [], transaction.Context?.ContextId));
            return;
        }
        if (_ids is not { } ids || value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed) return;
        var parameters = executed.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
        var onDatabase = _database is { } database && executed.Command.Connection is { } connection
            && connection.Database == database.Database && connection.DataSource == database.DataSource;
        if (onDatabase || parameters.Any(p => ids.Any(id => string.Equals(p.Item2?.ToString(), id, StringComparison.OrdinalIgnoreCase))))
        {
            _ran.Enqueue(new RanCommand(executed.Command.CommandText, parameters, executed.Context?.ContextId));
        }
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}

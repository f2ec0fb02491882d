using System.Data;
using Microsoft.Data.Sqlite;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// Open SQLite connections kept between units of work, each with the statements it has prepared. A unit of work rents
/// one for its life and gives it back. Before, EF opened and closed a pooled connection around every query (each open
/// registered EF's SQL functions on the native connection again), and Microsoft.Data.Sqlite compiled each command's SQL
/// anew: parsing and planning the same few statements was about a tenth of the server's CPU on a `my deals` turn.
/// </summary>
internal sealed class SqliteConnectionShelf(string connectionString, int busyTimeoutMs) : IDisposable
{
    // Enough for the units of work a busy host runs at once; the rest are closed when given back.
    private const int MaxIdle = 128;

    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly Stack<ReusingSqliteConnection> _idle = new();
    private bool _disposed;

    public ReusingSqliteConnection Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var connection)) return connection;
        }
        return Open();
    }

    /// <summary>Takes back a connection whose unit of work has ended (its transaction, if any, already ended with it).</summary>
    public void Return(ReusingSqliteConnection connection)
    {
        if (connection.State == ConnectionState.Open && !connection.InTransaction && EndsReadSnapshot(connection) && connection.Idle)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }
        connection.Dispose();
    }

    // A unit of work that ended inside a read snapshot would hand the next one a view of the past.
    private static bool EndsReadSnapshot(ReusingSqliteConnection connection)
    {
        try
        {
            connection.EndReadSnapshot();
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        ReusingSqliteConnection[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var connection in idle) connection.Dispose();
    }

    private ReusingSqliteConnection Open()
    {
        var connection = new ReusingSqliteConnection(_connectionString);
        AddDecimalFunctions(connection);
        connection.Open();
        try
        {
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // EF registers these on the connections it creates itself, for decimal arithmetic in SQL. Our model stores decimals
    // as doubles, so no query of ours calls them today; they are here so that a future one works on a rented connection.
    private static void AddDecimalFunctions(SqliteConnection connection)
    {
        connection.CreateFunction("ef_mod", (decimal? dividend, decimal? divisor) => dividend % divisor, isDeterministic: true);
        connection.CreateFunction("ef_add", (decimal? left, decimal? right) => left + right, isDeterministic: true);
        connection.CreateFunction("ef_divide", (decimal? dividend, decimal? divisor) => dividend / divisor, isDeterministic: true);
        connection.CreateFunction("ef_compare", (decimal? left, decimal? right) =>
            left.HasValue && right.HasValue ? decimal.Compare(left.Value, right.Value) : (int?)null, isDeterministic: true);
        connection.CreateFunction("ef_multiply", (decimal? left, decimal? right) => left * right, isDeterministic: true);
        connection.CreateFunction("ef_negate", (decimal? value) => -value, isDeterministic: true);
    }
}

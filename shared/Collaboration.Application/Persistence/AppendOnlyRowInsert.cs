using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Collaboration.Application.Persistence;

/// <summary>
/// A save's append-only rows (a deal's history rows and outbox messages) as multi-row INSERTs, on SQLite. EF Core's
/// SQLite provider writes every added row as a command of its own, and tracks each row (entry, snapshots, a command
/// with its columns and parameters): a capture's 8 history rows were 8 commands, and as one statement the capture costs
/// about 0.2 ms of CPU and 97 KiB less. Nothing in a unit of work changes these rows after its save, so they are not
/// tracked. Their columns, names and conversions come from EF Core's model; the commands run through EF Core's, in the
/// save's transaction, seen by its diagnostics like any other. The rows' keys are database-made integers.
/// </summary>
internal static class AppendOnlyRowInsert
{
    // SQLite allows 32,766 parameters a statement. An import's save of many deals goes in chunks.
    private const int MaxRowsAStatement = 100;

    public static async Task<int> WriteAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        var shape = Shape<T>.ByModel.GetValue(db.Model, model => new Shape<T>(model));
        var commands = db.GetService<IRelationalCommandBuilderFactory>();
        var connection = db.GetService<IRelationalConnection>();
        var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
        for (var start = 0; start < rows.Count; start += shape.MaxRows)
        {
            var count = Math.Min(shape.MaxRows, rows.Count - start);
            var command = shape.Command(count, commands);
            var values = new Dictionary<string, object?>(count * shape.Columns.Length, StringComparer.Ordinal);
            for (var row = 0; row < count; row++)
            {
                var entity = rows[start + row];
                for (var column = 0; column < shape.Columns.Length; column++)
                {
                    values[shape.ParameterName(row, column)] = shape.Columns[column].Getter.GetClrValueUsingContainingEntity(entity);
                }
            }
            var ids = new List<long>(count);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(
                    new RelationalCommandParameterObject(connection, values, null, db, logger, CommandSource.SaveChanges), ct);
                while (await reader.ReadAsync(ct)) ids.Add(reader.DbDataReader.GetInt64(0));
            }
            catch (System.Data.Common.DbException error)
            {
                // As EF Core reports a failed save: the callers that retry a save catch this.
                throw new DbUpdateException($"An error occurred while saving the {shape.Table} rows.", error);
            }
            if (ids.Count != count) throw new InvalidOperationException($"{count} {shape.Table} rows were inserted, {ids.Count} ids came back.");
            // RETURNING gives the rows in no promised order. SQLite gives a statement's rows their keys in the order of
            // its VALUES, each above the last (an integer key without a value is made one above the largest), so the
            // smallest id is the first row's.
            ids.Sort();
            for (var row = 0; row < count; row++) shape.SetId(rows[start + row], ids[row]);
        }
        return rows.Count;
    }

    /// <summary>The table and columns of a model's rows of <typeparamref name="T"/>, and the command for each number of rows.</summary>
    private sealed class Shape<T> where T : class
    {
        public static readonly ConditionalWeakTable<IModel, Shape<T>> ByModel = new();

        private readonly ConcurrentDictionary<int, IRelationalCommandTemplate> _byCount = new();
        private readonly string _key;
        private readonly string[] _parameterNames;

        public string Table { get; }
        public int MaxRows { get; }
        public Action<T, long> SetId { get; }
        public (string Name, RelationalTypeMapping Mapping, bool Nullable, IClrPropertyGetter Getter)[] Columns { get; }

        public Shape(IModel model)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"The model has no {typeof(T).Name}.");
            Table = entity.GetTableMappings().Single().Table.Name;
            var key = entity.FindPrimaryKey()!.Properties.Single();
            if (key.ClrType != typeof(long) || key.PropertyInfo is not { } keyProperty) throw new InvalidOperationException($"{typeof(T).Name}'s key is not a long property.");
            _key = key.GetTableColumnMappings().Single().Column.Name;
            SetId = keyProperty.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<T, long>>();
            Columns = entity.GetProperties()
                .Where(p => p != key)
                .Select(p =>
                {
                    if (p.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no CLR member to read.");
                    var column = p.GetTableColumnMappings().Single();
                    return (column.Column.Name, column.TypeMapping, column.Column.IsNullable, p.GetGetter());
                })
                .ToArray();
            MaxRows = Math.Min(MaxRowsAStatement, 30_000 / Columns.Length);
            _parameterNames = new string[MaxRows * Columns.Length];
            for (var i = 0; i < _parameterNames.Length; i++) _parameterNames[i] = $"r{i / Columns.Length}_{i % Columns.Length}";
        }

        public string ParameterName(int row, int column) => _parameterNames[row * Columns.Length + column];

        /// <summary>
        /// A command of its own for one run: an EF Core command keeps the reader of its last run, so one shared by two
        /// saves at once (on two databases, whose writes do not wait for each other) would have one read the other's
        /// rows. Only the text and parameters are kept, as EF Core keeps its queries' commands.
        /// </summary>
        public IRelationalCommand Command(int rows, IRelationalCommandBuilderFactory factory)
        {
            var command = factory.Create().Build();
            command.PopulateFrom(Template(rows, factory));
            return command;
        }

        private IRelationalCommandTemplate Template(int rows, IRelationalCommandBuilderFactory factory) => _byCount.GetOrAdd(rows, count =>
        {
            var builder = factory.Create();
            var sql = new StringBuilder("INSERT INTO \"").Append(Table).Append("\" (");
            sql.AppendJoin(", ", Columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
            for (var row = 0; row < count; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Length; column++)
                {
                    var name = ParameterName(row, column);
                    if (column > 0) sql.Append(", ");
                    sql.Append('@').Append(name);
                    builder.AddParameter(name, "@" + name, Columns[column].Mapping, Columns[column].Nullable);
                }
                sql.Append(')');
            }
            sql.Append(" RETURNING \"").Append(_key).Append("\";");
            return builder.Append(sql.ToString()).Build();
        });
    }
}

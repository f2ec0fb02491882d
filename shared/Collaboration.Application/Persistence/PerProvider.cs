namespace Collaboration.Application.Persistence;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for each provider: a compiled query keeps the executor of the first
/// model it ran on, so one instance shared by a SQLite and a PostgreSQL context in the same process (the tests run
/// both) would run SQLite's SQL on PostgreSQL. Where the best query differs by provider, each gets its own.
/// </summary>
public sealed class PerProvider<TQuery>(Func<TQuery> compileForSqlite, Func<TQuery> compileForPostgres) where TQuery : class
{
    private readonly Lazy<TQuery> _sqlite = new(compileForSqlite);
    private readonly Lazy<TQuery> _postgres = new(compileForPostgres);

    public PerProvider(Func<TQuery> compile) : this(compile, compile)
    {
    }

    public TQuery For(CrmDbContext db) => db.IsPostgres ? _postgres.Value : _sqlite.Value;
}

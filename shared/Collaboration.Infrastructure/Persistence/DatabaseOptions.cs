namespace Collaboration.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings under <c>Database</c>; the connection string is <c>ConnectionStrings:Crm</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the SQLite file goes when no connection string is given.</summary>
    public string DataFolder { get; set; } = ".data";

    /// <summary>Milliseconds a SQLite writer waits for another process's lock before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    public bool MigrateOnStartup { get; set; } = true;
}

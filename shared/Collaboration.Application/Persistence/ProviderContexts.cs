using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Collaboration.Application.Persistence;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset and decimal in SQL, so it stores them as numbers:
/// UTC ticks and doubles (amounts keep cents exactly up to about 10^13).
/// </summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options, CurrentTenant tenant) : CrmDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, CurrentTenant tenant) : CrmDbContext(options, tenant);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCrmDbContext>
{
    public SqliteCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design.db").Options, new CurrentTenant());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new CurrentTenant());
}

using Collaboration.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Collaboration.Infrastructure.Persistence;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset and decimal in SQL, so it stores them as numbers:
/// UTC ticks and doubles (amounts keep cents exactly up to about 10^13).
/// </summary>
public sealed class SqliteCrmDbContext(DbContextOptions<SqliteCrmDbContext> options, CurrentTenant tenant) : CrmDbContext(options, tenant)
{
    public override bool IsPostgres => false;

    protected override void ApplyEntityConfigurations(ModelBuilder modelBuilder) => EntityConfigurations.Apply(modelBuilder);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, CurrentTenant tenant) : CrmDbContext(options, tenant)
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
        new(new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=design.db").Options, new CurrentTenant());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCrmDbContext>().UseNpgsql("Host=localhost;Database=design").Options, new CurrentTenant());
}

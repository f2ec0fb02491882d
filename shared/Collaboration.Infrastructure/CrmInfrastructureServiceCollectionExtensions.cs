using Collaboration.Application;
using Collaboration.Application.Imports;
using Collaboration.Application.Persistence;
using Collaboration.Infrastructure.Imports;
using Collaboration.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Infrastructure;

public static class CrmInfrastructureServiceCollectionExtensions
{
    /// <summary>The use cases (<c>AddCrmUseCases</c>) on the infrastructure that serves them (<see cref="AddCrmInfrastructure"/>).</summary>
    public static IServiceCollection AddCrm(this IServiceCollection services, IConfiguration configuration) =>
        services.AddCrmInfrastructure(configuration).AddCrmUseCases(configuration);

    /// <summary>The database named by <c>Database:*</c> and <c>ConnectionStrings:Crm</c>, and the import file reader.</summary>
    public static IServiceCollection AddCrmInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        var database = new CrmDatabase(options, configuration.GetConnectionString("Crm"));
        database.BuildModelInBackground();
        // From a factory, so that the container disposes it (closing its kept SQLite connections) when the host stops.
        services.AddSingleton(_ => database);
        services.AddSingleton<ICrmDatabase>(sp => sp.GetRequiredService<CrmDatabase>());
        services.AddSingleton<IImportFileReader, ImportFileReader>();
        services.AddSingleton<Application.Quotes.IQuoteDocumentWriter, Quotes.QuoteDocumentWriter>();
        return services;
    }

    public static async Task MigrateCrmDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await services.GetRequiredService<CrmDatabase>().MigrateAsync(ct);
        }
    }
}

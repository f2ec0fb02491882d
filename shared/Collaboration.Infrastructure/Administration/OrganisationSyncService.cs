using Collaboration.Application.Administration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Infrastructure.Administration;

/// <summary>Runs the organisation sync once a day (the first run a minute after start), by the injected clock.</summary>
public sealed class OrganisationSyncService(OrganisationSync sync, TimeProvider clock, ILogger<OrganisationSyncService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = Interval;
            try
            {
                var report = await sync.RunAsync(new Application.Actor(sync.TenantId, "directory-sync", Domain.Common.ChangeSurface.System), stoppingToken);
                logger.LogInformation("Organisation sync: {Added} added, {Changed} changed, {Deactivated} deactivated, cycles broken: {Cycles}",
                    report.Added, report.Changed, report.Deactivated, report.BrokenCycles);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The organisation sync failed; it runs again in a day or on demand");
            }
        }
    }
}

public static class OrganisationSyncServiceCollectionExtensions
{
    /// <summary>The directory sync from Entra when <c>OrganisationSync:Enabled</c>: daily, and on demand through <see cref="OrganisationSync"/>.</summary>
    public static IServiceCollection AddOrganisationSync(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrganisationSyncOptions.Section).Get<OrganisationSyncOptions>() ?? new OrganisationSyncOptions();
        if (configuration["Graph:BaseUrl"] is { Length: > 0 } baseUrl) options.GraphBaseUrl = baseUrl;
        if (!options.Enabled) return services;
        services.AddSingleton(options);
        services.AddHttpClient(GraphOrganisationDirectory.HttpClientName);
        services.AddHttpClient(GraphOrganisationDirectory.TokenHttpClientName);
        services.AddSingleton<IOrganisationDirectory>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>();
            return GraphOrganisationDirectory.Create(http.CreateClient(GraphOrganisationDirectory.HttpClientName), new OrganisationSyncToken(options, http), options);
        });
        services.AddSingleton<OrganisationSync>();
        services.AddHostedService<OrganisationSyncService>();
        return services;
    }
}

using Collaboration.Application.Imports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Infrastructure.Imports;

/// <summary>
/// Writes queued imports one at a time, in the background, so the upload returns at once with a job id; at start-up
/// it first picks up the jobs a stop or crash interrupted.
/// </summary>
public sealed class ImportWorker(ImportQueue queue, ImportService imports, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resumed = await imports.ResumePendingAsync(stoppingToken);
            if (resumed > 0) logger.LogInformation("Resuming {Count} import(s) interrupted by a restart.", resumed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Interrupted imports could not be looked up; they stay queued until the next start.");
        }
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await imports.ProcessAsync(work, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import {JobId} failed.", work.JobId);
            }
        }
    }
}

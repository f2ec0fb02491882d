using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Application.Persistence;
using Collaboration.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collaboration.Infrastructure.Notifications;

/// <summary>
/// Runs a unit of background work in a loop: again while it finds work, else after its interval or as soon as its
/// <see cref="Wake"/> signal is set (work written by this process), whichever comes first. A pass that found less
/// than a full batch is followed by <see cref="BusyGap"/>: under load, work written meanwhile is taken together.
/// </summary>
public abstract class PollingService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Set when this process wrote work for this service; null: poll only.</summary>
    protected virtual WorkSignal? Wake => null;

    /// <summary>Does one pass; returns how much it did (0 means idle).</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    /// <summary>What a pass takes at most: a pass that did that much goes again at once (there is a backlog).</summary>
    protected virtual int FullPass => int.MaxValue;

    /// <summary>How long to wait after a pass that did some work but not a full pass's worth.</summary>
    protected virtual TimeSpan BusyGap => TimeSpan.Zero;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int done;
            try
            {
                done = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Service} pass failed; trying again in {Interval}", GetType().Name, Interval);
                done = 0;
            }
            if (stoppingToken.IsCancellationRequested) return;
            if (done > 0)
            {
                // Each pass is a write transaction that every writer of a SQLite file waits for: while changes keep
                // coming, one pass for several of them rather than one each.
                if (done < FullPass && BusyGap > TimeSpan.Zero) await Task.Delay(BusyGap, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(Interval, Clock, idle.Token);
            await (Wake is { } wake ? Task.WhenAny(delay, wake.WaitAsync(idle.Token)) : Task.WhenAny(delay));
            // Ends whichever wait is left; cancelled tasks are never unobserved exceptions.
            await idle.CancelAsync();
        }
    }
}

public sealed class OutboxDispatcherService(
    OutboxDispatcher dispatcher, CrmDatabase database, NotificationOptions options, TimeProvider clock, ILogger<OutboxDispatcherService> logger)
    : PollingService(clock, logger)
{
    protected override TimeSpan Interval => options.PollInterval;

    protected override WorkSignal? Wake => database.OutboxWritten;

    protected override int FullPass => options.OutboxBatchSize;

    protected override TimeSpan BusyGap => options.BusyPassGap;

    protected override Task<int> RunOnceAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);
}

public sealed class DeliverySenderService(
    DeliverySender sender, CrmDatabase database, NotificationOptions options, TimeProvider clock, ILogger<DeliverySenderService> logger)
    : PollingService(clock, logger)
{
    protected override TimeSpan Interval => options.PollInterval;

    protected override WorkSignal? Wake => database.DeliveriesWritten;

    protected override int FullPass => options.DeliveryBatchSize;

    protected override TimeSpan BusyGap => options.BusyPassGap;

    protected override Task<int> RunOnceAsync(CancellationToken ct) => sender.SendDueAsync(ct);
}

public sealed class NurtureRunnerService(
    NurtureRunner runner, NotificationAdmin admin, CrmDatabase database, NotificationOptions options, TimeProvider clock, ILogger<NurtureRunnerService> logger)
    : PollingService(clock, logger)
{
    protected override TimeSpan Interval => options.NurtureInterval;

    // Digests are written once per rep and day, so one pass is all there is until the next interval.
    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await runner.RunAsync(ct);
        var sentBefore = Clock.GetUtcNow() - options.SentRetention;
        foreach (var tenantId in await CrossTenantQueries.TenantIdsAsync(database, ct))
        {
            await admin.PurgeSentAsync(tenantId, sentBefore, ct);
        }
        return 0;
    }
}

/// <summary>Writes the managers' weekly digests when their Monday morning comes (checked every nurture interval).</summary>
public sealed class WeeklyDigestService(WeeklyDigestScheduler scheduler, NotificationOptions options, TimeProvider clock, ILogger<WeeklyDigestService> logger)
    : PollingService(clock, logger)
{
    protected override TimeSpan Interval => options.NurtureInterval;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await scheduler.RunAsync(ct);
        return 0;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>
/// Keeps one Graph subscription on the mailbox's inbox alive: created once the server listens (Graph validates the
/// notification URL on creation), renewed <see cref="SalesMailboxOptions.RenewBeforeMinutes"/> before it expires,
/// recreated when a renewal is refused. The subscription is stored (<see cref="MailboxSubscription"/>), so a restart
/// renews the same one; one that no longer fits (another clientState or address, expired) is replaced and deleted.
/// Lifecycle notifications renew it, recreate it, or read the recent inbox again.
/// </summary>
public sealed class SalesMailboxSubscriber(
    SalesMailboxGraph graph, SalesMailboxOptions options, CrmDatabase database, SalesMailboxQueue queue, SalesMailboxLifecycle lifecycle,
    SubscriptionValidationWindow validation, TimeProvider time, IHostApplicationLifetime lifetime, IServer server, ILogger<SalesMailboxSubscriber> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);
    private readonly StoredSubscription store = new(database, options, time);

    public SubscriptionState? Current { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded)
                {
                    Current = await ResumeOrCreateAsync(stoppingToken);
                    loaded = true;
                }
                if (Current is null) Current = await CreateAsync(null, stoppingToken);
                else if (time.GetUtcNow() >= Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes)) Current = await RenewAsync(Current, stoppingToken);
                while (lifecycle.TryRead(out var signal)) await HandleAsync(signal, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The sales mailbox subscription could not be created, renewed or caught up; trying again.");
            }
            // Short waits on the (testable) clock: a long sleep would miss a clock change, and a failed call is retried soon.
            var wait = Current is null ? TimeSpan.FromMinutes(1)
                : TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks,
                    Math.Min(CheckEvery.Ticks, (Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes) - time.GetUtcNow()).Ticks)));
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait, time, wake.Token);
            await Task.WhenAny(delay, lifecycle.WaitAsync(wake.Token));
            await wake.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The stored subscription renewed when it still fits; otherwise a new one, and the stale one deleted.</summary>
    private async Task<SubscriptionState> ResumeOrCreateAsync(CancellationToken ct)
    {
        var stored = await store.LoadAsync(ct);
        var url = SalesMailboxAddresses.NotificationUrl(options, server);
        if (stored is not null && stored.Fits(options.ClientState, url, time.GetUtcNow()))
        {
            logger.LogInformation("Resuming subscription {SubscriptionId} on {Mailbox}'s inbox.", stored.SubscriptionId, options.Mailbox);
            // Renewing at once both extends it and proves Graph still has it (a 404 means subscribing again).
            return await RenewAsync(new SubscriptionState(stored.SubscriptionId, stored.ExpiresAt, url), ct);
        }
        return await CreateAsync(stored?.SubscriptionId, ct);
    }

    private async Task HandleAsync(LifecycleSignal signal, CancellationToken ct)
    {
        if (Current is null || signal.SubscriptionId != Current.Id)
        {
            logger.LogInformation("Ignored lifecycle event {Event} for subscription {SubscriptionId}: not the current one.", signal.Event, signal.SubscriptionId);
            return;
        }
        switch (signal.Event)
        {
            case "reauthorizationRequired":
                Current = await RenewAsync(Current, ct);
                break;
            case "subscriptionRemoved":
                logger.LogWarning("Graph removed subscription {SubscriptionId}; subscribing again.", Current.Id);
                Current = null;
                Current = await CreateAsync(null, ct);
                await InboxCatchUp.QueueRecentAsync(graph, options, queue, time, logger, ct);
                break;
            case "missed":
                await InboxCatchUp.QueueRecentAsync(graph, options, queue, time, logger, ct);
                break;
            default:
                logger.LogInformation("Ignored unknown lifecycle event {Event}.", signal.Event);
                break;
        }
    }

    private async Task<SubscriptionState> CreateAsync(string? replacing, CancellationToken ct)
    {
        var url = SalesMailboxAddresses.NotificationUrl(options, server);
        Subscription? created;
        using (validation.Open())
        {
            created = await graph.Client.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = "created",
                NotificationUrl = url,
                LifecycleNotificationUrl = SalesMailboxAddresses.LifecycleUrl(options, url),
                Resource = $"users/{options.Mailbox}/mailFolders('inbox')/messages",
                ExpirationDateTime = Expiry(),
                ClientState = options.ClientState,
            }, cancellationToken: ct);
        }
        if (created is null) throw new InvalidOperationException("Graph returned no subscription.");
        logger.LogInformation("Subscribed to {Mailbox}'s inbox until {Expiry} ({SubscriptionId}).", options.Mailbox, created.ExpirationDateTime, created.Id);
        var state = new SubscriptionState(created.Id!, created.ExpirationDateTime ?? Expiry(), url);
        await store.SaveAsync(state, created: true, ct);
        if (replacing is not null && replacing != state.Id) await graph.DeleteSubscriptionAsync(replacing, logger, ct);
        return state;
    }

    private async Task<SubscriptionState> RenewAsync(SubscriptionState current, CancellationToken ct)
    {
        try
        {
            var renewed = await graph.Client.Subscriptions[current.Id].PatchAsync(new Subscription { ExpirationDateTime = Expiry() }, cancellationToken: ct);
            logger.LogInformation("Renewed subscription {SubscriptionId} until {Expiry}.", current.Id, renewed?.ExpirationDateTime);
            var state = current with { ExpiresAt = renewed?.ExpirationDateTime ?? Expiry() };
            await store.SaveAsync(state, created: false, ct);
            return state;
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            logger.LogWarning("Subscription {SubscriptionId} is gone; subscribing again.", current.Id);
            return await CreateAsync(null, ct);
        }
    }

    private DateTimeOffset Expiry() => time.GetUtcNow().AddMinutes(options.SubscriptionMinutes);

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}

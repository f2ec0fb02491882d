using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Persistence;
using Collaboration.Application.Users;
using Collaboration.Bot.Notifications;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure;
using Collaboration.Infrastructure.Notifications;
using Collaboration.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Activity = Collaboration.Bot.Protocol.Activities.Activity;

namespace Collaboration.Benchmarks.Load;

/// <summary>What `notify-host` hands back to `load`: every commit in order, and what the process saw of itself.</summary>
public sealed record NotificationHostResult(
    List<NotificationCommit> Commits, double PeakRssMiB, double AchievedPerSecond, double WriteP50Ms, double WriteP99Ms,
    int Sent, int Pending, int Parked, double DrainSeconds, int Conflicts);

/// <summary>One stage change: the deal and the wall-clock time MoveStageAsync returned (the transaction had committed).</summary>
public sealed record NotificationCommit(Guid Deal, long UtcTicks);

/// <summary>
/// `notify-host`: the real notification pipeline in its own process (so its peak RSS is its own): AddCrm +
/// AddNotifications (hosted OutboxDispatcher and DeliverySender) + AddBotProtocol (the real ConnectorClient) +
/// AddTeamsNotifications, with an in-memory conversation directory whose references point at the `load` process's
/// connector on 127.0.0.1. One manager moves deals of the reps under them through OpportunityService with surface
/// Outlook at a fixed rate (open loop: each change starts on schedule); each change notifies the deal's owner in their 1:1 chat.
/// Options: --provider Sqlite|Postgres --connection CS --service-url URL --token T --rate 100 --duration 30
/// --owners 200 --deals-per-owner 2 --drain 120 --result FILE and Notifications:* settings as --set Key=Value,...
/// </summary>
public static class NotificationHostCommand
{
    public static string Tenant { get; private set; } = "bench-tenant";
    public const string Mover = "mover";

    public static async Task<int> RunAsync(string[] args)
    {
        var o = LoadCommand.Parse(args);
        var inv = CultureInfo.InvariantCulture;
        var rate = double.Parse(o.GetValueOrDefault("rate", "100"), inv);
        var duration = TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("duration", "30"), inv));
        var owners = int.Parse(o.GetValueOrDefault("owners", "200"), inv);
        var dealsPerOwner = int.Parse(o.GetValueOrDefault("deals-per-owner", "2"), inv);
        var drain = TimeSpan.FromSeconds(double.Parse(o.GetValueOrDefault("drain", "120"), inv));
        var serviceUrl = o["service-url"];
        Tenant = o.GetValueOrDefault("tenant", Tenant);

        // The `load` process's connector listens on 127.0.0.1 over http: a service URL only the Development environment allows.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = o.GetValueOrDefault("provider", "Sqlite"),
            ["ConnectionStrings:Crm"] = o["connection"],
            ["MicrosoftAppId"] = BotClient.AppId,
        };
        foreach (var pair in o.GetValueOrDefault("set", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            settings["Notifications:" + key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        var configuration = builder.Configuration;
        // The token the local issuer minted for the whole run (MSAL against the local issuer is the bot scenario's business).
        builder.Services.AddSingleton<IBotTokenProvider>(new StaticToken(o["token"]));
        builder.Services.AddCrm(configuration).AddNotifications(configuration).AddBotProtocol(configuration).AddTeamsNotifications(configuration);
        builder.Services.AddSingleton<IConversationDirectory>(new BenchDirectory(serviceUrl));
        builder.Services.AddSingleton<INotificationRenderer, BenchRenderer>();
        using var host = builder.Build();
        await host.Services.MigrateCrmDatabaseAsync();
        var database = host.Services.GetRequiredService<CrmDatabase>();
        var deals = host.Services.GetRequiredService<OpportunityService>();
        var ids = await SeedAsync(host.Services, owners, dealsPerOwner);
        Console.WriteLine($"notify-host: {owners} owners, {ids.Count} deals seeded; pipeline options {JsonSerializer.Serialize(host.Services.GetRequiredService<NotificationOptions>())}");

        await host.StartAsync();
        await WaitIdleAsync(database, TimeSpan.FromMinutes(2));

        var mover = new Actor(Tenant, Mover, ChangeSurface.Outlook);
        var commits = new ConcurrentQueue<NotificationCommit>();
        var writes = new ConcurrentQueue<double>();
        var total = (int)Math.Round(rate * duration.TotalSeconds);
        var inFlight = new List<Task>();
        var conflicts = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            // Open loop: each change starts on time whether or not the previous one has returned (SQLite still
            // serialises the writes). Round-robin over owners first, so consecutive changes go to different
            // conversations; a deal is changed again only after every other deal was, so never concurrently.
            var deal = ids[i % ids.Count];
            var target = (i / ids.Count) % 2 == 0 ? Stage.Qualify : Stage.New;
            inFlight.Add(Task.Run(async () =>
            {
                var started = clock.Elapsed;
                // Under heavy contention a write can outlast the round-robin, so two changes to one deal overlap:
                // the second gets a conflict, and retries the way a user would.
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await deals.MoveStageAsync(mover, deal, null, target);
                        break;
                    }
                    catch (ConcurrencyConflictException) when (attempt < 5)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
                commits.Enqueue(new NotificationCommit(deal, DateTimeOffset.UtcNow.UtcTicks));
                writes.Enqueue((clock.Elapsed - started).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(inFlight);
        var generated = clock.Elapsed;
        var drainWatch = Stopwatch.StartNew();
        var (sent, pending, parked) = await WaitIdleAsync(database, drain);
        var drained = drainWatch.Elapsed;
        var sortedWrites = writes.Order().ToList();
        var result = new NotificationHostResult(commits.OrderBy(c => c.UtcTicks).ToList(), PeakRssMiB(), total / generated.TotalSeconds,
            sortedWrites[sortedWrites.Count / 2], sortedWrites[Math.Min(sortedWrites.Count - 1, (int)Math.Ceiling(sortedWrites.Count * 0.99) - 1)],
            sent, pending, parked, drained.TotalSeconds, conflicts);
        await File.WriteAllTextAsync(o["result"], JsonSerializer.Serialize(result));
        await host.StopAsync();
        return 0;
    }

    private static async Task<List<Guid>> SeedAsync(IServiceProvider services, int owners, int dealsPerOwner)
    {
        var users = services.GetRequiredService<UserDirectory>();
        var database = services.GetRequiredService<CrmDatabase>();
        var deals = services.GetRequiredService<OpportunityService>();
        await users.EnsureAsync(new UserProfile(Tenant, Mover, "Morgan Mover", "mover@seller.example", "en-US", "UTC"));
        var names = Enumerable.Range(0, owners).Select(Owner).ToList();
        foreach (var name in names) await users.EnsureAsync(new UserProfile(Tenant, name, name, $"{name}@seller.example", "en-US", "UTC"));
        await using (var db = database.Open(Tenant))
        {
            foreach (var user in await db.Users.Where(u => u.ObjectId != Mover).ToListAsync()) user.PlaceInTeam("bench", Mover);
            await db.SaveChangesAsync();
        }
        var ids = new List<Guid>();
        for (var d = 0; d < dealsPerOwner; d++)
        {
            foreach (var name in names)
            {
                var deal = await deals.CaptureAsync(new Actor(Tenant, name, ChangeSurface.Teams), new CaptureRequest($"{name} deal {d}"));
                ids.Add(deal.Id);
            }
        }
        return ids;
    }

    public static string Owner(int i) => $"owner-{i:D4}";

    /// <summary>Waits until no outbox row and no delivery is pending (or the time is up); returns sent, pending, parked.</summary>
    private static async Task<(int Sent, int Pending, int Parked)> WaitIdleAsync(CrmDatabase database, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var db = database.Open(Tenant);
            var outbox = await db.Outbox.CountAsync(m => m.ProcessedAt == null);
            var pending = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Pending);
            if ((outbox == 0 && pending == 0) || deadline.Elapsed > timeout)
            {
                var sent = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent);
                var parked = await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Parked);
                return (sent, pending + outbox, parked);
            }
            await Task.Delay(100);
        }
    }

    private static double PeakRssMiB()
    {
        if (!LoadCommand.IsLinux) return double.NaN;
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(new string(line.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture) / 1024.0;
    }

    private sealed class StaticToken(string token) : IBotTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }

    /// <summary>Every rep has a 1:1 conversation "a:{objectId}" at the local connector.</summary>
    private sealed class BenchDirectory(string serviceUrl) : IConversationDirectory
    {
        public Task<StoredConversation?> FindPersonalAsync(string tenantId, string userObjectId, CancellationToken cancellationToken) =>
            Task.FromResult<StoredConversation?>(new StoredConversation(new ConversationReference
            {
                ServiceUrl = serviceUrl,
                ChannelId = "msteams",
                ConversationId = "a:" + userObjectId,
                ConversationType = "personal",
                TenantId = tenantId,
                BotId = "28:" + BotClient.AppId,
                UserAadObjectId = userObjectId,
            }));

        public Task<StoredConversation?> FindAsync(string tenantId, string conversationKey, CancellationToken cancellationToken) =>
            Task.FromResult<StoredConversation?>(null);

        public Task<BotEndpoint?> EndpointForTenantAsync(string tenantId, CancellationToken cancellationToken) =>
            Task.FromResult<BotEndpoint?>(new BotEndpoint(serviceUrl, "28:" + BotClient.AppId));

        public Task SavePersonalAsync(string tenantId, string userObjectId, ConversationReference reference, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeactivateAsync(string tenantId, string conversationId, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Text that names the deal (the connector matches arrivals to commits by it).</summary>
    private sealed class BenchRenderer : INotificationRenderer
    {
        public Task<Activity> RenderAsync(DeliveryMessage message, ConversationReference conversation, CancellationToken cancellationToken) =>
            Task.FromResult(conversation.CreateMessage($"deal={message.OpportunityId:N} {message.Kind} {message.OpportunityName}: {message.FromStage} -> {message.ToStage}"));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Collaboration.Application;
using Collaboration.Application.Capture;
using Collaboration.Application.Conversations;
using Collaboration.Application.Opportunities;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Notifications;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Collaboration.Playground.Tests;

/// <summary>
/// The bot host as its own process (the built Collaboration.Bot.dll) sending 1,000 stage-change notifications to a
/// slow connector, killed with SIGKILL partway and started again: every notification arrives, and duplicates are at
/// most the messages that were in flight when it died (one per kill: the sender sends one at a time).
/// </summary>
public sealed partial class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Tenant = "tenant-a";
    private const string Owner = "aad-owner";
    private const string Mover = "aad-mover";
    private const int Notifications = 1000;
    private const int InFlightPerProcess = 1;

    [Fact]
    public async Task ABotKilledWhileSendingLosesNoNotificationAndResendsAtMostTheOneInFlight()
    {
        var started = Stopwatch.StartNew();
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await using var connector = await LocalConnector.StartAsync();
        connector.Respond = r => new SlowOk($"activity-{r.Number}", TimeSpan.FromMilliseconds(20));
        await SeedAsync(db, connector.ServiceUrl);
        output.WriteLine($"seeded {Notifications} stage changes in {started.Elapsed.TotalSeconds:0.0} s");

        var kills = 0;
        using (var first = StartBot(db))
        {
            await WaitUntilAsync(() => Posts(connector) >= 300, TimeSpan.FromSeconds(60), first);
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no lease released
            await first.WaitForExitAsync();
            kills++;
        }
        var atKill = Posts(connector);
        output.WriteLine($"killed after {atKill} messages arrived ({started.Elapsed.TotalSeconds:0.0} s)");
        Assert.InRange(atKill, 300, Notifications - 1);

        using (var second = StartBot(db))
        {
            await WaitUntilAsync(() => SentAsync(db).GetAwaiter().GetResult() == Notifications, TimeSpan.FromSeconds(90), second);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var names = connector.Requests.Where(r => r.Method == "POST").Select(r => DealName().Match(r.Body).Value).ToList();
        var payloads = connector.Requests.Where(r => r.Method == "POST").Select(r => r.Body).ToList();
        var distinct = names.Distinct().Count();
        var duplicates = names.Count - distinct;
        var duplicatePayloads = payloads.Count - payloads.Distinct().Count();
        output.WriteLine($"DUPLICATES: {duplicates} (same deal twice), {duplicatePayloads} (same payload twice); {names.Count} messages for " +
            $"{distinct} notifications; kills: {kills}; bound: {kills * InFlightPerProcess}; total {started.Elapsed.TotalSeconds:0.0} s");

        Assert.All(names, n => Assert.False(string.IsNullOrEmpty(n)));
        Assert.Equal(Notifications, distinct);
        Assert.InRange(duplicates, 0, kills * InFlightPerProcess);
        await using var check = db.Database.Open(Tenant);
        Assert.Equal(Notifications, await check.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task TwoBotInstancesOnPostgresSendEachOf1000NotificationsExactlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var connector = await LocalConnector.StartAsync();
        connector.Respond = r => new SlowOk($"activity-{r.Number}", TimeSpan.FromMilliseconds(5));
        await SeedAsync(db, connector.ServiceUrl);

        // Exactly once holds while no single send stalls longer than half the lease (the sender renews half-way);
        // a 3 s lease on a loaded two-core machine did not, so this test runs with a production-like lease.
        using var first = StartBot(db, lease: TimeSpan.FromSeconds(60));
        using var second = StartBot(db, lease: TimeSpan.FromSeconds(60));
        try
        {
            await WaitUntilAsync(() => SentAsync(db).GetAwaiter().GetResult() == Notifications, TimeSpan.FromSeconds(120), first);
            if (second.HasExited)
            {
                foreach (var line in _logs.GetValueOrDefault(second.Id) ?? new()) output.WriteLine(line);
                Assert.Fail($"The second instance stopped, with {second.ExitCode} (its output is above).");
            }
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            second.Kill(entireProcessTree: true);
            await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());
        }

        var names = connector.Requests.Where(r => r.Method == "POST").Select(r => DealName().Match(r.Body).Value).ToList();
        output.WriteLine($"{names.Count} messages for {names.Distinct().Count()} notifications from two instances");
        Assert.Equal(Notifications, names.Distinct().Count());
        Assert.Equal(Notifications, names.Count);
    }

    private static int Posts(LocalConnector connector) => connector.Requests.Count(r => r.Method == "POST");

    private static async Task<int> SentAsync(TestDatabase db)
    {
        await using var context = db.Database.Open(Tenant);
        return await context.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent);
    }

    /// <summary>1,000 deals of the owner, each moved New → Qualify by a teammate through the API; the owner's chat points at the connector.</summary>
    private static async Task SeedAsync(TestDatabase db, string serviceUrl)
    {
        var clock = TimeProvider.System;
        var users = new UserDirectory(db.Database, clock);
        await users.EnsureAsync(new UserProfile(Tenant, Owner, "Olivia Owner", "owner@example.com", "en-US", "UTC"));
        await users.EnsureAsync(new UserProfile(Tenant, Mover, "Megan Mover", "mover@example.com", "en-US", "UTC"));
        await Team.PlaceAsync(db, Tenant, "east", Owner, Mover);
        await new ConversationDirectory(db.Database, clock).RememberAsync(Tenant, "a:personal-owner",
            new ConversationAddress(serviceUrl, "msteams", "personal", Owner, null, "28:collaboration-bot", "en-US"));
        var deals = new OpportunityService(db.Database, new PartyMatcher(db.Database), clock);
        var owner = new Actor(Tenant, Owner, ChangeSurface.Teams);
        var mover = new Actor(Tenant, Mover, ChangeSurface.Api);
        for (var i = 0; i < Notifications; i++)
        {
            var deal = await deals.CaptureAsync(owner, new CaptureRequest($"Deal {i:0000}"));
            await deals.MoveStageAsync(mover, deal.Id, deal.Version, Stage.Qualify);
        }
    }

    private Process StartBot(TestDatabase db, TimeSpan? lease = null)
    {
        var dll = BotDll();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{CrmBotPlaygroundFixture.FreePort()}",
            // Development sign-in, and the local connector on 127.0.0.1 over http, exist only in Development.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["MicrosoftAppId"] = "",
            ["MicrosoftAppPassword"] = "",
            ["Database__Provider"] = db.Kind == DatabaseKind.Postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings__Crm"] = db.Database.ConnectionString,
            ["Notifications__PollInterval"] = "00:00:00.100",
            ["Notifications__DeliveryBatchSize"] = "20",
            ["Notifications__OutboxBatchSize"] = "200",
            ["Notifications__LeaseDuration"] = (lease ?? TimeSpan.FromSeconds(3)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__NurtureInterval"] = "01:00:00",
            ["Notifications__PerConversationPerSecond"] = "100000",
            ["Notifications__PerConversationPer2Seconds"] = "100000",
            ["Notifications__PerConversationPer30Seconds"] = "100000",
            ["Notifications__PerConversationPerHour"] = "1000000",
            ["Notifications__PerTenantPerSecond"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var log = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _logs[process.Id] = log;
        return process;
    }

    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _logs = new();

    private async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, Process bot)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done())
        {
            if (bot.HasExited || DateTime.UtcNow > until)
            {
                foreach (var line in _logs.GetValueOrDefault(bot.Id) ?? new()) output.WriteLine(line);
                Assert.Fail(bot.HasExited ? $"The bot exited with {bot.ExitCode}." : $"Not done within {timeout}.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>bot/Collaboration.Bot/bin/&lt;configuration&gt;/net10.0/Collaboration.Bot.dll, built with this test project.</summary>
    private static string BotDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var root = new DirectoryInfo(here);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Collaboration.sln"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("No Collaboration.sln above " + here),
            "bot", "Collaboration.Bot", "bin", configuration, "net10.0", "Collaboration.Bot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the bot first.", dll);
    }

    [GeneratedRegex(@"Deal \d{4}")]
    private static partial Regex DealName();

    /// <summary>A connector that takes its time: the request is recorded on arrival, the answer comes 20 ms later.</summary>
    private sealed class SlowOk(string id, TimeSpan delay) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await Task.Delay(delay);
            await Results.Json(new { id }).ExecuteAsync(httpContext);
        }
    }
}

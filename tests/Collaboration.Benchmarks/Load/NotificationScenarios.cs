using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collaboration.Benchmarks.Load;

/// <summary>One notification run: its settings and what came of it.</summary>
public sealed record NotificationRow(
    string Name, string Database, string Settings, int Owners, double Rate, double Seconds, NotificationHostResult Host,
    int Arrived, int Matched, double P50Ms, double P99Ms, double MaxMs, double DeliveredPerSecond, double WithinTwoSeconds);

/// <summary>
/// The Bot Connector stand-in for notifications: records when each activity arrived (wall clock, the same clock the
/// pipeline process stamps its commits with) and which deal it was about.
/// </summary>
public sealed class ArrivalConnector : IAsyncDisposable
{
    private LoopbackServer _server = null!;
    private long _count;

    public string ServiceUrl => _server.BaseUrl + "/_connector/";
    public string? ExpectedAuthorization { get; set; }
    public long Unauthorized;
    public ConcurrentQueue<(string Conversation, Guid Deal, long UtcTicks)> Arrivals { get; private set; } = new();

    public void Reset() => Arrivals = new ConcurrentQueue<(string, Guid, long)>();

    public static async Task<ArrivalConnector> StartAsync()
    {
        var connector = new ArrivalConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            var at = DateTimeOffset.UtcNow.UtcTicks;
            if (connector.ExpectedAuthorization is { } expected && context.Request.Headers.Authorization != expected)
            {
                Interlocked.Increment(ref connector.Unauthorized);
            }
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var text = body.RootElement.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            var path = context.Request.Path.Value ?? "";
            var start = text.IndexOf("deal=", StringComparison.Ordinal);
            if (start >= 0 && Guid.TryParseExact(text.AsSpan(start + 5, 32), "N", out var deal))
            {
                var conversation = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3) ?? "");
                connector.Arrivals.Enqueue((conversation, deal, at));
            }
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"activity-" + Interlocked.Increment(ref connector._count) + "\"}");
        }));
        return connector;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

public static class NotificationScenarios
{
    /// <summary>Runs `notify-host` once and matches the k-th arrival about a deal with the k-th commit on it.</summary>
    public static async Task<NotificationRow> RunAsync(
        string name, string database, string provider, string connection, string settings, int owners, int dealsPerOwner, double rate,
        double seconds, double drain, ArrivalConnector connector, string token, string work, TextWriter log)
    {
        connector.Reset();
        var self = typeof(NotificationScenarios).Assembly.Location;
        var resultFile = Path.Combine(work, $"notify-{Guid.NewGuid():N}.json");
        var inv = CultureInfo.InvariantCulture;
        var info = new ProcessStartInfo(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(self)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            self, "notify-host", "--provider", provider, "--connection", connection, "--service-url", connector.ServiceUrl, "--token", token,
            "--rate", rate.ToString(inv), "--duration", seconds.ToString(inv), "--owners", owners.ToString(inv),
            "--deals-per-owner", dealsPerOwner.ToString(inv), "--drain", drain.ToString(inv), "--tenant", $"bench-{Guid.NewGuid():N}", "--result", resultFile, "--set", settings,
        }) info.ArgumentList.Add(a);
        log.WriteLine($"Notifications: {name} ({database}, {settings}) {rate}/s for {seconds} s over {owners} owners");
        var output = new StringBuilder();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        await File.WriteAllTextAsync(Path.Combine(work, $"notify-{name.Replace(' ', '-')}-{database}.log"), output.ToString());
        if (process.ExitCode != 0 || !File.Exists(resultFile))
        {
            throw new InvalidOperationException($"notify-host failed ({process.ExitCode}):\n{output}");
        }
        var host = JsonSerializer.Deserialize<NotificationHostResult>(await File.ReadAllTextAsync(resultFile))!;
        File.Delete(resultFile);

        var arrivals = connector.Arrivals.ToList();
        var byDeal = arrivals.GroupBy(a => a.Deal).ToDictionary(g => g.Key, g => new Queue<long>(g.Select(a => a.UtcTicks).Order()));
        var latencies = new List<double>();
        foreach (var commit in host.Commits)
        {
            if (byDeal.TryGetValue(commit.Deal, out var queue) && queue.Count > 0)
            {
                latencies.Add(TimeSpan.FromTicks(queue.Dequeue() - commit.UtcTicks).TotalMilliseconds);
            }
        }
        latencies.Sort();
        // Unmatched commits (never delivered while we waited) count as "not within 2 s".
        double Percentile(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * q) - 1)];
        var first = host.Commits.Count > 0 ? host.Commits[0].UtcTicks : 0;
        var last = arrivals.Count > 0 ? arrivals.Max(a => a.UtcTicks) : first;
        var row = new NotificationRow(name, database, settings, owners, rate, seconds, host, arrivals.Count, latencies.Count,
            Percentile(0.50), Percentile(0.99), latencies.Count == 0 ? double.NaN : latencies[^1],
            arrivals.Count / Math.Max(0.001, TimeSpan.FromTicks(last - first).TotalSeconds),
            host.Commits.Count == 0 ? double.NaN : latencies.Count(l => l <= 2000) / (double)host.Commits.Count);
        log.WriteLine(string.Create(inv,
            $"  commits {host.Commits.Count} at {host.AchievedPerSecond:F1}/s (write p50 {host.WriteP50Ms:F1} ms p99 {host.WriteP99Ms:F1} ms), arrived {row.Arrived}, matched {row.Matched}, p50 {row.P50Ms:F0} ms, p99 {row.P99Ms:F0} ms, max {row.MaxMs:F0} ms, delivered {row.DeliveredPerSecond:F1}/s, ≤2 s {row.WithinTwoSeconds:P1}, pending {host.Pending}, parked {host.Parked}, conflicts retried {host.Conflicts}, peak RSS {host.PeakRssMiB:F0} MiB"));
        return row;
    }

    public static string Markdown(List<NotificationRow> rows, List<(string Name, PaneResult Result)> pane, PaneSize? size, string root, List<string> notes)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(inv, $"# Notification and task pane benchmarks {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        s.AppendLine(inv, $"Commit {Report.Commit(root)}; {Environment.ProcessorCount} cores shared with other work; {Report.Cpu()}. Written by the load driver's notifications and pane scenarios (`./bench.sh` runs them after its build; `load --only notifications,pane` runs just them).").AppendLine();
        if (rows.Count > 0)
        {
            s.AppendLine("## Notifications: Outlook stage change → Teams connector").AppendLine();
            s.AppendLine("One manager moves deals of the reps under them through `OpportunityService.MoveStageAsync` (surface Outlook), open loop at a fixed rate (each change starts on schedule, whether or not the previous one has returned); each change notifies the deal's owner in their 1:1 conversation. The pipeline is the real one in its own process (`notify-host`): hosted `OutboxDispatcher` + `DeliverySender` + `NotificationRateLimiter` + `TeamsNotificationChannel` + the real `ConnectorClient` (bearer token) POSTing to a connector on 127.0.0.1 in the driver process. Latency = connector arrival − the moment `MoveStageAsync` returned (committed), both wall clock on the same machine; the k-th arrival about a deal is matched with the k-th change to it.").AppendLine();
            s.AppendLine("| Run | DB | Settings | Owners (conversations) | Offered | Achieved writes/s | Delivered/s | Arrived / changes | p50 | p99 | max | ≤ 2 s | Left pending | Peak RSS |");
            s.AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in rows)
            {
                s.AppendLine(inv, $"| {r.Name} | {r.Database} | {(r.Settings.Length == 0 ? "production defaults" : "`" + r.Settings + "`")} | {r.Owners} | {r.Rate:F0}/s × {r.Seconds:F0} s | {r.Host.AchievedPerSecond:F1} | {r.DeliveredPerSecond:F1} | {r.Arrived} / {r.Host.Commits.Count} | {Ms(r.P50Ms)} | {Ms(r.P99Ms)} | {Ms(r.MaxMs)} | {r.WithinTwoSeconds:P1} | {r.Host.Pending} | {r.Host.PeakRssMiB:F0} MiB |");
            }
            s.AppendLine();
            s.AppendLine("p50/p99/max are over the changes that arrived; \"≤ 2 s\" is over all changes (one still pending counts as late); \"Left pending\" is what was not delivered when the run stopped waiting (60 s after the last change). Write conflicts retried (two overlapping changes to one deal under contention): "
                + string.Join("; ", rows.Select(r => string.Create(inv, $"{r.Name} {r.Database} {r.Host.Conflicts}"))) + ".").AppendLine();
            s.AppendLine("\"Delivered/s\" is arrivals over the time from the first change to the last arrival. Write latency of `MoveStageAsync` (p50 / p99): "
                + string.Join("; ", rows.Select(r => string.Create(inv, $"{r.Name} {r.Database} {r.Host.WriteP50Ms:F1} / {r.Host.WriteP99Ms:F1} ms"))) + ".").AppendLine();
        }
        if (pane.Count > 0)
        {
            s.AppendLine("## Task pane first render").AppendLine();
            s.AppendLine("The real add-in backend (Release, SQLite) on 127.0.0.1, `/taskpane.html` in headless Debian chromium (`/usr/bin/chromium`, the pane tests' launch args) with the Office.js stub served in place of appsforoffice.microsoft.com. Time = from navigation start (`performance.timeOrigin`) to the first animation frame in which the sender's name and the \"Create opportunity\" button are both visible (a MutationObserver + requestAnimationFrame probe injected before the page's scripts). Cold: a fresh browser context (empty HTTP cache) per run; warm: the same context, page reloaded.").AppendLine();
            s.AppendLine("| Run | n | p50 | p99 | max | Goal < 500 ms at p99 |").AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
            foreach (var (n, r) in pane) s.AppendLine(inv, $"| {n} | {r.Samples.Count} | {Ms(r.P50)} | {Ms(r.P99)} | {Ms(r.Max)} | {(r.P99 < 500 ? "yes" : "**no**")} |");
            if (size is not null)
            {
                s.AppendLine().AppendLine(inv, $"Loaded by the first render: {string.Join(", ", size.Files.Select(f => $"`{f.Path}` {f.Raw / 1024.0:F1} KiB ({f.Gzip / 1024.0:F1} KiB gzipped)"))}; JS+CSS gzipped total **{size.Files.Where(f => !f.Path.EndsWith(".html", StringComparison.Ordinal)).Sum(f => f.Gzip) / 1024.0:F1} KiB** (the HTML {size.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Sum(f => f.Gzip) / 1024.0:F1} KiB gzipped besides).");
            }
            s.AppendLine();
        }
        foreach (var note in notes) s.AppendLine(note).AppendLine();
        return s.ToString();
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms >= 10_000 ? $"{ms / 1000:F1} s" : $"{ms:F0} ms";
}

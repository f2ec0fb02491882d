using System.Diagnostics;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// CPU samples of a server under load: dotnet-trace (the repository's local tool) collects thread-time samples for a
/// while, then its topN report names the methods most often on top of a stack (exclusive) while the load runs.
/// </summary>
public sealed class Tracing(string directory, string root)
{
    private readonly List<Task> _reports = [];

    public List<(string Title, string TopFrames)> Traces { get; } = [];

    // Frames where a thread waits (thread-time samples cover idle and blocked threads too): left out of the top list.
    private static readonly string[] WaitFrames =
    [
        "Wait", "Semaphore", "Monitor.", "Sys.Read", "PollGC", "Thread.StartCore", "Missing Symbol", "WorkerThreadStart", "Sleep", "epoll",
        "ThreadPoolWorkQueue.Dispatch", "ExecutionContext.Run", "AsyncMethodBuilderCore.Start", "UNMANAGED_CODE_TIME",
    ];

    /// <summary>Collects for <paramref name="seconds"/> from now; returns when the collection ended (the report is read later).</summary>
    public async Task CollectAsync(string title, int processId, double seconds)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{string.Concat(title.Where(char.IsLetterOrDigit))}-{DateTime.UtcNow:HHmmss}.nettrace");
        var duration = TimeSpan.FromSeconds(Math.Max(1, seconds));
        var collect = await RunAsync($"dotnet-trace collect -p {processId} --profile dotnet-sampled-thread-time -o {file} --duration {duration:dd\\:hh\\:mm\\:ss}",
            duration + TimeSpan.FromSeconds(60));
        lock (_reports) _reports.Add(Task.Run(async () =>
        {
            var top = File.Exists(file) ? Busy(await RunAsync($"dotnet-trace report {file} topN -n 80", TimeSpan.FromMinutes(3))) : "(no trace: " + collect.Trim() + ")";
            lock (Traces) Traces.Add((title, top));
        }));
    }

    /// <summary>Waits for every report still being read.</summary>
    public Task FinishAsync()
    {
        lock (_reports) return Task.WhenAll(_reports.ToArray());
    }

    /// <summary>The topN table without the wait frames, at most 20 rows (percentages stay shares of all samples).</summary>
    private static string Busy(string report)
    {
        var lines = report.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var header = lines.FirstOrDefault(l => l.Contains("Top ", StringComparison.Ordinal));
        if (header is null) return report.Trim();
        var rows = lines.Where(l => l.Length > 4 && char.IsDigit(l[0]) && l.Contains('%', StringComparison.Ordinal))
            .Where(l => !WaitFrames.Any(w => l.Contains(w, StringComparison.Ordinal)))
            .Take(20)
            .Select(l => l[(l.IndexOf('.', StringComparison.Ordinal) + 1)..].TrimStart());
        var functions = header.IndexOf(" Functions", StringComparison.Ordinal);
        var title = functions < 0 ? header : "Top 20 busy" + header[functions..];
        return title + "\n" + string.Join("\n", rows);
    }

    private async Task<string> RunAsync(string arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        return await output + await error;
    }
}

using System.Diagnostics;

namespace Collaboration.Benchmarks.Load;

public sealed record LoadSettings(TimeSpan WarmUp, TimeSpan Duration);

public sealed record LoadResult(
    string Name, int Workers, long Requests, long Errors, double Seconds, double PerSecond, double P50, double P99, double Max, double Mean, string? FirstError);

/// <summary>What one request returned: whether it did what was asked, and why not.</summary>
public readonly record struct Outcome(bool Ok, string? Error = null)
{
    public static readonly Outcome Success = new(true);
    public static Outcome Fail(string error) => new(false, error);
}

/// <summary>
/// N workers each send one request at a time (closed loop) for a warm-up and then a fixed measured window. Only
/// requests that start and end inside the window count; latency is the time until the HTTP response was read.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync(string name, int workers, LoadSettings settings, Func<int, CancellationToken, Task<Outcome>> request)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(settings.WarmUp.TotalSeconds * Stopwatch.Frequency);
        var measureTo = measureFrom + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
        var histograms = new LatencyHistogram[workers];
        var errors = new long[workers];
        string? firstError = null;
        using var hardStop = new CancellationTokenSource(settings.WarmUp + settings.Duration + TimeSpan.FromSeconds(30));

        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var histogram = histograms[worker] = new LatencyHistogram();
            while (true)
            {
                var begin = Stopwatch.GetTimestamp();
                if (begin >= measureTo || hardStop.IsCancellationRequested) break;
                Outcome outcome;
                try
                {
                    outcome = await request(worker, hardStop.Token);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcome = Outcome.Fail(ex.GetType().Name + ": " + ex.Message);
                }
                var end = Stopwatch.GetTimestamp();
                if (begin < measureFrom || end > measureTo) continue;
                if (outcome.Ok)
                {
                    histogram.Record((end - begin) * 1_000_000 / Stopwatch.Frequency);
                }
                else
                {
                    errors[worker]++;
                    Interlocked.CompareExchange(ref firstError, outcome.Error, null);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var all = new LatencyHistogram();
        foreach (var h in histograms) all.Add(h);
        var seconds = settings.Duration.TotalSeconds;
        return new LoadResult(name, workers, all.Count, errors.Sum(), seconds, all.Count / seconds,
            all.PercentileMillis(50), all.PercentileMillis(99), all.MaxMicros / 1000.0, all.MeanMillis, firstError);
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// A host's start is timed on a machine that is otherwise at rest: on two cores, a start that overlaps the driver's own
/// start-up, the last host's exit or the connector working off its backlog measures those as well (the same code
/// started in 1.07-1.27 s alone and 1.59-1.70 s in a full run). Waits until the machine's CPU, all processes, stays
/// below a threshold for a moment, or gives up after a while; either way it says what it saw, for the log.
/// </summary>
public static class QuietMachine
{
    private const double Threshold = 0.15;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(15);

    public static async Task<string> WaitAsync()
    {
        if (!File.Exists("/proc/stat")) return "machine's CPU not readable here; started at once";
        var waited = Stopwatch.StartNew();
        var busy = 1.0;
        var before = Read();
        while (waited.Elapsed < AtMost)
        {
            await Task.Delay(Window);
            var now = Read();
            var total = now.Total - before.Total;
            busy = total == 0 ? 0 : (double)(now.Busy - before.Busy) / total;
            before = now;
            if (busy < Threshold) break;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"machine at {busy:P0} CPU after waiting {waited.Elapsed.TotalSeconds:F1} s (waits for < {Threshold:P0} over {Window.TotalMilliseconds:F0} ms, at most {AtMost.TotalSeconds:F0} s)");
    }

    // The first line of /proc/stat: user nice system idle iowait irq softirq steal ... in clock ticks since boot.
    private static (long Busy, long Total) Read()
    {
        using var reader = new StreamReader("/proc/stat");
        var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        var total = fields.Take(8).Sum();
        return (total - idle, total);
    }
}

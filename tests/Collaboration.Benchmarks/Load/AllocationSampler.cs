using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// When <see cref="FileVariable"/> names a file (by hand, when looking for what a request allocates): the runtime's
/// allocation samples (one event per ~100 KB allocated, naming the type that crossed the mark) in the host, summed by
/// type and written to that file every five seconds, the largest first. Loaded with <see cref="SqlCommandCounter"/>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    public const string FileVariable = "BENCH_ALLOC_TYPES";
    private const long GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private readonly string? _file = Environment.GetEnvironmentVariable(FileVariable);

    public static void StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is not { Length: > 0 }) return;
        var sampler = new AllocationSampler();
        new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(5000);
                sampler.Write();
            }
        })
        { IsBackground = true, Name = "bench-alloc-sampler" }.Start();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null || e.PayloadNames is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 0;
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    private void Write()
    {
        var total = _bytes.Values.Sum();
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"total {total / 1048576.0:F1} MiB sampled");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(60))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{100.0 * bytes / Math.Max(1, total),6:F2}%  {bytes / 1048576.0,9:F1} MiB  {type}");
        }
        File.WriteAllText(_file!, text.ToString());
    }
}

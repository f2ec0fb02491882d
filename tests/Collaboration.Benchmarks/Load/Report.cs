using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Collaboration.Benchmarks.Load;

/// <summary>The markdown results file: the machine, every scenario, our/baseline ratios, memory and the goals.</summary>
public static class Report
{
    public static string Write(LoadSettings settings, List<ScenarioRow> rows, List<(string Process, double PeakMiB, string Note)> memory,
        List<string> notes, string? micro, string root)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Benchmark results {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        s.AppendLine("## Machine").AppendLine();
        s.AppendLine("| | |").AppendLine("| --- | --- |");
        s.AppendLine(inv, $"| CPU | {CpuModel()} |");
        s.AppendLine(inv, $"| Cores | {Environment.ProcessorCount} (shared with other work while measuring) |");
        s.AppendLine(inv, $"| Memory | {MemoryTotal()} |");
        s.AppendLine(inv, $"| OS | {OsName()} |");
        s.AppendLine(inv, $"| .NET | {RuntimeInformation.FrameworkDescription} |");
        s.AppendLine(inv, $"| Node | {Run("node", "--version", root)} |");
        s.AppendLine(inv, $"| Commit | {Run("git", "rev-parse --short HEAD", root)} |");
        s.AppendLine(inv, $"| Load | closed loop, each worker one request at a time; {settings.WarmUp.TotalSeconds:F0} s warm-up, {settings.Duration.TotalSeconds:F0} s measured per row |");
        s.AppendLine();

        s.AppendLine("## HTTP load").AppendLine();
        s.AppendLine("Latency is client-side, until the HTTP response was read. Bot turns: real RS256 tokens from the local issuer, real SQLite, replies POSTed to a local connector with a client-credentials token **before** the bot's 200. \"connector calls/turn\" counts what reached the connector.").AppendLine();
        s.AppendLine("| Target | Scenario | Concurrency | Throughput (/s) | p50 (ms) | p99 (ms) | max (ms) | Errors | Connector calls/turn |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var r = row.Result;
            s.AppendLine(inv, $"| {row.Target} | {row.Scenario} | {r.Workers} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {r.Errors} | {(double.IsNaN(row.ConnectorCallsPerTurn) ? "—" : row.ConnectorCallsPerTurn.ToString("F2", inv))} |");
        }
        s.AppendLine();
        foreach (var row in rows.Where(r => r.Result.FirstError is not null))
        {
            s.AppendLine(inv, $"- First error in {row.Target} / {row.Scenario} @ {row.Result.Workers}: `{row.Result.FirstError!.Replace("`", "'", StringComparison.Ordinal)}`");
        }

        var ours = rows.Where(r => r.Target == "Collaboration bot").ToList();
        var theirs = rows.Where(r => r.Target == "botbuilder baseline").ToList();
        if (ours.Count > 0 && theirs.Count > 0)
        {
            s.AppendLine().AppendLine("### Ours / baseline").AppendLine();
            s.AppendLine("| Scenario | Concurrency | Throughput ratio | p50 ratio (lower is better) | p99 ratio (lower is better) |");
            s.AppendLine("| --- | ---: | ---: | ---: | ---: |");
            foreach (var o in ours)
            {
                var b = theirs.FirstOrDefault(t => t.Scenario == o.Scenario && t.Result.Workers == o.Result.Workers);
                if (b is null) continue;
                s.AppendLine(inv, $"| {o.Scenario} | {o.Result.Workers} | {o.Result.PerSecond / b.Result.PerSecond:F2}× | {o.Result.P50 / b.Result.P50:F2} | {o.Result.P99 / b.Result.P99:F2} |");
            }
            s.AppendLine().AppendLine("The baseline does the protocol work only (auth in, token out, one reply); ours also reads and writes SQLite, draws the cards and, for a click, updates the clicked card (PUT) besides answering the invoke.");
        }

        if (memory.Count > 0)
        {
            s.AppendLine().AppendLine("## Memory").AppendLine();
            s.AppendLine("| Process | Peak RSS (VmHWM) | |").AppendLine("| --- | ---: | --- |");
            foreach (var (process, peak, note) in memory) s.AppendLine(inv, $"| {process} | {peak:F0} MiB | {note} |");
        }

        s.AppendLine().AppendLine("## Goals").AppendLine();
        s.AppendLine("| Goal | Measured | Met |").AppendLine("| --- | --- | --- |");
        Goal(s, ours, "(a)", 3000, 50, theirs);
        Goal(s, ours, "(b)", 1000, 50, theirs);
        foreach (var row in rows.Where(r => r.Target == "Add-in backend"))
        {
            s.AppendLine(inv, $"| add-in {row.Scenario} p99 < 30 ms @ {row.Result.Workers} | {row.Result.P99:F1} ms | {(row.Result.P99 < 30 && row.Result.Errors == 0 ? "yes" : "**no**")} |");
        }
        foreach (var (process, peak, _) in memory.Where(m => !m.Process.StartsWith("botbuilder", StringComparison.Ordinal)))
        {
            s.AppendLine(inv, $"| {process} < 250 MB | {peak * 1.048576:F0} MB | {(peak * 1.048576 < 250 ? "yes" : "**no**")} |");
        }

        foreach (var note in notes) s.AppendLine().AppendLine(note);
        if (micro is not null)
        {
            s.AppendLine().AppendLine("## Micro benchmarks (BenchmarkDotNet, ShortRun, in-process)").AppendLine().AppendLine(micro);
        }
        return s.ToString();
    }

    private static void Goal(StringBuilder s, List<ScenarioRow> ours, string prefix, double turns, double p99, List<ScenarioRow> theirs)
    {
        var inv = CultureInfo.InvariantCulture;
        var row = ours.Where(r => r.Scenario.StartsWith(prefix, StringComparison.Ordinal)).OrderByDescending(r => r.Result.Workers).FirstOrDefault();
        if (row is null) return;
        var r = row.Result;
        s.AppendLine(inv, $"| bot {prefix} ≥ {turns:N0} turns/s @ {r.Workers} | {r.PerSecond:F0}/s | {(r.PerSecond >= turns ? "yes" : "**no**")} |");
        s.AppendLine(inv, $"| bot {prefix} p99 < {p99} ms @ {r.Workers} | {r.P99:F1} ms | {(r.P99 < p99 ? "yes" : "**no**")} |");
        var b = theirs.FirstOrDefault(t => t.Scenario == row.Scenario && t.Result.Workers == r.Workers);
        if (b is not null)
        {
            var ratio = r.PerSecond / b.Result.PerSecond;
            s.AppendLine(inv, $"| bot {prefix} ≥ 2× baseline throughput @ {r.Workers} | {ratio:F2}× | {(ratio >= 2 ? "yes" : "**no**")} |");
        }
    }

    public static string Cpu() => CpuModel();

    public static string Commit(string root) => Run("git", "rev-parse --short HEAD", root);

    internal static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : RuntimeInformation.ProcessArchitecture.ToString();

    internal static string MemoryTotal()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        if (line is null) return "unknown";
        var kib = long.Parse(new string(line.Where(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:F1} GiB");
    }

    internal static string OsName()
    {
        var pretty = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            : null;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        return $"{pretty ?? RuntimeInformation.OSDescription}{(kernel is null ? "" : $", kernel {kernel}")}";
    }

    private static string Run(string file, string arguments, string directory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}

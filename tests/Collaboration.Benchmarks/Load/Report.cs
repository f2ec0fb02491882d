using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Collaboration.Benchmarks.Load;

/// <summary>The markdown results file: the machine, every scenario, our/baseline ratios, memory and the goals.</summary>
public static class Report
{
    public static string Write(LoadSettings settings, List<ScenarioRow> rows, List<HostFigures> hosts,
        List<string> notes, string? micro, string root, List<(string Title, string TopFrames)> traces, string? extra)
    {
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"# Benchmark results {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        s.AppendLine("## Machine").AppendLine();
        s.AppendLine("| | |").AppendLine("| --- | --- |");
        s.AppendLine(inv, $"| CPU | {CpuModel()} |");
        s.AppendLine(inv, $"| Cores | {Environment.ProcessorCount} |");
        s.AppendLine(inv, $"| Load average at the end | {LoadAverage()} (above the core count: others shared the machine, read the figures as pessimistic) |");
        s.AppendLine(inv, $"| Memory | {MemoryTotal()} |");
        s.AppendLine(inv, $"| OS | {OsName()} |");
        s.AppendLine(inv, $"| .NET | {RuntimeInformation.FrameworkDescription} |");
        s.AppendLine(inv, $"| Node | {Run("node", "--version", root)} |");
        s.AppendLine(inv, $"| Commit | {Run("git", "rev-parse --short HEAD", root)} |");
        s.AppendLine(inv, $"| Load | closed loop, each worker one request at a time; {settings.WarmUp.TotalSeconds:F0} s warm-up, {settings.Duration.TotalSeconds:F0} s measured per row; driver, issuer and connector on the same cores |");
        s.AppendLine();

        s.AppendLine("## HTTP load").AppendLine();
        s.AppendLine("Latency is client-side, until the HTTP response was read. Bot turns: real RS256 tokens from the local issuer, replies POSTed to a local connector with a client-credentials token **before** the bot's 200. \"connector calls/turn\" counts what reached the connector. \"SQL statements/turn\" counts what EF Core executed in the host (a .NET startup hook the bench loads into the hosts it starts listens to EF's DiagnosticListener; BEGIN/COMMIT and per-connection PRAGMAs are not counted), in parentheses the commands (round trips) that carried them; both per request sent, warm-up included. \"Host CPU ms/turn\" and \"KiB allocated/turn\" are the host's own figures per request sent through the same hook (`Environment.CpuUsage` of all its threads, thread-pool spinning and GC included, and `GC.GetTotalAllocatedBytes`): less noisy than throughput on a machine the driver shares. The floor is our protocol stack with no CRM: parse, validate the same JWT, POST one reply (an invoke is answered with a small card). \"Machine CPU ms/turn\" is every process's CPU time over the row per request sent (/proc/stat: the host, PostgreSQL, this driver with the issuer and connector, the OS), in parentheses PostgreSQL's server processes' part: the machine's cores give at most cores × 1,000 / that many requests a second.").AppendLine();
        s.AppendLine("| Target | Scenario | Concurrency | Throughput (/s) | p50 (ms) | p99 (ms) | max (ms) | Errors | Connector calls/turn | SQL statements/turn (commands) | Host CPU ms/turn | KiB allocated/turn | Machine CPU ms/turn (PostgreSQL) |");
        s.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var r = row.Result;
            s.AppendLine(inv, $"| {row.Target} | {row.Scenario} | {r.Workers} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F1} | {r.Errors} | {(double.IsNaN(row.ConnectorCallsPerTurn) ? "—" : row.ConnectorCallsPerTurn.ToString("F2", inv))} | {Sql(row)} | {PerTurn(row.HostCpuMsPerTurn, "F3")} | {PerTurn(row.AllocatedKiBPerTurn, "F1")} | {Machine(row)} |");
        }
        s.AppendLine();
        foreach (var row in rows.Where(r => r.Result.FirstError is not null))
        {
            s.AppendLine(inv, $"- First error in {row.Target} / {row.Scenario} @ {row.Result.Workers}: `{row.Result.FirstError!.Replace("`", "'", StringComparison.Ordinal)}`");
        }

        var ours = rows.Where(r => r.Target.StartsWith(Targets.Ours, StringComparison.Ordinal)).ToList();
        var others = rows.Where(r => r.Target is Targets.Floor or Targets.Echo).ToList();
        if (ours.Count > 0 && others.Count > 0)
        {
            s.AppendLine().AppendLine("### Ours / floor and ours / botbuilder echo").AppendLine();
            s.AppendLine("| Ours | Scenario | Concurrency | vs | Throughput ratio | p50 ratio (lower is better) | p99 ratio (lower is better) |");
            s.AppendLine("| --- | --- | ---: | --- | ---: | ---: | ---: |");
            foreach (var o in ours)
            {
                foreach (var b in others.Where(t => t.Scenario == o.Scenario && t.Result.Workers == o.Result.Workers))
                {
                    s.AppendLine(inv, $"| {o.Target} | {o.Scenario} | {o.Result.Workers} | {b.Target} | {o.Result.PerSecond / b.Result.PerSecond:F2}× | {o.Result.P50 / b.Result.P50:F2} | {o.Result.P99 / b.Result.P99:F2} |");
                }
            }
        }

        if (hosts.Count > 0)
        {
            s.AppendLine().AppendLine("## Memory and start-up").AppendLine();
            s.AppendLine("Start-up: from starting the process to the first answered request (named in the last column), client-side, started once the machine is at rest (the driver waits until all processes together use less than 15 % of the CPU over 250 ms, at most 15 s; the log says what it saw).").AppendLine();
            s.AppendLine("| Process | Peak RSS (VmHWM) | RSS at end | Start to first answer | First request | RSS at end by kind | GC and SQLite at end (as the host reports them) |").AppendLine("| --- | ---: | ---: | ---: | --- | --- | --- |");
            foreach (var h in hosts) s.AppendLine(inv, $"| {h.Process} | {h.PeakMiB:F0} MiB | {h.EndMiB:F0} MiB | {h.StartSeconds:F2} s | {h.FirstRequest} | {h.RssParts ?? "—"} | {h.Gc ?? "—"} |");
        }

        s.AppendLine().AppendLine("## Goals (issue 18)").AppendLine();
        s.AppendLine("| Goal | Measured | Met |").AppendLine("| --- | --- | --- |");
        Goals.Write(s, rows, hosts);
        Goals.WriteCpuBudget(s, rows);

        foreach (var note in notes) s.AppendLine().AppendLine(note);
        if (traces.Count > 0)
        {
            s.AppendLine().AppendLine("## Where the time goes: dotnet-trace top frames (this run)").AppendLine();
            s.AppendLine("Thread-time samples (EventPipe's dotnet-sampled-thread-time; kernel CPU sampling needs collect-linux and perf events) of the server under the load of the highest concurrency, in an extra window after all the measured rows of its host and after its memory was read (a trace session costs throughput and ~100 MB of RSS): `dotnet-trace report topN -n 80` (exclusive), without the frames where a thread waits (idle pool threads, locks, socket reads), the first 20. Percentages are shares of all samples, waiting ones included.").AppendLine();
            foreach (var (title, top) in traces.OrderBy(t => t.Title, StringComparer.Ordinal))
            {
                s.AppendLine(inv, $"### {title}").AppendLine().AppendLine("```").AppendLine(top).AppendLine("```").AppendLine();
            }
        }
        if (micro is not null)
        {
            s.AppendLine().AppendLine("## Micro benchmarks (BenchmarkDotNet, ShortRun, in-process)").AppendLine().AppendLine(micro);
        }
        if (extra is not null) s.AppendLine().AppendLine(extra.Trim());
        return s.ToString();
    }

    private static string PerTurn(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Machine(ScenarioRow row) => double.IsNaN(row.MachineCpuMsPerTurn)
        ? "—"
        : double.IsNaN(row.PostgresCpuMsPerTurn)
            ? row.MachineCpuMsPerTurn.ToString("F3", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{row.MachineCpuMsPerTurn:F3} ({row.PostgresCpuMsPerTurn:F3})");

    private static string Sql(ScenarioRow row) => double.IsNaN(row.SqlStatementsPerTurn)
        ? "—"
        : string.Create(CultureInfo.InvariantCulture, $"{row.SqlStatementsPerTurn:F2} ({row.SqlCommandsPerTurn:F2})");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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

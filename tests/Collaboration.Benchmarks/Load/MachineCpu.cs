using System.Globalization;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// The machine's busy CPU time (every process: the host, PostgreSQL, this driver, the connector, the OS) and the share of
/// it PostgreSQL's server processes used, from /proc. A row's CPU a request says how many requests a second the whole
/// machine can give at that cost, whatever the host does: on a machine the host shares with its database and its load,
/// throughput is bounded by the sum.
/// </summary>
public sealed record MachineCpu(long BusyTicks, IReadOnlyDictionary<int, long> PostgresTicks)
{
    // /proc counts in USER_HZ, which Linux fixes at 100 for user space on every architecture the bench runs on.
    private const double TicksPerMillisecond = 0.1;

    public static int Cores => Environment.ProcessorCount;

    /// <summary>Now; null on a machine without /proc (the row then shows no machine figures).</summary>
    public static MachineCpu? Read() => File.Exists("/proc/stat") ? new MachineCpu(ReadBusyTicks(), ReadPostgresTicks()) : null;

    /// <summary>The machine's busy milliseconds since <paramref name="before"/>, and PostgreSQL's (a server process that
    /// ended in between is not counted: Npgsql's pool keeps its backends for the length of a row).</summary>
    public (double Busy, double Postgres) MillisecondsSince(MachineCpu before)
    {
        long postgres = 0;
        foreach (var (pid, ticks) in PostgresTicks) postgres += ticks - before.PostgresTicks.GetValueOrDefault(pid);
        return ((BusyTicks - before.BusyTicks) / TicksPerMillisecond, postgres / TicksPerMillisecond);
    }

    /// <summary>The first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal, … ; busy is all but idle and iowait.</summary>
    private static long ReadBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        for (var i = 1; i < fields.Length && i <= 8; i++)
        {
            if (i is 4 or 5) continue;
            busy += long.Parse(fields[i], CultureInfo.InvariantCulture);
        }
        return busy;
    }

    /// <summary>User and system time of every process named postgres (the postmaster, its backends and helpers) alive now.</summary>
    private static Dictionary<int, long> ReadPostgresTicks()
    {
        var ticks = new Dictionary<int, long>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory);
            if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < open || stat.AsSpan(open + 1, close - open - 1) is not "postgres") continue;
                // After the name: state is field 3; utime and stime are fields 14 and 15.
                var fields = stat[(close + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return ticks;
    }
}

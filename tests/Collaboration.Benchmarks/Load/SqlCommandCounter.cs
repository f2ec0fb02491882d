using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// Counts the SQL commands EF Core executes in a host the bench started, and the statements in them (a batched
/// SaveChanges is one command of several statements). It is loaded only by the bench: as a .NET startup hook
/// (DOTNET_STARTUP_HOOKS names this assembly, <see cref="SocketVariable"/> a Unix socket path) into the add-in, and
/// the same way into bot-host. The bench reads the totals through that socket before and after a row; the host's code
/// and its requests know nothing of it. BEGIN/COMMIT go through ADO.NET's transaction API and are not counted.
/// </summary>
public static class SqlCommandCounter
{
    public const string SocketVariable = "BENCH_SQL_COUNTER_SOCKET";

    /// <summary>Set to a file path (by hand, when listing what a turn runs): every command's text and duration is appended there.</summary>
    public const string LogVariable = "BENCH_SQL_LOG";
    private const string Executed = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted";
    private const string Failed = "Microsoft.EntityFrameworkCore.Database.Command.CommandError";
    private const string Compiling = "Microsoft.EntityFrameworkCore.Query.QueryCompilationStarting";

    /// <summary>Set to a file path (by hand, when looking for queries compiled again and again): each query EF compiles, with the stack that asked.</summary>
    public const string CompileLogVariable = "BENCH_COMPILE_LOG";
    private static readonly string? CompileLogFile = Environment.GetEnvironmentVariable(CompileLogVariable);

    private static readonly string? LogFile = Environment.GetEnvironmentVariable(LogVariable);
    private static readonly object LogLock = new();
    private static long _commands;
    private static long _statements;

    public static void Start(string socketPath)
    {
        DiagnosticListener.AllListeners.Subscribe(new Listeners());
        File.Delete(socketPath);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(16);
        new Thread(() =>
        {
            while (true)
            {
                using var client = listener.Accept();
                var gc = GC.GetGCMemoryInfo();
                var mode = $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}-{(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "nonconcurrent" : "concurrent")}";
                var (sqlite, sqlitePeak) = SqliteHeap();
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"{Interlocked.Read(ref _commands)} {Interlocked.Read(ref _statements)} {gc.HeapSizeBytes} {gc.TotalCommittedBytes} {mode} {sqlite} {sqlitePeak} {System.Runtime.JitInfo.GetCompiledMethodCount()} {System.Runtime.JitInfo.GetCompilationTime().Ticks} {GC.GetTotalAllocatedBytes(false)} {Environment.CpuUsage.TotalTime.Ticks}");
                client.Send(Encoding.ASCII.GetBytes(text));
                client.Shutdown(SocketShutdown.Both);
            }
        })
        { IsBackground = true, Name = "bench-sql-counter" }.Start();
    }

    /// <summary>
    /// The host's totals so far: commands executed and statements in them, bytes its threads allocated and the CPU time
    /// its threads used, all of them (0 from a hook that does not say).
    /// </summary>
    public static async Task<HostTotals> ReadAsync(string socketPath)
    {
        var parts = await ReadPartsAsync(socketPath);
        long Part(int i) => parts.Length > i ? long.Parse(parts[i], CultureInfo.InvariantCulture) : 0;
        return new HostTotals(Part(0), Part(1), Part(9), TimeSpan.FromTicks(Part(10)));
    }

    public readonly record struct HostTotals(long Commands, long Statements, long AllocatedBytes, TimeSpan Cpu);

    /// <summary>
    /// The host's GC as it runs (its mode, and the heap after the last collection against what the GC has committed), and
    /// what SQLite has allocated natively (page caches of every open connection, prepared statements), now and at its peak.
    /// </summary>
    public static async Task<string> GcAsync(string socketPath)
    {
        var parts = await ReadPartsAsync(socketPath);
        var mib = (string bytes) => long.Parse(bytes, CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
        var gc = string.Create(CultureInfo.InvariantCulture, $"{parts[4]}, heap {mib(parts[2]):F0} MiB, committed {mib(parts[3]):F0} MiB");
        return parts.Length > 6 && parts[5] != "-"
            ? gc + string.Create(CultureInfo.InvariantCulture, $"; SQLite {mib(parts[5]):F0} MiB (peak {mib(parts[6]):F0})")
            : gc;
    }

    /// <summary>What the host's JIT has compiled so far and the time it took (all threads); null from a hook that does not say.</summary>
    public static async Task<(long Methods, TimeSpan Time)?> JitAsync(string socketPath)
    {
        var parts = await ReadPartsAsync(socketPath);
        if (parts.Length < 9) return null;
        return (long.Parse(parts[7], CultureInfo.InvariantCulture), TimeSpan.FromTicks(long.Parse(parts[8], CultureInfo.InvariantCulture)));
    }

    /// <summary>SQLite's own allocator totals; "-" in a host that has not loaded SQLite (a PostgreSQL host).</summary>
    private static (string Now, string Peak) SqliteHeap()
    {
        try
        {
            return (SQLitePCL.raw.sqlite3_memory_used().ToString(CultureInfo.InvariantCulture),
                SQLitePCL.raw.sqlite3_memory_highwater(0).ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception)
        {
            // SQLitePCL throws a plain Exception until a provider is set.
            return ("-", "-");
        }
    }

    private static async Task<string[]> ReadPartsAsync(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        var buffer = new byte[256];
        var length = 0;
        int read;
        while ((read = await socket.ReceiveAsync(buffer.AsMemory(length))) > 0) length += read;
        return Encoding.ASCII.GetString(buffer, 0, length).Split(' ');
    }

    /// <summary>EF terminates every statement of a command with ';' at the end of a line.</summary>
    internal static int Statements(string text)
    {
        var count = 0;
        for (var i = text.IndexOf(';', StringComparison.Ordinal); i >= 0; i = text.IndexOf(';', i + 1))
        {
            var rest = text.AsSpan(i + 1).TrimStart(' ');
            if (rest.IsEmpty || rest[0] is '\n' or '\r') count++;
        }
        return Math.Max(1, count);
    }

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.EntityFrameworkCore") value.Subscribe(new Commands(), name => name is Executed or Failed || (name is Compiling && CompileLogFile is not null));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Commands : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key is Compiling)
            {
                var query = (value.Value as Microsoft.EntityFrameworkCore.Diagnostics.QueryExpressionEventData)?.Expression.ToString() ?? "";
                lock (LogLock) File.AppendAllText(CompileLogFile!, $"-- {DateTime.UtcNow:HH:mm:ss.ffff}\n{query[..Math.Min(query.Length, 400)]}\n{Environment.StackTrace}\n");
                return;
            }
            if (value.Key is not (Executed or Failed)) return;
            Interlocked.Increment(ref _commands);
            var text = (value.Value as Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData)?.Command.CommandText ?? "";
            Interlocked.Add(ref _statements, Statements(text));
            if (LogFile is null) return;
            var took = (value.Value as Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData)?.Duration.TotalMilliseconds ?? double.NaN;
            lock (LogLock) File.AppendAllText(LogFile, string.Create(CultureInfo.InvariantCulture, $"-- {DateTime.UtcNow:HH:mm:ss.ffff} {took:F2} ms\n{text}\n"));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}

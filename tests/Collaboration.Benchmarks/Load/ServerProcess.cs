using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Collaboration.Testing;

namespace Collaboration.Benchmarks.Load;

/// <summary>A server under test in its own process (so its memory is its own), its output in a log file.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Stopwatch _sinceStart;

    private ServerProcess(Process process, StreamWriter log, string baseUrl, Stopwatch sinceStart)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
        _sinceStart = sinceStart;
    }

    /// <summary>Time since the process was started (start-up is measured to the first answered request).</summary>
    public TimeSpan SinceStart => _sinceStart.Elapsed;

    public string BaseUrl { get; }
    public int Id => _process.Id;

    public static int FreePort() => LoopbackServer.FreePort();

    public static async Task<ServerProcess> StartAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory,
        int port, string healthPath, string logFile, TimeSpan? startTimeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        foreach (var (key, value) in HostSettingsFromDriver()) info.Environment[key] = value;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var sinceStart = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, $"http://127.0.0.1:{port}", sinceStart);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (startTimeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // until its last output is in the log
                throw new InvalidOperationException($"{fileName} exited with {process.ExitCode} while starting; see {logFile}");
            }
            try
            {
                using var response = await http.GetAsync(server.BaseUrl + healthPath);
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{fileName} did not answer {healthPath} in time; see {logFile}");
    }

    /// <summary>
    /// The driver's variables named BENCH_HOST_X, given to every host as X (e.g. BENCH_HOST_DOTNET_GCgen0size=...): a
    /// runtime setting tried on the hosts without changing the driver that measures them.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> HostSettingsFromDriver()
    {
        const string prefix = "BENCH_HOST_";
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                yield return new(key[prefix.Length..], variable.Value as string ?? "");
            }
        }
    }

    /// <summary>Peak resident set size (VmHWM) in MiB, from /proc.</summary>
    public double PeakRssMiB() => ReadStatusKiB("VmHWM") / 1024.0;

    public double RssMiB() => ReadStatusKiB("VmRSS") / 1024.0;

    /// <summary>
    /// The resident set by kind: anonymous (GC heap, native allocations, stacks), file-backed (mapped assemblies and
    /// libraries) and shared memory (with W^X on, the default, the code the JIT wrote and its stubs, mapped twice).
    /// </summary>
    public string RssParts() => string.Create(CultureInfo.InvariantCulture,
        $"anon {ReadStatusKiB("RssAnon") / 1024.0:F0} MiB, file {ReadStatusKiB("RssFile") / 1024.0:F0} MiB, shared (JIT code) {ReadStatusKiB("RssShmem") / 1024.0:F0} MiB");

    private long ReadStatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var digits = new string(line.AsSpan(field.Length + 1).ToArray().Where(char.IsDigit).ToArray());
                return long.Parse(digits, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}

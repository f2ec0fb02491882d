using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Collaboration.Application;
using Collaboration.Application.Persistence;
using Collaboration.Application.Reports;
using Collaboration.Domain.Common;
using Collaboration.Infrastructure.Persistence;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// `reports`: times every report in <see cref="ReportCatalog"/> on the 1M-deal / 10M-history-row tenant
/// (<see cref="ReportsData"/>) on SQLite and PostgreSQL, as the VP who sees all 60 reps, for one quarter and one year.
/// Options: --providers sqlite,postgres --postgres CONNSTR (else COLLAB_BENCH_POSTGRES) --work DIR --runs N (5)
/// --only key,key --out FILE (appends a section; default benchmarks/results/&lt;date&gt;-reports.md) --label TEXT.
/// A report whose first (cold) run takes over 10 s is run only once more.
/// </summary>
public static class ReportsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
        var root = LoadCommand.RepositoryRoot();
        var work = options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "collaboration-bench"));
        Directory.CreateDirectory(work);
        var runs = int.Parse(options.GetValueOrDefault("runs", "5"), CultureInfo.InvariantCulture);
        var providers = options.GetValueOrDefault("providers", "sqlite,postgres").Split(',');
        var only = options.TryGetValue("only", out var o) ? o.Split(',').ToHashSet() : ReportCatalog.Keys.ToHashSet();
        var output = options.GetValueOrDefault("out", Path.Combine(root, "benchmarks", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-reports.md"));
        var label = options.GetValueOrDefault("label", "");
        var postgres = options.GetValueOrDefault("postgres", Environment.GetEnvironmentVariable("COLLAB_BENCH_POSTGRES") ?? "");
        var log = Console.Out;
        var commit = Git(root); // at the start: the code measured, not whatever is checked out when the run ends

        var end = DateOnly.FromDateTime(ReportsData.End.UtcDateTime);
        var filters = new (string Name, ReportFilter Filter)[]
        {
            ("quarter", new ReportFilter(end.AddMonths(-3), end.AddDays(-1)) { AsOf = ReportsData.End, GroupBy = ReportDimensions.Owner }),
            ("year", new ReportFilter(end.AddYears(-1), end.AddDays(-1)) { AsOf = ReportsData.End, GroupBy = ReportDimensions.Owner | ReportDimensions.Month }),
        };
        var results = new List<(string Provider, string Filter, string Report, List<double> Ms, List<double> Cpu, int Rows)>();
        foreach (var provider in providers)
        {
            CrmDatabase database;
            if (provider == "sqlite")
            {
                database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, $"Data Source={Path.Combine(work, "reports.db")}");
            }
            else
            {
                if (string.IsNullOrEmpty(postgres)) { log.WriteLine("postgres: no connection string (--postgres or COLLAB_BENCH_POSTGRES); skipped"); continue; }
                await EnsurePostgresDatabaseAsync(postgres);
                database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, PostgresBenchDatabase(postgres));
            }
            await ReportsData.EnsureAsync(database, log);
            var catalog = new ReportCatalog(new PipelineReports(database, TimeProvider.System), new AttainmentReports(database, TimeProvider.System));
            var actor = new Actor(ReportsData.TenantId, ReportsData.Vp, ChangeSurface.Api);
            foreach (var (name, filter) in filters)
            {
                foreach (var key in ReportCatalog.Keys.Where(only.Contains))
                {
                    var times = new List<double>();
                    var cpu = new List<double>();
                    var rows = 0;
                    for (var run = 0; run <= runs; run++)
                    {
                        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                        var watch = Stopwatch.StartNew();
                        IReport report;
                        try
                        {
                            report = await catalog.RunAsync(key, actor, filter);
                        }
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            log.WriteLine($"{provider} {name} {key}: failed after {watch.Elapsed.TotalSeconds:F0} s: {e.GetType().Name}: {e.Message}");
                            times.Add(double.NaN);
                            break;
                        }
                        watch.Stop();
                        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                        if (run == 0)
                        {
                            using var csv = new StringWriter();
                            report.WriteCsv(csv);
                            rows = csv.ToString().Count(c => c == '\n') - 1;
                            if (watch.Elapsed.TotalSeconds > 10) { times.Add(watch.Elapsed.TotalMilliseconds); cpu.Add(cpuMs); break; } // too slow to repeat
                            continue; // warm-up
                        }
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        cpu.Add(cpuMs);
                    }
                    results.Add((provider, name, key, times, cpu, rows));
                    log.WriteLine($"{provider,-8} {name,-7} {key,-13} median {Median(times),9:F0} ms  max {times.Max(),9:F0} ms  this process's CPU median {(cpu.Count > 0 ? Median(cpu) : double.NaN),8:F0} ms  ({times.Count} runs, {rows} rows)");
                }
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (!File.Exists(output))
        {
            text.AppendLine("# Report benchmarks: 1M deals, 10M history rows").AppendLine();
            text.AppendLine("Generated by `dotnet tests/Collaboration.Benchmarks/bin/Release/net10.0/Collaboration.Benchmarks.dll reports` (see `ReportsData`, `ReportsCommand`).").AppendLine();
        }
        text.AppendLine(inv, $"## {label} {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {commit}").AppendLine();
        text.AppendLine(inv, $"Machine: {Report.CpuModel()}, {Environment.ProcessorCount} cores (shared with other engineers' test runs), {Report.MemoryTotal()}, {Report.OsName()}, {RuntimeInformation.FrameworkDescription}.");
        text.AppendLine(inv, $"Actor: the VP who sees all {ReportsData.Reps} reps; as of {ReportsData.End:yyyy-MM-dd}; quarter = {filters[0].Filter.From:yyyy-MM-dd}..{filters[0].Filter.To:yyyy-MM-dd} by owner, year = {filters[1].Filter.From:yyyy-MM-dd}..{filters[1].Filter.To:yyyy-MM-dd} by owner and month. One warm-up run, then {runs} timed runs (a report whose first run takes over 10 s: that run only).").AppendLine();
        text.AppendLine("\"CPU ms\" is this process's CPU time (user + system, all threads) during a run: on SQLite nearly all of the work; on PostgreSQL only the client's share (the server's is not counted). Wall time well above it means the run waited: for the CPU on this shared machine, or for the server.").AppendLine();
        text.AppendLine("| provider | period | report | median ms | max ms | CPU ms (median) | runs | rows | < 1 s |").AppendLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            var median = Median(r.Ms);
            text.AppendLine(inv, $"| {r.Provider} | {r.Filter} | {r.Report} | {median:F0} | {r.Ms.Max():F0} | {(r.Cpu.Count > 0 ? Median(r.Cpu) : double.NaN):F0} | {r.Ms.Count} | {r.Rows} | {(r.Ms.Max() < 1000 ? "yes" : "**no**")} |");
        }
        text.AppendLine();
        await File.AppendAllTextAsync(output, text.ToString());
        log.WriteLine($"Appended to {output}");
        return 0;
    }

    private static string PostgresBenchDatabase(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = "collab_reports_bench", CommandTimeout = 0 }.ToString();

    private static async Task EnsurePostgresDatabaseAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'collab_reports_bench'", connection);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE collab_reports_bench", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Git(string root)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = root, RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

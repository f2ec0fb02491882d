using System.Globalization;
using System.Text;

namespace Collaboration.Benchmarks.Load;

/// <summary>The targets the load rows are filed under.</summary>
public static class Targets
{
    public const string Ours = "Collaboration bot";
    public const string OursPostgres = "Collaboration bot (PostgreSQL)";
    public const string Floor = "floor (protocol only)";
    public const string Echo = "botbuilder echo";
    public const string Addin = "Add-in backend";
}

/// <summary>One host's memory and start-up: peak and final RSS, seconds from process start to its first answered request.</summary>
public sealed record HostFigures(string Process, double PeakMiB, double EndMiB, double StartSeconds, string FirstRequest)
{
    /// <summary>The host's GC mode and heap at the end, as the host itself reports it; null for hosts the bench does not count in.</summary>
    public string? Gc { get; init; }

    /// <summary>What the resident set at the end is made of (/proc: anonymous memory, mapped files).</summary>
    public string? RssParts { get; init; }

    /// <summary>A host started only to time its start (no load): its memory says nothing about the RSS goal.</summary>
    public bool StartOnly { get; init; }
}

/// <summary>Issue 18's goals, each with what this run measured and whether it is met.</summary>
public static class Goals
{
    public static void Write(StringBuilder s, List<ScenarioRow> rows, List<HostFigures> hosts)
    {
        var inv = CultureInfo.InvariantCulture;
        void Goal(string goal, string measured, bool? met) =>
            s.AppendLine(inv, $"| {goal} | {measured} | {(met is null ? "not measured" : met.Value ? "yes" : "**no**")} |");
        ScenarioRow? Row(string target, string scenario, int? workers = null) =>
            rows.Where(r => r.Target == target && r.Scenario == scenario && (workers is null || r.Result.Workers == workers))
                .OrderByDescending(r => r.Result.Workers).FirstOrDefault();
        string Rate(ScenarioRow? r) => r is null ? "—" : string.Create(inv, $"{r.Result.PerSecond:F0}/s @ c{r.Result.Workers}{(r.Result.Errors > 0 ? $", {r.Result.Errors} errors" : "")}");
        string P99(ScenarioRow? r) => r is null ? "—" : string.Create(inv, $"{r.Result.P99:F1} ms @ c{r.Result.Workers}");

        var mine = Row(Targets.Ours, LoadCommand.MessageTurn, 64);
        Goal("`my deals` ≥ 4,000 turns/s @ c64", Rate(mine), mine is null ? null : mine.Result.PerSecond >= 4000 && mine.Result.Errors == 0);
        var floor = Row(Targets.Floor, LoadCommand.MessageTurn, 64);
        var share = mine is null || floor is null ? double.NaN : mine.Result.PerSecond / floor.Result.PerSecond;
        Goal("`my deals` ≥ 25 % of the floor @ c64", double.IsNaN(share) ? "—" : share.ToString("P0", inv), double.IsNaN(share) ? null : share >= 0.25);
        var echo = Row(Targets.Echo, LoadCommand.MessageTurn, 64);
        var times = mine is null || echo is null ? double.NaN : mine.Result.PerSecond / echo.Result.PerSecond;
        Goal("`my deals` ≥ 4× the botbuilder echo @ c64", double.IsNaN(times) ? "—" : times.ToString("F2", inv) + "×", double.IsNaN(times) ? null : times >= 4);
        Goal("`my deals` p99 < 50 ms @ c64", P99(mine), mine is null ? null : mine.Result.P99 < 50);
        var single = Row(Targets.Ours, LoadCommand.MessageTurn, 1);
        // Server time at c1: the client-side p50 less the floor's p50 at c1 (the same client, connector and token) is an upper bound.
        var floorSingle = Row(Targets.Floor, LoadCommand.MessageTurn, 1);
        var server = single is null ? double.NaN : single.Result.P50 - (floorSingle?.Result.P50 ?? 0);
        Goal("`my deals` p50 server time < 1 ms @ c1", double.IsNaN(server) ? "—"
            : string.Create(inv, $"{server:F2} ms (p50 {single!.Result.P50:F2} ms less the floor's {floorSingle?.Result.P50 ?? 0:F2} ms)"), double.IsNaN(server) ? null : server < 1);

        foreach (var (target, minimum) in new[] { (Targets.Ours, 1000), (Targets.OursPostgres, 2000) })
        {
            var click = Row(target, LoadCommand.MoveTurn, 64);
            var provider = target == Targets.Ours ? "SQLite" : "PostgreSQL";
            Goal($"card-click stage change ≥ {minimum:N0}/s @ c64 on {provider}", Rate(click), click is null ? null : click.Result.PerSecond >= minimum && click.Result.Errors == 0);
            Goal($"card-click stage change p99 < 100 ms @ c64 on {provider}", P99(click), click is null ? null : click.Result.P99 < 100);
        }
        foreach (var row in rows.Where(r => r.Target == Targets.Addin))
        {
            Goal($"add-in {row.Scenario} p99 < 30 ms @ c16 (100k contacts, 20k accounts, 1M interactions)", P99(row), row.Result.P99 < 30 && row.Result.Errors == 0);
        }
        foreach (var host in hosts.Where(h => !h.Process.StartsWith(Targets.Echo, StringComparison.Ordinal) && !h.StartOnly))
        {
            var mb = host.PeakMiB * 1.048576;
            Goal($"peak RSS < 200 MB: {host.Process}", string.Create(inv, $"{mb:F0} MB"), mb < 200);
        }
        foreach (var host in hosts.Where(h => h.Process.StartsWith(Targets.Ours, StringComparison.Ordinal) || h.Process.StartsWith(Targets.Addin, StringComparison.Ordinal)))
        {
            Goal($"start to first answered request < 1.5 s: {host.Process}", string.Create(inv, $"{host.StartSeconds:F2} s ({host.FirstRequest})"), host.StartSeconds < 1.5);
        }
    }

    /// <summary>
    /// For each click goal: what the machine spent a click in the row (every process), and so the most it could give at
    /// that cost on its cores. A rate the sum of the host's, the database's and the driver's work a click does not fit
    /// in cannot be reached by the host alone.
    /// </summary>
    public static void WriteCpuBudget(StringBuilder s, List<ScenarioRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var clicks = new[] { (Targets.Ours, 1000), (Targets.OursPostgres, 2000) }
            .Select(goal => (goal.Item2, Row: rows.FirstOrDefault(r => r.Target == goal.Item1 && r.Scenario == LoadCommand.MoveTurn && r.Result.Workers == 64)))
            .Where(c => c.Row is not null && !double.IsNaN(c.Row.MachineCpuMsPerTurn) && c.Row.MachineCpuMsPerTurn > 0)
            .ToList();
        if (clicks.Count == 0) return;
        s.AppendLine().AppendLine("### The machine's CPU a click").AppendLine();
        s.AppendLine("| Row | Clicks/s | Machine CPU ms/click | of which the bot | PostgreSQL | the rest (driver, issuer, connector, OS) | most clicks/s at that cost on " +
            MachineCpu.Cores.ToString(inv) + " cores | CPU ms/click the goal allows |");
        s.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (goal, row) in clicks)
        {
            var r = row!;
            var postgres = double.IsNaN(r.PostgresCpuMsPerTurn) ? 0 : r.PostgresCpuMsPerTurn;
            var bot = double.IsNaN(r.HostCpuMsPerTurn) ? double.NaN : r.HostCpuMsPerTurn;
            var rest = r.MachineCpuMsPerTurn - postgres - (double.IsNaN(bot) ? 0 : bot);
            s.AppendLine(inv, $"| {r.Target} | {r.Result.PerSecond:F0} | {r.MachineCpuMsPerTurn:F3} | {(double.IsNaN(bot) ? "—" : bot.ToString("F3", inv))} | {(double.IsNaN(r.PostgresCpuMsPerTurn) ? "—" : postgres.ToString("F3", inv))} | {rest:F3} | {MachineCpu.Cores * 1000 / r.MachineCpuMsPerTurn:F0} | {MachineCpu.Cores * 1000.0 / goal:F3} |");
        }
    }
}

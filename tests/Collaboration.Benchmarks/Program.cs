using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Collaboration.Benchmarks.Load;

// micro [BenchmarkDotNet args]  in-process micro benchmarks (ShortRun job)
// load [options]                the HTTP load scenarios; writes the markdown results (see LoadCommand)
// reports [options]            every report on 1M deals / 10M history rows, SQLite and PostgreSQL (see ReportsCommand)
// bot-host [host args]          the real bot host in this process (started by `load`)
// floor-host [host args]        the floor: our protocol stack answering with one reply, no CRM (started by `load`)
// notify-host [options]         the notification pipeline plus an Outlook stage-change generator (started by `load`)
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
switch (command)
{
    case "micro":
        // In-process: no per-benchmark project build (slow on a 2-core machine); ShortRun keeps the whole set to minutes.
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(LoadCommand).Assembly).Run(rest, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    case "load":
        return await LoadCommand.RunAsync(rest);
    case "notify-host":
        return await NotificationHostCommand.RunAsync(rest);
    case "reports":
        return await ReportsCommand.RunAsync(rest);
    case "bot-host":
        return await BotHostCommand.RunAsync(rest);
    case "floor-host":
        return await FloorHostCommand.RunAsync(rest);
    default:
        Console.WriteLine("usage: Collaboration.Benchmarks micro [--filter *] | load [--duration s] [--warmup s] [--out file] | reports [--providers sqlite,postgres] [--postgres connstr] | bot-host");
        return command == "help" ? 0 : 2;
}

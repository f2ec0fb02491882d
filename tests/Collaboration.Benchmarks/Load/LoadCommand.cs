using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Collaboration.Testing;

namespace Collaboration.Benchmarks.Load;

public sealed record ScenarioRow(string Target, string Scenario, LoadResult Result, double ConnectorCallsPerTurn)
{
    /// <summary>SQL statements (and the commands carrying them) the host ran per request in the row; NaN: not counted.</summary>
    public double SqlStatementsPerTurn { get; init; } = double.NaN;
    public double SqlCommandsPerTurn { get; init; } = double.NaN;

    /// <summary>The host's CPU time (all its threads: GC, thread pool spinning included) and bytes allocated per request; NaN: not counted.</summary>
    public double HostCpuMsPerTurn { get; init; } = double.NaN;
    public double AllocatedKiBPerTurn { get; init; } = double.NaN;

    /// <summary>The whole machine's busy CPU time per request (<see cref="MachineCpu"/>), and PostgreSQL's part of it; NaN: not read.</summary>
    public double MachineCpuMsPerTurn { get; init; } = double.NaN;
    public double PostgresCpuMsPerTurn { get; init; } = double.NaN;
}

/// <summary>
/// `load`: starts the local issuer and connector here, the bot, the botbuilder baseline and the add-in backend as
/// their own processes, runs every scenario and writes one markdown file.
/// Options: --warmup S (3) --duration S (10) --concurrency 1,16,64 --addin-concurrency 16 --only bot,bot-postgres (only the bot on --bot-postgres),baseline,addin
/// --host-warmup S (10: each scenario of a host, unrecorded, before its first row) --jit-warmup S (90: at most this much more, until the host's JIT settles) --out FILE --micro DIR (BenchmarkDotNet *-report-github.md to include) --addin-db FILE --work DIR
/// --bot-postgres CONNECTION (also run our bot on a fresh PostgreSQL database) --trace DIR (dotnet-trace CPU samples of
/// the top concurrency row of each scenario, top frames into the file) --append FILE (text kept at the end of the file).
/// Notifications and the task pane (their own file, --notify-out, default results/&lt;date&gt;-notifications.md):
/// --notify-rate 100 --notify-duration 30 --notify-owners 200 --notify-postgres CONNECTION (also run on PostgreSQL)
/// --notify-runs TEXT (only runs whose name contains it) --pane-runs 20.
/// </summary>
public static class LoadCommand
{
    public const string MessageTurn = "(a) `my deals` message";
    public const string MoveTurn = "(b) stage change by card click";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var root = RepositoryRoot();
        var settings = new LoadSettings(
            TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "3"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration", "10"), CultureInfo.InvariantCulture)));
        var levels = options.GetValueOrDefault("concurrency", "1,16,64").Split(',').Select(int.Parse).ToArray();
        var addinWorkers = int.Parse(options.GetValueOrDefault("addin-concurrency", "16"), CultureInfo.InvariantCulture);
        var only = options.GetValueOrDefault("only", "bot,floor,baseline,addin,notifications,pane").Split(',').ToHashSet();
        var work = options.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "collaboration-bench"));
        Directory.CreateDirectory(work);
        var output = options.GetValueOrDefault("out", Path.Combine(root, "benchmarks", "results", $"{DateTime.UtcNow:yyyy-MM-dd}.md"));
        var log = Console.Out;

        var rows = new List<ScenarioRow>();
        var memory = new List<HostFigures>();
        var notes = new List<string>();

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { Timeout = TimeSpan.FromSeconds(30) };

        await using var issuer = await LocalOpenIdIssuer.StartAsync();
        await using var connector = await LocalConnector.StartCountingAsync();
        connector.ExpectedAuthorization = "Bearer " + issuer.AccessToken;
        var token = issuer.CreateToken(BotClient.AppId, connector.ServiceUrl, DateTimeOffset.UtcNow, expiresOffset: TimeSpan.FromHours(3));
        var pem = Path.Combine(work, "issuer.pem");
        await File.WriteAllTextAsync(pem, issuer.CertificatePem);
        var users = BotScenarios.Users(levels.Max());
        var authEnvironment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = BotClient.AppId,
            ["MicrosoftAppPassword"] = "bench-secret",
            ["MicrosoftAppType"] = "MultiTenant",
            ["BotOpenIdMetadata"] = issuer.BotMetadataUrl,
            ["BotAuthority"] = $"{issuer.HttpsBaseUrl}/botframework.com",
        };

        // Before a host's first measured row, each of its scenarios runs unrecorded for this long, then on in rounds until
        // the JIT is done: after start it keeps recompiling hot code at its optimized tier for tens of seconds on these 2
        // cores (at 16 workers its one background thread gets a small share), which is start-up cost (its own row: start
        // to first answer), not the steady state the throughput and latency goals are about. A 10 s warm-up left the
        // PostgreSQL bot's click row with 11-15 % of the host's samples in the JIT, and the row 20 s later without.
        var hostWarmUp = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("host-warmup", "10"), CultureInfo.InvariantCulture));
        var jitRound = TimeSpan.FromSeconds(5);
        var jitWarmUpAtMost = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("jit-warmup", "90"), CultureInfo.InvariantCulture));
        const double jitSettled = 0.01;
        var warmUps = new List<string>();
        if (hostWarmUp > TimeSpan.Zero)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Before its first row, each host ran each of its scenarios for {hostWarmUp.TotalSeconds:F0} s at 16 workers, unrecorded, then on in rounds of {jitRound.TotalSeconds:F0} s a scenario until the JIT took less than {jitSettled:P0} of a round (at most {jitWarmUpAtMost.TotalSeconds:F0} s more; `--jit-warmup S`): after start the JIT keeps recompiling hot code at its optimized tier for tens of seconds on these 2 cores, which is start-up cost (the start-up column) rather than the steady state the goals are about. `--host-warmup 0` measures without either."));
        }
        async Task WarmUpHostAsync(string target, string? jitSocket, params Func<int, CancellationToken, Task<Outcome>>[] scenarios)
        {
            if (hostWarmUp <= TimeSpan.Zero) return;
            log.WriteLine($"{target}: warming up, {hostWarmUp.TotalSeconds:F0} s per scenario, unrecorded");
            foreach (var scenario in scenarios) await LoadDriver.RunAsync($"{target} warm-up", 16, new LoadSettings(TimeSpan.Zero, hostWarmUp), scenario);
            if (jitSocket is null) return;
            var extra = TimeSpan.Zero;
            if (await SqlCommandCounter.JitAsync(jitSocket) is not { } start) return;
            var jitBefore = start.Time;
            var share = double.NaN;
            while (extra < jitWarmUpAtMost)
            {
                var round = Stopwatch.StartNew();
                foreach (var scenario in scenarios) await LoadDriver.RunAsync($"{target} warm-up", 16, new LoadSettings(TimeSpan.Zero, jitRound), scenario);
                extra += round.Elapsed;
                var jitAfter = (await SqlCommandCounter.JitAsync(jitSocket))!.Value.Time;
                share = (jitAfter - jitBefore) / round.Elapsed;
                jitBefore = jitAfter;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target}: JIT {share:P1} of the last {round.Elapsed.TotalSeconds:F0} s"));
                if (share < jitSettled) break;
            }
            var line = string.Create(CultureInfo.InvariantCulture, $"{target}: {extra.TotalSeconds:F0} s more until the JIT settled (its share of the last round {share:P1})");
            log.WriteLine(line);
            warmUps.Add(line);
        }

        var tracing = options.TryGetValue("trace", out var traceDir) ? new Tracing(traceDir, root) : null;
        // A trace session costs throughput and ~100 MB of RSS: the top concurrency row of each scenario is traced in an
        // extra, unrecorded window (same load, its own warm-up) after every measured row of its host and after the host's
        // memory figures were read, so no measured row and no peak RSS includes a trace.
        var traceLater = new List<Func<Task>>();
        void TraceLater(string title, int workers, ServerProcess server, Func<int, CancellationToken, Task<Outcome>> request)
        {
            if (tracing is null || workers != levels.Max()) return;
            traceLater.Add(async () =>
            {
                var seconds = Math.Min(5, settings.Duration.TotalSeconds);
                var window = LoadDriver.RunAsync(title, workers, settings with { Duration = TimeSpan.FromSeconds(seconds + 1) }, request);
                await Task.Delay(settings.WarmUp);
                await tracing.CollectAsync(title, server.Id, seconds);
                await window;
            });
        }
        async Task TraceNowAsync()
        {
            foreach (var trace in traceLater) await trace();
            traceLater.Clear();
        }
        var self = typeof(LoadCommand).Assembly.Location;

        async Task RunBotAsync(string target, BotDatabase database, string label)
        {
            await using var _ = database;
            var environment = new Dictionary<string, string>(authEnvironment)
            {
                ["Database__Provider"] = database.Provider,
                ["ConnectionStrings__Crm"] = database.ConnectionString,
                [BotHostCommand.TrustThumbprintVariable] = issuer.CertificateThumbprint,
                // The bench connector listens on 127.0.0.1 over http: a service URL only the Development environment allows.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            };
            // --bot-dir: the bot's own publish (as deployed), which trusts the local issuer's certificate as a root the way
            // any .NET process on Linux can be told to (SSL_CERT_FILE); else bot-host, the same bot inside this driver.
            var botDir = options.GetValueOrDefault("bot-dir");
            var (hostFile, hostArguments, hostFolder, hostName) = botDir is null
                ? (self, new[] { "bot-host" }, Path.GetDirectoryName(self)!, "`bot-host`")
                : (Path.Combine(Path.GetFullPath(botDir), "Collaboration.Bot.dll"), [], Path.GetFullPath(botDir), "`Collaboration.Bot` publish");
            if (botDir is not null) environment["SSL_CERT_FILE"] = pem;
            var sqlSocket = CountSql(environment, work, label, botDir is null ? null : options.GetValueOrDefault("sql-hook"));

            // Starts the bot on the run's database and answers its first `my deals` turn: the start-up figure.
            async Task<(ServerProcess Host, BotClient Client, TimeSpan StartedIn)> StartBotHostAsync(string logName)
            {
                var port = ServerProcess.FreePort();
                log.WriteLine($"{target}: {await QuietMachine.WaitAsync()}");
                log.WriteLine($"{target}: starting {hostFile} {string.Join(' ', hostArguments)} on port {port} ({logName})");
                var host = await ServerProcess.StartAsync(DotnetHost(), [hostFile, .. hostArguments, "--urls", $"http://127.0.0.1:{port}"],
                    environment, hostFolder, port, "/health", Path.Combine(work, $"{logName}.log"));
                var hostClient = new BotClient(http, host.BaseUrl + "/api/messages", connector.ServiceUrl, token);
                var first = await hostClient.PostAsync(hostClient.Message(users[0], "my deals"), CancellationToken.None);
                var startedIn = host.SinceStart;
                if (first.Status != System.Net.HttpStatusCode.OK)
                {
                    await host.DisposeAsync();
                    throw new InvalidOperationException($"{target}: first turn failed ({logName}): {first.Body}");
                }
                return (host, hostClient, startedIn);
            }

            var started = await StartBotHostAsync($"bot-{label}");
            await using var bot = started.Host;
            var client = started.Client;
            var startedIn = started.StartedIn;
            var seedWatch = Stopwatch.StartNew();
            await BotScenarios.SeedAsync(client, users, 5, database);
            log.WriteLine($"{target}: {users.Length} users with 5 deals each seeded by chat in {seedWatch.Elapsed.TotalSeconds:F1} s");
            await WarmUpHostAsync(target, sqlSocket, BotScenarios.MyDeals(client, users, true), BotScenarios.MoveStage(client, users, "Moved to"));
            foreach (var n in levels)
            {
                rows.Add(await RunAsync(target, MessageTurn, n, settings, connector, BotScenarios.MyDeals(client, users, true), log, sqlSocket));
                TraceLater($"{target} {MessageTurn}", n, bot, BotScenarios.MyDeals(client, users, true));
            }
            foreach (var n in levels)
            {
                rows.Add(await RunAsync(target, MoveTurn, n, settings, connector, BotScenarios.MoveStage(client, users, "Moved to"), log, sqlSocket));
                TraceLater($"{target} {MoveTurn}", n, bot, BotScenarios.MoveStage(client, users, "Moved to"));
            }
            var (fewest, most) = await BotScenarios.StintsOfClickedDealsAsync(users, database);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{target}: after its click rows (warm-up included), each clicked deal carries {fewest:N0} to {most:N0} stage stays: every click adds one, and a click's reads must not grow with them."));
            memory.Add(new HostFigures($"{target} ({hostName})", bot.PeakRssMiB(), bot.RssMiB(), startedIn.TotalSeconds, "first `my deals` turn")
            { Gc = await SqlCommandCounter.GcAsync(sqlSocket), RssParts = bot.RssParts() });
            await TraceNowAsync();

            // The first start above migrated a new database; a restart (a deploy, a crash, one more instance) finds it
            // migrated and only reads its history.
            await bot.DisposeAsync();
            var restarted = await StartBotHostAsync($"bot-{label}-restart");
            await using var again = restarted.Host;
            var restartedIn = restarted.StartedIn;
            memory.Add(new HostFigures($"{target}, restarted on its migrated database ({hostName})", again.PeakRssMiB(), again.RssMiB(),
                restartedIn.TotalSeconds, "first `my deals` turn, no load")
            { StartOnly = true });
        }

        if (only.Contains("bot"))
        {
            await RunBotAsync(Targets.Ours, BotDatabase.Sqlite(work), "sqlite");
        }
        if (only.Contains("bot") || only.Contains("bot-postgres"))
        {
            if (options.TryGetValue("bot-postgres", out var botPostgres))
            {
                await RunBotAsync(Targets.OursPostgres, await BotDatabase.PostgresAsync(botPostgres), "postgres");
            }
        }

        if (only.Contains("floor"))
        {
            var port = ServerProcess.FreePort();
            var environment = new Dictionary<string, string>(authEnvironment)
            {
                [BotHostCommand.TrustThumbprintVariable] = issuer.CertificateThumbprint,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            };
            var floorSocket = CountSql(environment, work, "floor");
            log.WriteLine($"Floor: starting {Path.GetFileName(self)} floor-host on port {port}");
            await using var floor = await ServerProcess.StartAsync(DotnetHost(), [self, "floor-host", "--urls", $"http://127.0.0.1:{port}"],
                environment, Path.GetDirectoryName(self)!, port, "/health", Path.Combine(work, "floor.log"));
            var client = new BotClient(http, floor.BaseUrl + "/api/messages", connector.ServiceUrl, token);
            await client.PostAsync(client.Message(users[0], "my deals"), CancellationToken.None);
            var startedIn = floor.SinceStart;
            await WarmUpHostAsync(Targets.Floor, floorSocket, BotScenarios.MyDeals(client, users, false));
            foreach (var n in levels)
            {
                rows.Add(await RunAsync(Targets.Floor, MessageTurn, n, settings, connector, BotScenarios.MyDeals(client, users, false), log));
                TraceLater($"{Targets.Floor} {MessageTurn}", n, floor, BotScenarios.MyDeals(client, users, false));
            }
            memory.Add(new HostFigures($"{Targets.Floor} (`floor-host`)", floor.PeakRssMiB(), floor.RssMiB(), startedIn.TotalSeconds, "first message")
            { RssParts = floor.RssParts() });
            await TraceNowAsync();
        }

        if (only.Contains("baseline"))
        {
            var port = ServerProcess.FreePort();
            var environment = new Dictionary<string, string>(authEnvironment)
            {
                ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
                ["NODE_EXTRA_CA_CERTS"] = pem,
                ["NODE_ENV"] = "production",
            };
            var script = Path.Combine(root, "tests", "Collaboration.Benchmarks", "baseline", "echo-bot.js");
            log.WriteLine($"Baseline: starting node {script} on port {port}");
            await using var baseline = await ServerProcess.StartAsync("node", [script], environment, root, port, "/health", Path.Combine(work, "baseline.log"));
            var client = new BotClient(http, baseline.BaseUrl + "/api/messages", connector.ServiceUrl, token);
            await client.PostAsync(client.Message(users[0], "my deals"), CancellationToken.None);
            var startedIn = baseline.SinceStart;
            await WarmUpHostAsync(Targets.Echo, null, BotScenarios.MyDeals(client, users, false), BotScenarios.MoveStage(client, users, "Moved to"));
            foreach (var n in levels) rows.Add(await RunAsync(Targets.Echo, MessageTurn, n, settings, connector, BotScenarios.MyDeals(client, users, false), log));
            foreach (var n in levels) rows.Add(await RunAsync(Targets.Echo, MoveTurn, n, settings, connector, BotScenarios.MoveStage(client, users, "Moved to"), log));
            memory.Add(new HostFigures($"{Targets.Echo} (`node echo-bot.js`)", baseline.PeakRssMiB(), baseline.RssMiB(), startedIn.TotalSeconds, "first message"));
        }

        if (connector.Unauthorized > 0) notes.Add($"**{connector.Unauthorized} connector calls carried no or a wrong token.**");

        if (only.Contains("addin"))
        {
            var file = await AddinData.EnsureAsync(options.GetValueOrDefault("addin-db", Path.Combine(work, "addin-100k.db")), log);
            var dll = AddinDll(options, root);
            var port = ServerProcess.FreePort();
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Crm"] = $"Data Source={file}",
                // Development sign-in (X-Dev-* headers, no Entra app) exists only in the Development environment.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            };
            // A part of one ReadyToRun composite cannot load into a process that runs another: from a composite publish
            // (bench.sh), the add-in gets the counter from the plain build (--sql-hook) instead of from this assembly.
            var sqlSocket = CountSql(environment, work, "addin", options.GetValueOrDefault("sql-hook"));
            log.WriteLine($"Add-in: {await QuietMachine.WaitAsync()}");
            log.WriteLine($"Add-in: starting {dll} on port {port}");
            await using var addin = await ServerProcess.StartAsync(DotnetHost(), [dll, "--urls", $"http://127.0.0.1:{port}"], environment,
                Path.GetDirectoryName(dll)!, port, "/health", Path.Combine(work, "addin.log"));
            var scenarios = new AddinScenarios(http, addin.BaseUrl);
            var first = await scenarios.Resolve()(0, CancellationToken.None);
            var startedIn = addin.SinceStart;
            if (!first.Ok) throw new InvalidOperationException("Add-in: the first resolve failed: " + first.Error);
            await WarmUpHostAsync(Targets.Addin, sqlSocket, scenarios.Resolve(), scenarios.FromEmail());
            foreach (var (path, scenario) in new[] { ("POST /api/emails/resolve", scenarios.Resolve()), ("POST /api/opportunities/from-email", scenarios.FromEmail()) })
            {
                rows.Add(await RunAsync(Targets.Addin, path, addinWorkers, settings, null, scenario, log, sqlSocket));
                TraceLater($"{Targets.Addin} {path}", levels.Max(), addin, scenario);
            }
            memory.Add(new HostFigures($"{Targets.Addin} (`Collaboration.Addin.dll`)", addin.PeakRssMiB(), addin.RssMiB(), startedIn.TotalSeconds, "first resolve")
            { Gc = await SqlCommandCounter.GcAsync(sqlSocket), RssParts = addin.RssParts() });
            await TraceNowAsync();
        }

        var notifyRows = new List<NotificationRow>();
        var paneRows = new List<(string, PaneResult)>();
        PaneSize? paneSize = null;
        var notifyNotes = new List<string>();
        if (only.Contains("notifications"))
        {
            await using var arrivals = await ArrivalConnector.StartAsync();
            arrivals.ExpectedAuthorization = "Bearer " + issuer.AccessToken;
            var rate = double.Parse(options.GetValueOrDefault("notify-rate", "100"), CultureInfo.InvariantCulture);
            var seconds = double.Parse(options.GetValueOrDefault("notify-duration", "30"), CultureInfo.InvariantCulture);
            var owners = int.Parse(options.GetValueOrDefault("notify-owners", "200"), CultureInfo.InvariantCulture);
            const string Unthrottled = "PerTenantPerSecond=100000";
            const string Tuned = "PollInterval=00:00:00.100";
            var runs = new List<(string Name, string Settings, int Owners, int DealsPerOwner, double Rate, double Seconds, double Drain)>
            {
                ("production defaults", "", owners, 2, rate, seconds, 60),
                ("tenant pacing lifted", Unthrottled, owners, 2, rate, seconds, 60),
                ("tenant pacing lifted, poll 100 ms", $"{Unthrottled},{Tuned}", owners, 2, rate, seconds, 60),
                ("one busy conversation", Tuned, 1, 50, 10, 5, 90),
            };
            // --notify-runs "lifted": only the runs whose name contains that text (repeat one without the rest).
            if (options.TryGetValue("notify-runs", out var pick)) runs = runs.Where(r => r.Name.Contains(pick, StringComparison.Ordinal)).ToList();
            var sqliteFiles = new List<string>();
            foreach (var run in runs)
            {
                var file = Path.Combine(work, $"notify-{Guid.NewGuid():N}.db");
                sqliteFiles.Add(file);
                notifyRows.Add(await NotificationScenarios.RunAsync(run.Name, "SQLite", "Sqlite", $"Data Source={file}", run.Settings, run.Owners,
                    run.DealsPerOwner, run.Rate, run.Seconds, run.Drain, arrivals, issuer.AccessToken, work, log));
            }
            if (options.TryGetValue("notify-postgres", out var postgres))
            {
                foreach (var run in runs.Skip(1).Take(2))
                {
                    notifyRows.Add(await NotificationScenarios.RunAsync(run.Name, "PostgreSQL", "Postgres", postgres, run.Settings, run.Owners,
                        run.DealsPerOwner, run.Rate, run.Seconds, run.Drain, arrivals, issuer.AccessToken, work, log));
                }
            }
            foreach (var file in sqliteFiles)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            }
            if (arrivals.Unauthorized > 0) notifyNotes.Add($"**{arrivals.Unauthorized} connector calls carried no or a wrong token.**");
        }

        if (only.Contains("pane"))
        {
            var dll = AddinDll(options, root);
            var file = Path.Combine(work, $"pane-{Guid.NewGuid():N}.db");
            var port = ServerProcess.FreePort();
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Crm"] = $"Data Source={file}",
                // Development sign-in (X-Dev-* headers, no Entra app) exists only in the Development environment.
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            };
            log.WriteLine($"Pane: starting {dll} on port {port}");
            // The build writes the pane bundle into the project's wwwroot (not bin): that is the content root.
            var contentRoot = Path.Combine(root, "addin", "Collaboration.Addin");
            await using (var addin = await ServerProcess.StartAsync(DotnetHost(), [dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", contentRoot],
                environment, contentRoot, port, "/health", Path.Combine(work, "pane-addin.log")))
            {
                (paneRows, paneSize) = await PaneScenario.RunAsync(http, addin.BaseUrl, int.Parse(options.GetValueOrDefault("pane-runs", "20"), CultureInfo.InvariantCulture), log);
            }
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }

        if (notifyRows.Count > 0 || paneRows.Count > 0)
        {
            var notifyOutput = options.GetValueOrDefault("notify-out",
                Path.Combine(root, "benchmarks", "results", $"{DateTime.UtcNow:yyyy-MM-dd}-notifications.md"));
            var notifyMarkdown = NotificationScenarios.Markdown(notifyRows, paneRows, paneSize, root, notifyNotes);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(notifyOutput))!);
            await File.WriteAllTextAsync(notifyOutput, notifyMarkdown);
            log.WriteLine(notifyMarkdown);
            log.WriteLine($"Notification and pane results written to {notifyOutput}");
        }
        // `--only notifications,pane` leaves the HTTP results file alone.
        if (!only.Overlaps(["bot", "bot-postgres", "baseline", "addin", "floor"])) return 0;

        if (tracing is not null) await tracing.FinishAsync();
        var micro = options.TryGetValue("micro", out var microDir) ? MicroResults(microDir) : null;
        var extra = options.TryGetValue("append", out var appendFile) && File.Exists(appendFile) ? await File.ReadAllTextAsync(appendFile) : null;
        if (warmUps.Count > 0) notes.Add("JIT warm-up: " + string.Join("; ", warmUps) + ".");
        var markdown = Report.Write(settings, rows, memory, notes, micro, root, tracing?.Traces ?? [], extra);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown);
        log.WriteLine(markdown);
        log.WriteLine($"Results written to {output}");
        return 0;
    }

    private static async Task<ScenarioRow> RunAsync(string target, string scenario, int workers, LoadSettings settings, LocalConnector? connector,
        Func<int, CancellationToken, Task<Outcome>> request, TextWriter log, string? sqlSocket = null)
    {
        long sent = 0;
        var before = connector?.Count ?? 0;
        var sqlBefore = sqlSocket is null ? default : await SqlCommandCounter.ReadAsync(sqlSocket);
        var machineBefore = MachineCpu.Read();
        var result = await LoadDriver.RunAsync(scenario, workers, settings, async (w, ct) =>
        {
            Interlocked.Increment(ref sent);
            return await request(w, ct);
        });
        var machine = machineBefore is null || sent == 0 ? (Busy: double.NaN, Postgres: double.NaN) : MachineCpu.Read()!.MillisecondsSince(machineBefore);
        var calls = connector is null || sent == 0 ? double.NaN : (connector.Count - before) / (double)sent;
        // Per request sent (warm-up included, like the connector calls): the host ran nothing else meanwhile.
        var sqlAfter = sqlSocket is null ? default : await SqlCommandCounter.ReadAsync(sqlSocket);
        var statements = sqlSocket is null || sent == 0 ? double.NaN : (sqlAfter.Statements - sqlBefore.Statements) / (double)sent;
        var commands = sqlSocket is null || sent == 0 ? double.NaN : (sqlAfter.Commands - sqlBefore.Commands) / (double)sent;
        var counted = sqlSocket is not null && sent > 0 && sqlAfter.Cpu > TimeSpan.Zero;
        var cpu = counted ? (sqlAfter.Cpu - sqlBefore.Cpu).TotalMilliseconds / sent : double.NaN;
        var allocated = counted ? (sqlAfter.AllocatedBytes - sqlBefore.AllocatedBytes) / 1024.0 / sent : double.NaN;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{target} | {scenario} | {workers} | {result.PerSecond:F0}/s | p50 {result.P50:F2} ms | p99 {result.P99:F2} ms | SQL {statements:F2} statements in {commands:F2} commands/turn | host {cpu:F3} CPU ms, {allocated:F1} KiB allocated/turn | machine {machine.Busy / sent:F3} CPU ms/turn, PostgreSQL {machine.Postgres / sent:F3} | errors {result.Errors}{(result.FirstError is null ? "" : " first: " + result.FirstError)}"));
        return new ScenarioRow(target, scenario, result, calls)
        {
            SqlStatementsPerTurn = statements,
            SqlCommandsPerTurn = commands,
            HostCpuMsPerTurn = cpu,
            AllocatedKiBPerTurn = allocated,
            MachineCpuMsPerTurn = machine.Busy / sent,
            PostgresCpuMsPerTurn = target == Targets.OursPostgres ? machine.Postgres / sent : double.NaN,
        };
    }

    /// <summary>
    /// Loads <see cref="SqlCommandCounter"/> into the host as a startup hook (this assembly, or <paramref name="hook"/>: a
    /// build of it); returns the socket to read it from.
    /// </summary>
    private static string CountSql(Dictionary<string, string> environment, string work, string label, string? hook = null)
    {
        var socket = Path.Combine(work, $"sql-{label}.sock");
        environment["DOTNET_STARTUP_HOOKS"] = hook is { Length: > 0 } ? Path.GetFullPath(hook) : typeof(LoadCommand).Assembly.Location;
        environment[SqlCommandCounter.SocketVariable] = socket;
        return socket;
    }

    private static string? MicroResults(string directory)
    {
        if (!Directory.Exists(directory)) return null;
        var files = Directory.GetFiles(directory, "*-report-github.md", SearchOption.AllDirectories).OrderBy(f => f).ToList();
        if (files.Count == 0) return null;
        var text = new StringBuilder();
        foreach (var file in files) text.AppendLine(File.ReadAllText(file).Trim()).AppendLine();
        return text.ToString();
    }

    /// <summary>The add-in host to run: --addin-dir (e.g. a ReadyToRun publish, as deployed), else the Release build.</summary>
    private static string AddinDll(Dictionary<string, string> options, string root) => Path.Combine(
        options.GetValueOrDefault("addin-dir", Path.Combine(root, "addin", "Collaboration.Addin", "bin", "Release", "net10.0")), "Collaboration.Addin.dll");

    private static string DotnetHost() => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    internal static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument {args[i]}");
            options[args[i][2..]] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
        }
        return options;
    }

    internal static bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
}

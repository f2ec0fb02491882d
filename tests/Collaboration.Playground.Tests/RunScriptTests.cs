using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collaboration.Bot.Cards;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Collaboration.Testing.Playground;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Collaboration.Playground.Tests;

/// <summary>
/// What a newcomer does: <c>./run.sh</c> on a fresh copy of the committed tree, then the README's tour (the chat in the
/// Agents Playground, the sample inbox at /try in Chromium, the notification in the chat, the dashboard), then Ctrl-C.
/// Set COLLAB_SCREENSHOTS_DIR to refresh docs/screenshots/tour-*.png.
/// </summary>
public sealed partial class RunScriptTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task ANewcomerTakesTheTourFromAFreshCloneAndCtrlCLeavesNothingRunning()
    {
        var copy = FreshCopy();
        var ports = new[] { FreePort(), FreePort(), FreePort() };
        using var run = RunScript.Start(copy, ports[0], ports[1], ports[2]);
        try
        {
            var started = await run.WaitForLineAsync(l => l.StartsWith("Press Ctrl-C", StringComparison.Ordinal), StartTimeout);
            var printed = Addresses(run.Lines);
            Assert.Equal(
                [$"http://localhost:{ports[2]}", $"http://localhost:{ports[0]}/try", $"http://localhost:{ports[0]}/dashboard", $"http://localhost:{ports[0]}/settings"],
                printed.Values.ToArray());
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var landing = await http.GetStringAsync($"http://localhost:{ports[0]}/");
            Assert.Equal(printed.Values.ToArray(), LandingLinks().Matches(landing).Select(m => m.Groups[1].Value).ToArray());

            await using var playground = await AgentsPlayground.AttachAsync(ports[2]);
            await using var browser = await HeadlessChromium.LaunchAsync();

            // 1. help and my deals, typed in the Playground's web UI.
            var chat = await PlaygroundWebChat.OpenAsync(browser.Browser, printed["Chat with the bot"]);
            var since = playground.LastSequence;
            await chat.TypeAsync("help");
            // Demo reminders may arrive in the chat first: wait for the answers themselves.
            await playground.WaitForBotMessageAsync(m => m.Sequence > since && m.ConversationId == playground.ConversationId
                && Content(m).Contains("my deals", StringComparison.OrdinalIgnoreCase));
            await chat.CardContainingAsync("Here is what I can do");
            since = playground.LastSequence;
            await chat.TypeAsync("my deals");
            var myDeals = await playground.WaitForBotMessageAsync(m => m.Sequence > since && m.AdaptiveCard is { } card
                && Cards.Text(Cards.Parse(card)).Contains("Your open deals", StringComparison.Ordinal) && Cards.HasExecute(Cards.Parse(card), CardVerbs.Show));

            // 2. Open a deal card and press Advance: the card shows the moved deal, or the reason it may not move.
            // The list's chooser starts on its first deal.
            var list = Cards.Of(myDeals);
            var chooser = Cards.Walk(list).First(o => o["id"]?.GetValue<string>() == CardData.DealId);
            var chosen = chooser["value"]!.GetValue<string>();
            var dealName = chooser["choices"]!.AsArray().First(c => c!["value"]!.GetValue<string>() == chosen)!["title"]!.GetValue<string>().Split(" · ")[0];
            // The list is redrawn in place as the deal's card: the one with a Timeline button (reminder cards may name the
            // same deal and offer Advance too).
            await (await chat.CardContainingAsync("Your open deals")).Locator("button[title=Open]").ClickAsync();
            var dealCard = chat.Cards.Filter(new() { HasText = dealName }).Filter(new() { Has = chat.Page.Locator("button[title=Timeline]") })
                .Filter(new() { Has = chat.Page.Locator("button[title^='Advance to']") }).Last;
            var advance = dealCard.Locator("button[title^='Advance to']");
            var target = (await advance.GetAttributeAsync("title"))!["Advance to ".Length..];
            await advance.ClickAsync();
            // Moved: the deal's card shows the stage it advanced to (or says why it may not).
            var moved = chat.Cards.Filter(new() { HasText = dealName })
                .Filter(new() { HasTextRegex = new Regex($@"Stage\s*{Regex.Escape(target)}|below the required") }).Last;
            try
            {
                await Expect(moved).ToBeVisibleAsync();
            }
            finally
            {
                await moved.ScrollIntoViewIfNeededAsync(new() { Timeout = 5_000 }).ContinueWith(_ => { });
                await chat.ScreenshotAsync(ScreenshotPath("tour-chat"));
            }

            // 3. Choose an email in the sample inbox and create a deal; the hostile one stays inert.
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            var dialogs = new List<string>();
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                await dialog.DismissAsync();
            };
            await page.GotoAsync($"http://localhost:{ports[0]}/try");
            var pane = page.FrameLocator("#pane");
            await page.GetByTestId("email-hostile").ClickAsync();
            await Expect(pane.GetByTestId("subject")).ToHaveTextAsync("<img src=x onerror=alert('subject')> Your invoice is overdue");
            await page.GetByTestId("email-bant").ClickAsync();
            await Expect(pane.GetByTestId("sender-name")).ToHaveTextAsync("Daniel Kim");
            await pane.GetByRole(AriaRole.Button, new() { Name = "Create opportunity", Exact = true }).ClickAsync();
            await Expect(pane.GetByTestId("deal")).ToBeVisibleAsync();
            await Expect(pane.Locator("li[aria-current=step]")).ToHaveAttributeAsync("data-phase", "capture");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("tour-sample-inbox") });

            // 4. Advance it in the pane: the stage change arrives in the chat as a card, within seconds.
            since = playground.LastSequence;
            await pane.GetByRole(AriaRole.Button, new() { Name = "Advance stage", Exact = true }).ClickAsync();
            await Expect(pane.Locator("li[aria-current=step]")).ToHaveAttributeAsync("data-phase", "qualify");
            var notification = await playground.WaitForBotMessageAsync(
                m => m.Sequence > since && m.ConversationId == playground.ConversationId && m.Kind == PlaygroundMessageKind.Created
                    && m.AdaptiveCard is { } card && Cards.Text(Cards.Parse(card)) is var text && text.Contains('→')
                    && (text.Contains("brightpath", StringComparison.OrdinalIgnoreCase) || text.Contains("120-person", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(20));
            var notificationText = Cards.Text(Cards.Of(notification));
            Assert.Contains($"{PipelineSettings.Default.For(Stage.New).Name} → {PipelineSettings.Default.For(Stage.Qualify).Name}", notificationText);
            Assert.Contains("Outlook", notificationText);
            await Expect(chat.Cards.Filter(new() { HasText = $"{PipelineSettings.Default.For(Stage.New).Name} → {PipelineSettings.Default.For(Stage.Qualify).Name}" })
                .Filter(new() { HasText = "Outlook" }).Last).ToBeVisibleAsync();
            await chat.ScreenshotAsync(ScreenshotPath("tour-notification"));

            // The display language switches the pane to Chinese.
            await page.Locator("#language").SelectOptionAsync("zh-CN");
            await page.GetByTestId("email-new-company-zh").ClickAsync();
            await Expect(pane.GetByRole(AriaRole.Button, new() { Name = "创建商机", Exact = true })).ToBeVisibleAsync();
            Assert.Empty(dialogs);

            // 5. The dashboard; and Settings, which opens for the newcomer, the demo tenant's first admin.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(printed["Dashboard"])).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"http://localhost:{ports[0]}/api/admin/pipeline")).StatusCode);
            await ScreenshotAsync(browser, printed["Dashboard"], "tour-dashboard", new ViewportSize { Width = 1280, Height = 900 });

            var logged = run.Lines.Skip(started).Where(IsWarningOrError).ToList();
            Assert.True(logged.Count == 0, "Logged after start-up:\n" + string.Join('\n', logged));
            var startUp = run.Lines.Take(started).SkipWhile(l => !l.StartsWith("Starting", StringComparison.Ordinal) && !l.StartsWith("info:", StringComparison.Ordinal))
                .Where(IsWarningOrError).ToList();
            Assert.True(startUp.Count == 0, "Logged while starting:\n" + string.Join('\n', startUp));
        }
        finally
        {
            await run.InterruptAsync();
        }

        Assert.True(run.Exited, "run.sh did not end after Ctrl-C:\n" + run.Output);
        Assert.Contains("Stopped.", run.Lines);
        var left = ProcessesUnder(copy);
        Assert.True(left.Count == 0, "Still running after Ctrl-C:\n" + string.Join('\n', left));
        foreach (var port in ports)
        {
            Assert.False(Listening(port), $"Port {port} is still listening after Ctrl-C.");
        }
        Directory.Delete(copy, recursive: true);
    }

    private static string Content(PlaygroundMessage message) =>
        (message.Text ?? "") + "\n" + (message.AdaptiveCard is { } card ? Cards.Text(Cards.Parse(card)) : "");

    private static bool IsWarningOrError(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)
        || line.StartsWith("crit:", StringComparison.Ordinal) || line.StartsWith("error", StringComparison.OrdinalIgnoreCase);

    /// <summary>The block run.sh prints: "  Chat with the bot:   http://…" lines, by their label.</summary>
    private static Dictionary<string, string> Addresses(IEnumerable<string> lines) =>
        lines.Select(l => AddressLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"^  ([A-Z][^:]+):\s+(http://\S+)$")]
    private static partial Regex AddressLine();

    [GeneratedRegex("<a href=\"([^\"]+)\">")]
    private static partial Regex LandingLinks();

    private static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("COLLAB_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static async Task ScreenshotAsync(HeadlessChromium browser, string url, string name, ViewportSize size)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = size });
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(name) });
        await page.CloseAsync();
    }

    /// <summary>The committed tree (git archive HEAD) in a temporary folder, with this checkout's node_modules linked in.</summary>
    private static string FreshCopy()
    {
        var repository = RepositoryRoot();
        var copy = Directory.CreateTempSubdirectory("collaboration-run-").FullName;
        Run("bash", ["-c", "git -C \"$1\" archive HEAD | tar -x -C \"$2\"", "archive", repository, copy]);
        File.CreateSymbolicLink(Path.Combine(copy, "node_modules"), Path.Combine(repository, "node_modules"));
        return copy;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Collaboration.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Collaboration.sln not found above " + AppContext.BaseDirectory);
    }

    private static void Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error}");
    }

    /// <summary>Processes whose command line or working directory lies in <paramref name="folder"/>.</summary>
    private static List<string> ProcessesUnder(string folder)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(entry, "cmdline")).Replace('\0', ' ');
                var cwd = new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget ?? "";
                if (commandLine.Contains(folder, StringComparison.Ordinal) || cwd.StartsWith(folder, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(entry)}: {commandLine}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    private static bool Listening(int port)
    {
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            try
            {
                using var client = new TcpClient(address.AddressFamily);
                client.Connect(address, port);
                return true;
            }
            catch (SocketException)
            {
            }
        }
        return false;
    }

    private static int FreePort() => LoopbackServer.FreePort();

    /// <summary>run.sh in its own process group (as in a terminal), its output collected line by line.</summary>
    private sealed class RunScript : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private RunScript(Process process) => _process = process;

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines) return [.. _lines];
            }
        }

        public string Output => string.Join('\n', Lines.TakeLast(200));

        public bool Exited => _process.HasExited;

        public static RunScript Start(string folder, int addinPort, int botPort, int playgroundPort)
        {
            // setsid: a process group of its own, as a terminal gives it; SIGINT at its default, as in a terminal.
            var start = new ProcessStartInfo("setsid")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var argument in new[] { "env", "--default-signal=INT", "bash", "run.sh" }) start.ArgumentList.Add(argument);
            start.Environment["ADDIN_PORT"] = addinPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["BOT_PORT"] = botPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["PLAYGROUND_PORT"] = playgroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var run = new RunScript(new Process { StartInfo = start });
            run._process.OutputDataReceived += (_, e) => run.Add(e.Data);
            run._process.ErrorDataReceived += (_, e) => run.Add(e.Data);
            run._process.Start();
            run._process.BeginOutputReadLine();
            run._process.BeginErrorReadLine();
            return run;
        }

        /// <summary>Waits for a line matching <paramref name="predicate"/>; returns how many lines came before it.</summary>
        public async Task<int> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                Task changed;
                lock (_lines)
                {
                    changed = _changed.Task;
                    var index = _lines.FindIndex(l => predicate(l));
                    if (index >= 0) return index + 1;
                }
                if (_process.HasExited) throw new InvalidOperationException($"run.sh ended with {_process.ExitCode}:\n{Output}");
                if (deadline.Elapsed > timeout) throw new TimeoutException($"run.sh did not get there within {timeout}:\n{Output}");
                await Task.WhenAny(changed, Task.Delay(1000));
            }
        }

        /// <summary>Ctrl-C: SIGINT to the whole process group, then waits for run.sh to end.</summary>
        public async Task InterruptAsync()
        {
            if (_process.HasExited) return;
            Run("kill", ["-INT", "--", "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private void Add(string? line)
        {
            if (line is null) return;
            TaskCompletionSource changed;
            lock (_lines)
            {
                _lines.Add(line);
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            changed.TrySetResult();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Run("kill", ["-KILL", "--", "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
            _process.Dispose();
        }
    }
}

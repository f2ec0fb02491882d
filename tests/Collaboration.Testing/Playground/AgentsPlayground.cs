using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Collaboration.Testing.Node;

namespace Collaboration.Testing.Playground;

public sealed class AgentsPlaygroundOptions
{
    public string ChannelId { get; set; } = "msteams";

    /// <summary>How long start-up may take, including the Playground's own wait for the bot endpoint (up to 15 s).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Used by <see cref="AgentsPlayground.WaitForBotMessageAsync"/> when no timeout is given.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

public sealed class PlaygroundException(string message) : Exception(message);

/// <summary>
/// The real Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in package.json) in
/// anonymous mode, talking to a bot endpoint the test runs. Tests act as the signed-in user of the personal chat and
/// read what the bot sent the way the Playground's web UI does.
/// </summary>
/// <remarks>
/// The endpoints used are the Playground's internal API (undocumented; read from dist/index.js of 0.2.28 — check
/// them again when the version in package.json changes):
/// <list type="bullet">
/// <item><c>GET /_internal/v1/config</c>: tenant, bot, current user (<c>user-id-0</c>), personal chat id, group chats.
/// It first waits (up to 15 s) for the bot endpoint to answer, so it doubles as the readiness probe.</item>
/// <item><c>POST /_conversation/v1/conversations/{cid}/messages</c> <c>{from:{id}, text, textFormat}</c>: the user
/// types a message; answers <c>{messageId, timestamp}</c>. Its activities always carry locale en-US.</item>
/// <item><c>GET /_internal/v1/customActivities/template?conversationId=</c> and <c>POST /_internal/v1/customActivities</c>:
/// send any activity to the bot (the UI's "custom activity"); used for messages in another locale.</item>
/// <item><c>POST /_conversation/v1/invoke</c> <c>{name:"adaptiveCard/action", conversation:{id}, from:{id}, replyToId, value}</c>:
/// Action.Execute on the card whose message id is replyToId (it must exist: 400 ActivityNotFoundInConversation);
/// answers the bot's invoke response body (the Playground drops <c>statusCode</c> from it).</item>
/// <item><c>POST /_conversation/v1/submit</c> <c>{conversation:{id}, from:{id}, replyToId, value}</c>: Action.Submit.</item>
/// <item>WebSocket <c>/_ws_conversation/v1/conversations/stream</c>: how the web UI learns what the bot sent.
/// Frames are <c>{action:"createMessage"|"updateMessage"|"typing", actionConversationId, message:{messageId, from:{id},
/// text, textFormat, attachments:[{contentType, content}], ...}}</c>; frames sent while no client is connected are
/// buffered and delivered on connection. The user's own messages are not echoed.</item>
/// <item>The mock Connector the bot calls is <c>http://localhost:{port}/_connector</c> (the activities' serviceUrl).</item>
/// </list>
/// </remarks>
public sealed class AgentsPlayground : IAsyncDisposable
{
    private const string PackageCli = "@microsoft/m365agentsplayground/cli.js";
    private const int StartAttempts = 3;
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private readonly Process? _process;
    private readonly string? _workDirectory;
    private readonly StringBuilder _output;
    private readonly HttpClient _http;
    private readonly AgentsPlaygroundOptions _options;
    private readonly Lock _gate = new();
    private readonly List<PlaygroundMessage> _messages = [];
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClientWebSocket? _socket;
    private Task? _receiving;
    private long _sequence;
    private int _disposed;

    private AgentsPlayground(Process? process, string? workDirectory, StringBuilder output, int port, AgentsPlaygroundOptions options)
    {
        _process = process;
        _workDirectory = workDirectory;
        _output = output;
        _options = options;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The serviceUrl the Playground puts on the activities it sends: its mock Connector.</summary>
    public string ServiceUrl => $"http://localhost:{Port}/_connector";

    public PlaygroundConfig Config { get; private set; } = null!;

    /// <summary>The personal chat between <see cref="UserId"/> and the bot, where every method of this class acts.</summary>
    public string ConversationId => Config.PersonalChat.Id;

    public string UserId => Config.CurrentUser.Id;

    public string BotId => Config.Bot.Id;

    /// <summary>What the Playground printed so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The Playground's output and the end of its own log (devTools/m365agentsplayground.log, which records
    /// every activity, bot answer and "Cannot connect to your app"); failure messages of this class include it.
    /// </summary>
    public string Diagnostics
    {
        get
        {
            if (_workDirectory is null)
            {
                return $"(a Playground this class did not start, on port {Port})";
            }

            var log = Path.Combine(_workDirectory, "devTools", "m365agentsplayground.log");
            string logTail;
            try
            {
                logTail = File.Exists(log)
                    ? string.Join('\n', Tail(File.ReadAllText(log), 30).Split('\n').Select(l => l.Length > 600 ? l[..600] + "…" : l))
                    : "(no log file)";
            }
            catch (IOException ex)
            {
                logTail = $"(log unreadable: {ex.Message})";
            }

            return $"Playground output:{Environment.NewLine}{Tail(Output)}{Environment.NewLine}Playground log ({log}):{Environment.NewLine}{logTail}";
        }
    }

    /// <summary>
    /// Starts the Playground against <paramref name="botEndpoint"/> (e.g. http://127.0.0.1:5123/api/messages; the bot
    /// should already be listening) on a free port and waits until it is ready and its message stream is connected.
    /// </summary>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint, AgentsPlaygroundOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botEndpoint);
        options ??= new AgentsPlaygroundOptions();
        var cli = NodeTools.RequireInstalled(PackageCli);
        for (var attempt = 1; ; attempt++)
        {
            var playground = Launch(cli, botEndpoint, FreePort(), options);
            try
            {
                await playground.WaitUntilReadyAsync(cancellationToken);
                return playground;
            }
            catch (PlaygroundException) when (attempt < StartAttempts && playground.Output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await playground.DisposeAsync();
            }
            catch
            {
                await playground.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Connects to a Playground already running on <paramref name="port"/> (run.sh's) as its web UI does; disposing the
    /// result leaves that Playground running.
    /// </summary>
    public static async Task<AgentsPlayground> AttachAsync(int port, AgentsPlaygroundOptions? options = null, CancellationToken cancellationToken = default)
    {
        var playground = new AgentsPlayground(null, null, new StringBuilder(), port, options ?? new AgentsPlaygroundOptions());
        try
        {
            await playground.WaitUntilReadyAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    /// <summary>The user types <paramref name="text"/> in the personal chat. Returns the id of the user's message.</summary>
    /// <param name="locale">
    /// The Playground's own messages always say en-US; any other locale is sent as a custom activity built from the
    /// Playground's template (same conversation, user and serviceUrl; locale and clientInfo set).
    /// </param>
    public async Task<string> SendMessageAsync(string text, string? locale = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (locale is null || string.Equals(locale, "en-US", StringComparison.OrdinalIgnoreCase))
        {
            var answer = await PostAsync(
                $"_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId)}/messages",
                new { from = new { id = UserId }, text, textFormat = "plain" },
                cancellationToken);
            return answer.GetProperty("messageId").GetString()!;
        }

        var activity = await _http.GetFromJsonAsync<JsonObject>(
            $"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(ConversationId)}", cancellationToken)
            ?? throw new PlaygroundException("The Playground returned no custom activity template.");
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = locale;
        activity["from"] = new JsonObject { ["id"] = UserId, ["name"] = Config.CurrentUser.Name, ["aadObjectId"] = Config.CurrentUser.AadObjectId };
        activity["entities"] = new JsonArray { new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["platform"] = "Web" } };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId } };
        await PostAsync("_internal/v1/customActivities", activity, cancellationToken);
        return activity["id"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>
    /// Sends an <c>adaptiveCard/action</c> invoke with <paramref name="value"/> for the card in message
    /// <paramref name="replyToId"/> and returns the bot's invoke response body as the Playground passes it on.
    /// </summary>
    public Task<JsonElement> InvokeAsync(object value, string replyToId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        return PostAsync(
            "_conversation/v1/invoke",
            new { name = "adaptiveCard/action", conversation = new { id = ConversationId }, from = new { id = UserId }, replyToId, value },
            cancellationToken);
    }

    /// <summary>Clicks an Action.Execute with <paramref name="verb"/> and <paramref name="data"/> on the card in message <paramref name="replyToId"/>.</summary>
    public Task<JsonElement> ExecuteAsync(string verb, object? data, string replyToId, CancellationToken cancellationToken = default) =>
        InvokeAsync(
            new { action = new { type = "Action.Execute", verb, data = data ?? new { } }, trigger = "manual" },
            replyToId,
            cancellationToken);

    /// <summary>Clicks an Action.Submit whose data merged with the card's inputs is <paramref name="value"/> (arrives as a message without text).</summary>
    public async Task SubmitAsync(object value, string replyToId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(replyToId);
        await PostAsync(
            "_conversation/v1/submit",
            new { conversation = new { id = ConversationId }, from = new { id = UserId }, replyToId, value },
            cancellationToken);
    }

    /// <summary>Everything the bot sent into any conversation so far (new messages and updates), in arrival order.</summary>
    public IReadOnlyList<PlaygroundMessage> GetBotMessages()
    {
        lock (_gate)
        {
            return [.. _messages.Where(m => m.FromId == BotId)];
        }
    }

    /// <summary>The <see cref="PlaygroundMessage.Sequence"/> of the latest message received; filter on it to wait only for newer ones.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>
    /// Returns the first bot message (already received or arriving) that matches <paramref name="predicate"/>; throws a
    /// <see cref="TimeoutException"/> listing what did arrive when none does in time.
    /// </summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(
        Func<PlaygroundMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var limit = timeout ?? _options.DefaultWaitTimeout;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (GetBotMessages().FirstOrDefault(predicate) is { } match)
            {
                return match;
            }

            var remaining = limit - deadline.Elapsed;
            if (remaining <= TimeSpan.Zero || _receiving is { IsCompleted: true })
            {
                var seen = GetBotMessages();
                throw new TimeoutException(
                    $"No matching bot message within {limit.TotalSeconds:0.#} s{(_receiving is { IsCompleted: true } ? " (the Playground's message stream closed)" : "")}. " +
                    $"Bot messages received ({seen.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, seen)}{Environment.NewLine}{Diagnostics}");
            }

            try
            {
                await changed.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _socket?.Abort();
        if (_receiving is not null)
        {
            await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _socket?.Dispose();
        _http.Dispose();
        _stopping.Dispose();
        if (_process is null || _workDirectory is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static AgentsPlayground Launch(string cli, string botEndpoint, int port, AgentsPlaygroundOptions options)
    {
        // A private working directory: the Playground writes devTools/m365agentsplayground.log into it. On Linux it
        // runs xdg-open to show its UI and exits when that is missing, so a no-op one goes first on PATH.
        var workDirectory = Directory.CreateTempSubdirectory("collaboration-playground-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(workDirectory, "bin")).FullName;
        var xdgOpen = Path.Combine(bin, "xdg-open");
        File.WriteAllText(xdgOpen, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(xdgOpen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "-e", botEndpoint, "-c", options.ChannelId, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["BOT_ENDPOINT"] = botEndpoint;
        start.Environment["TEAMSAPPTESTER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DEFAULT_CHANNEL_ID"] = options.ChannelId;

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            Directory.Delete(workDirectory, recursive: true);
            throw new InvalidOperationException("Could not start `node`: install Node.js 20 and put it on PATH.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentsPlayground(process, workDirectory, output, port, options);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < _options.StartTimeout)
        {
            if (_process is { HasExited: true })
            {
                throw new PlaygroundException($"The Agents Playground exited with code {_process.ExitCode} while starting:{Environment.NewLine}{Diagnostics}");
            }

            try
            {
                using var response = await _http.GetAsync("_internal/v1/config", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Config = ParseConfig(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
                    await ConnectStreamAsync(cancellationToken);
                    return;
                }

                last = new PlaygroundException($"GET /_internal/v1/config answered {(int)response.StatusCode}.");
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new PlaygroundException(
            $"The Agents Playground was not ready on port {Port} within {_options.StartTimeout.TotalSeconds:0} s ({last?.Message}):{Environment.NewLine}{Diagnostics}");
    }

    private static PlaygroundConfig ParseConfig(JsonElement root)
    {
        var config = root.GetProperty("config");
        static PlaygroundAccount Account(JsonElement e) => new(
            e.GetProperty("id").GetString()!,
            e.TryGetProperty("name", out var name) ? name.GetString() : null,
            e.TryGetProperty("aadObjectId", out var aad) ? aad.GetString() : null);
        static PlaygroundChat Chat(JsonElement e) => new(e.GetProperty("id").GetString()!, e.TryGetProperty("name", out var name) ? name.GetString() : null);
        return new PlaygroundConfig(
            config.GetProperty("tenantId").GetString()!,
            Account(config.GetProperty("bot")),
            Account(config.GetProperty("currentUser")),
            Chat(config.GetProperty("personalChat")),
            config.TryGetProperty("groupChats", out var groups) ? [.. groups.EnumerateArray().Select(Chat)] : []);
    }

    private async Task ConnectStreamAsync(CancellationToken cancellationToken)
    {
        _socket = new ClientWebSocket();
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), cancellationToken);
        _receiving = Task.Run(() => ReceiveAsync(_socket, _stopping.Token), CancellationToken.None);
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Record(frame.ToArray());
                frame.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Signal();
        }
    }

    private void Record(byte[] frame)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(frame).RootElement;
        }
        catch (JsonException)
        {
            return;
        }

        var kind = root.TryGetProperty("action", out var action) ? action.GetString() : null;
        if (kind is not ("createMessage" or "updateMessage") || !root.TryGetProperty("message", out var message))
        {
            return;
        }

        var attachments = message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(a => new PlaygroundAttachment(
                    a.TryGetProperty("contentType", out var type) ? type.GetString() ?? "" : "",
                    a.TryGetProperty("content", out var content) ? content.Clone() : default))
                .ToList()
            : [];
        lock (_gate)
        {
            _messages.Add(new PlaygroundMessage(
                ++_sequence,
                kind == "createMessage" ? PlaygroundMessageKind.Created : PlaygroundMessageKind.Updated,
                root.TryGetProperty("actionConversationId", out var cid) ? cid.GetString() ?? "" : "",
                Text(message, "messageId") ?? "",
                message.TryGetProperty("from", out var from) ? Text(from, "id") : null,
                Text(message, "text"),
                Text(message, "textFormat"),
                attachments,
                message.Clone()));
        }

        Signal();
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body, body.GetType(), options: WebJson);
        using var response = await _http.PostAsync(path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new PlaygroundException($"POST /{path} answered {(int)response.StatusCode}: {text}{Environment.NewLine}{Diagnostics}");
        }

        return string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static int FreePort() => LoopbackServer.FreePort();

    private static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;
using Collaboration.Infrastructure.Persistence;

namespace Collaboration.Addin.Graph;

/// <summary>Settings under <c>SalesMailbox</c>. Off unless <c>SalesMailbox:Enabled</c> and <c>Graph:Enabled</c> are both true.</summary>
public sealed class SalesMailboxOptions
{
    public bool Enabled { get; set; }

    /// <summary>The shared mailbox, e.g. sales@contoso.com (the app needs Mail.Read application permission on it).</summary>
    public string Mailbox { get; set; } = "";

    /// <summary>The CRM tenant its leads belong to.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Who gets a new deal when no assignment rule decides.</summary>
    public string OwnerObjectId { get; set; } = "";

    /// <summary>The secret Graph echoes in every notification; a random one per process when empty.</summary>
    public string ClientState { get; set; } = "";

    /// <summary>The public https address of /api/graph/notifications; the server's own address when empty (tests, tunnels).</summary>
    public string NotificationUrl { get; set; } = "";

    /// <summary>
    /// The public https address of /api/graph/lifecycle (reauthorization, removal, missed notifications); when empty,
    /// derived from <see cref="NotificationUrl"/> (or the server's own address).
    /// </summary>
    public string LifecycleNotificationUrl { get; set; } = "";

    /// <summary>After Graph reports missed notifications (or a removed subscription), the inbox messages this recent are read again.</summary>
    public int CatchUpMinutes { get; set; } = 1440;

    /// <summary>How long each subscription (or renewal) asks for; Graph allows up to 10,080 minutes for messages.</summary>
    public int SubscriptionMinutes { get; set; } = 4320;

    /// <summary>Renew this long before the subscription expires.</summary>
    public int RenewBeforeMinutes { get; set; } = 60;

    /// <summary>The app-only scope for Graph.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";
}

/// <summary>App-only Graph tokens for the shared mailbox (client credentials, no signed-in user).</summary>
public interface IAppTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

internal sealed class EntraAppTokenProvider(IServiceProvider services, SalesMailboxOptions options) : IAppTokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken ct)
    {
        var tokens = services.GetService<ITokenAcquisition>()
            ?? throw new InvalidOperationException("The sales mailbox needs an Entra app (AzureAd:*) with a client credential to read the mailbox.");
        return tokens.GetAccessTokenForAppAsync(options.Scope);
    }
}

internal sealed class AppAccessTokenProvider(IAppTokenProvider tokens, string baseUrl) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([new Uri(baseUrl).Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        tokens.GetTokenAsync(cancellationToken);
}

/// <summary>Message ids from Graph notifications, waiting to be fetched and captured after the 202 went out.</summary>
public sealed class SalesMailboxQueue
{
    private readonly Channel<string> _channel = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public bool TryEnqueue(string messageId) => _channel.Writer.TryWrite(messageId);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

public sealed record SubscriptionState(string Id, DateTimeOffset ExpiresAt, string NotificationUrl);

/// <summary>
/// Open while this server is creating a Graph subscription: the only time Graph posts a validationToken and expects it
/// echoed. At any other time the notification endpoints echo nothing, so they cannot be used to reflect text.
/// </summary>
public sealed class SubscriptionValidationWindow
{
    private int _open;

    public bool IsOpen => Volatile.Read(ref _open) > 0;

    public IDisposable Open()
    {
        Interlocked.Increment(ref _open);
        return new Closing(this);
    }

    private sealed class Closing(SubscriptionValidationWindow window) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) Interlocked.Decrement(ref window._open);
        }
    }
}

/// <summary>A Graph lifecycle notification for the mailbox subscription: reauthorizationRequired, subscriptionRemoved or missed.</summary>
public sealed record LifecycleSignal(string Event, string SubscriptionId);

/// <summary>Lifecycle notifications waiting for the <see cref="SalesMailboxSubscriber"/>, which acts on them between its checks.</summary>
public sealed class SalesMailboxLifecycle
{
    private readonly Channel<LifecycleSignal> _channel = System.Threading.Channels.Channel.CreateUnbounded<LifecycleSignal>(new UnboundedChannelOptions { SingleReader = true });

    public bool TryEnqueue(LifecycleSignal signal) => _channel.Writer.TryWrite(signal);

    public bool TryRead(out LifecycleSignal signal) => _channel.Reader.TryRead(out signal!);

    public Task WaitAsync(CancellationToken ct) => _channel.Reader.WaitToReadAsync(ct).AsTask();
}

/// <summary>
/// Keeps one Graph subscription on the mailbox's inbox alive: created once the server listens (Graph validates the
/// notification URL on creation), renewed <see cref="SalesMailboxOptions.RenewBeforeMinutes"/> before it expires,
/// recreated when a renewal is refused. The subscription is stored (<see cref="MailboxSubscription"/>), so a restart
/// renews the same one; one that no longer fits (another clientState or address, expired) is replaced and deleted.
/// Lifecycle notifications renew it, recreate it, or read the recent inbox again.
/// </summary>
public sealed class SalesMailboxSubscriber(
    SalesMailboxGraph graph, SalesMailboxOptions options, CrmDatabase database, SalesMailboxQueue queue, SalesMailboxLifecycle lifecycle,
    SubscriptionValidationWindow validation, TimeProvider time, IHostApplicationLifetime lifetime, IServer server, ILogger<SalesMailboxSubscriber> logger)
    : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);
    private const int CatchUpPages = 10;

    public SubscriptionState? Current { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        var loaded = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!loaded)
                {
                    Current = await ResumeOrCreateAsync(stoppingToken);
                    loaded = true;
                }
                if (Current is null) Current = await CreateAsync(null, stoppingToken);
                else if (time.GetUtcNow() >= Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes)) Current = await RenewAsync(Current, stoppingToken);
                while (lifecycle.TryRead(out var signal)) await HandleAsync(signal, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The sales mailbox subscription could not be created, renewed or caught up; trying again.");
            }
            // Short waits on the (testable) clock: a long sleep would miss a clock change, and a failed call is retried soon.
            var wait = Current is null ? TimeSpan.FromMinutes(1)
                : TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks,
                    Math.Min(CheckEvery.Ticks, (Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes) - time.GetUtcNow()).Ticks)));
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait, time, wake.Token);
            await Task.WhenAny(delay, lifecycle.WaitAsync(wake.Token));
            await wake.CancelAsync();
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The stored subscription renewed when it still fits; otherwise a new one, and the stale one deleted.</summary>
    private async Task<SubscriptionState> ResumeOrCreateAsync(CancellationToken ct)
    {
        MailboxSubscription? stored;
        await using (var db = database.Open(options.TenantId))
        {
            var key = MailboxSubscription.KeyOf(options.Mailbox);
            stored = await db.MailboxSubscriptions.AsNoTracking().FirstOrDefaultAsync(m => m.Mailbox == key, ct);
        }
        var url = NotificationUrl();
        if (stored is not null && stored.Fits(options.ClientState, url, time.GetUtcNow()))
        {
            logger.LogInformation("Resuming subscription {SubscriptionId} on {Mailbox}'s inbox.", stored.SubscriptionId, options.Mailbox);
            // Renewing at once both extends it and proves Graph still has it (a 404 means subscribing again).
            return await RenewAsync(new SubscriptionState(stored.SubscriptionId, stored.ExpiresAt, url), ct);
        }
        return await CreateAsync(stored?.SubscriptionId, ct);
    }

    private async Task HandleAsync(LifecycleSignal signal, CancellationToken ct)
    {
        if (Current is null || signal.SubscriptionId != Current.Id)
        {
            logger.LogInformation("Ignored lifecycle event {Event} for subscription {SubscriptionId}: not the current one.", signal.Event, signal.SubscriptionId);
            return;
        }
        switch (signal.Event)
        {
            case "reauthorizationRequired":
                Current = await RenewAsync(Current, ct);
                break;
            case "subscriptionRemoved":
                logger.LogWarning("Graph removed subscription {SubscriptionId}; subscribing again.", Current.Id);
                Current = null;
                Current = await CreateAsync(null, ct);
                await CatchUpAsync(ct);
                break;
            case "missed":
                await CatchUpAsync(ct);
                break;
            default:
                logger.LogInformation("Ignored unknown lifecycle event {Event}.", signal.Event);
                break;
        }
    }

    /// <summary>Queues the inbox's recent messages again; capture is idempotent on the message id, so seen ones change nothing.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddMinutes(-options.CatchUpMinutes).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var page = await graph.Client.Users[options.Mailbox].MailFolders["inbox"].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"receivedDateTime ge {since}";
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 100;
            r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        }, ct);
        var queued = 0;
        for (var n = 0; page is not null && n < CatchUpPages; n++)
        {
            foreach (var message in page.Value ?? [])
            {
                if (!string.IsNullOrWhiteSpace(message.Id) && queue.TryEnqueue(message.Id)) queued++;
            }
            if (string.IsNullOrEmpty(page.OdataNextLink)) break;
            page = await graph.Client.Users[options.Mailbox].MailFolders["inbox"].Messages.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: ct);
        }
        logger.LogInformation("Caught up on {Mailbox}'s inbox since {Since}: {Count} message(s) queued.", options.Mailbox, since, queued);
    }

    private async Task<SubscriptionState> CreateAsync(string? replacing, CancellationToken ct)
    {
        var url = NotificationUrl();
        Subscription? created;
        using (validation.Open())
        {
            created = await graph.Client.Subscriptions.PostAsync(new Subscription
            {
                ChangeType = "created",
                NotificationUrl = url,
                LifecycleNotificationUrl = LifecycleUrl(url),
                Resource = $"users/{options.Mailbox}/mailFolders('inbox')/messages",
                ExpirationDateTime = Expiry(),
                ClientState = options.ClientState,
            }, cancellationToken: ct);
        }
        if (created is null) throw new InvalidOperationException("Graph returned no subscription.");
        logger.LogInformation("Subscribed to {Mailbox}'s inbox until {Expiry} ({SubscriptionId}).", options.Mailbox, created.ExpirationDateTime, created.Id);
        var state = new SubscriptionState(created.Id!, created.ExpirationDateTime ?? Expiry(), url);
        await SaveAsync(state, created: true, ct);
        if (replacing is not null && replacing != state.Id) await DeleteAsync(replacing, ct);
        return state;
    }

    private async Task<SubscriptionState> RenewAsync(SubscriptionState current, CancellationToken ct)
    {
        try
        {
            var renewed = await graph.Client.Subscriptions[current.Id].PatchAsync(new Subscription { ExpirationDateTime = Expiry() }, cancellationToken: ct);
            logger.LogInformation("Renewed subscription {SubscriptionId} until {Expiry}.", current.Id, renewed?.ExpirationDateTime);
            var state = current with { ExpiresAt = renewed?.ExpirationDateTime ?? Expiry() };
            await SaveAsync(state, created: false, ct);
            return state;
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            logger.LogWarning("Subscription {SubscriptionId} is gone; subscribing again.", current.Id);
            return await CreateAsync(null, ct);
        }
    }

    /// <summary>Deletes a subscription this server no longer uses, so Graph stops posting to it; one already gone is fine.</summary>
    private async Task DeleteAsync(string subscriptionId, CancellationToken ct)
    {
        try
        {
            await graph.Client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: ct);
            logger.LogInformation("Deleted the replaced subscription {SubscriptionId}.", subscriptionId);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            logger.LogInformation("The replaced subscription {SubscriptionId} was already gone.", subscriptionId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The replaced subscription {SubscriptionId} could not be deleted; it expires on its own.", subscriptionId);
        }
    }

    private async Task SaveAsync(SubscriptionState state, bool created, CancellationToken ct)
    {
        await using var db = database.Open(options.TenantId);
        var key = MailboxSubscription.KeyOf(options.Mailbox);
        var now = time.GetUtcNow();
        var stored = await db.MailboxSubscriptions.FirstOrDefaultAsync(m => m.Mailbox == key, ct);
        if (stored is null) db.MailboxSubscriptions.Add(new MailboxSubscription(options.TenantId, options.Mailbox, state.Id, state.ExpiresAt, options.ClientState, state.NotificationUrl, now));
        else if (created || stored.SubscriptionId != state.Id) stored.Replace(state.Id, state.ExpiresAt, options.ClientState, state.NotificationUrl, now);
        else stored.Renewed(state.ExpiresAt, now);
        await db.SaveChangesAsync(ct);
    }

    private DateTimeOffset Expiry() => time.GetUtcNow().AddMinutes(options.SubscriptionMinutes);

    private string NotificationUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.NotificationUrl)) return options.NotificationUrl;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Set SalesMailbox:NotificationUrl: the server has no address to give Graph.");
        address = address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        return $"{address.TrimEnd('/')}{SalesMailboxEndpoints.NotificationPath}";
    }

    private string? LifecycleUrl(string notificationUrl)
    {
        if (!string.IsNullOrWhiteSpace(options.LifecycleNotificationUrl)) return options.LifecycleNotificationUrl;
        var path = new Uri(notificationUrl).AbsolutePath;
        return path.EndsWith(SalesMailboxEndpoints.NotificationPath, StringComparison.Ordinal)
            ? notificationUrl[..notificationUrl.LastIndexOf(SalesMailboxEndpoints.NotificationPath, StringComparison.Ordinal)] + SalesMailboxEndpoints.LifecyclePath
            : null;
    }

    private Task WhenStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}

/// <summary>The app-only Graph client for the shared mailbox.</summary>
public sealed class SalesMailboxGraph(IHttpClientFactory http, IAppTokenProvider tokens, GraphOptions graph)
{
    public GraphServiceClient Client { get; } = new(http.CreateClient(SalesMailboxEndpoints.HttpClientName),
        new BaseBearerTokenAuthenticationProvider(new AppAccessTokenProvider(tokens, graph.BaseUrl)), graph.BaseUrl);
}

/// <summary>Fetches each notified message through Graph and hands it to the capture rules, one at a time.</summary>
public sealed class SalesMailboxProcessor(
    SalesMailboxQueue queue, SalesMailboxGraph graph, SalesMailboxOptions options, SalesMailboxCapture capture, TimeProvider time,
    ILogger<SalesMailboxProcessor> logger, ILogger<IncomingEmails> emailLogger) : BackgroundService
{
    private static readonly string[] Fields =
        ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "receivedDateTime", "subject", "body", "uniqueBody", "internetMessageHeaders"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var incoming = new IncomingEmails(new NoMailbox(), time, emailLogger);
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                var message = await graph.Client.Users[options.Mailbox].Messages[id].GetAsync(r =>
                {
                    r.QueryParameters.Select = Fields;
                    r.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
                }, stoppingToken);
                if (message?.From?.EmailAddress?.Address is null) continue;
                var body = message.UniqueBody is { Content.Length: > 0 } unique ? unique : message.Body;
                var html = body?.ContentType == BodyType.Html;
                var email = await incoming.ReadAsync(new EmailFields
                {
                    From = new EmailPartyFields(message.From.EmailAddress.Name, message.From.EmailAddress.Address),
                    To = message.ToRecipients?.Select(r => new EmailPartyFields(r.EmailAddress?.Name, r.EmailAddress?.Address)).ToList(),
                    Cc = message.CcRecipients?.Select(r => new EmailPartyFields(r.EmailAddress?.Name, r.EmailAddress?.Address)).ToList(),
                    Subject = message.Subject,
                    BodyHtml = html ? body?.Content : null,
                    BodyText = html ? null : body?.Content,
                    InternetMessageId = message.InternetMessageId,
                    ConversationId = message.ConversationId,
                    ReceivedAt = message.ReceivedDateTime,
                }, stoppingToken);
                var authenticationResults = (message.InternetMessageHeaders ?? [])
                    .Where(h => string.Equals(h.Name, SenderAuthentication.HeaderName, StringComparison.OrdinalIgnoreCase) && h.Value is not null)
                    .Select(h => h.Value!)
                    .ToList();
                var result = await capture.ProcessAsync(options.TenantId, options.Mailbox, options.OwnerObjectId, email, authenticationResults, stoppingToken);
                logger.LogInformation("Sales mailbox message {MessageId}: {Outcome} (deal {DealId}).", id, result.Outcome, result.DealId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sales mailbox message {MessageId} could not be processed.", id);
            }
        }
    }
}

public static class SalesMailboxEndpoints
{
    public const string NotificationPath = "/api/graph/notifications";
    public const string LifecyclePath = "/api/graph/lifecycle";
    public const string HttpClientName = "graph-app";
    private const int MaxValidationTokenLength = 1024;

    public static WebApplicationBuilder AddSalesMailbox(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("SalesMailbox").Get<SalesMailboxOptions>() ?? new SalesMailboxOptions();
        var graph = builder.Configuration.GetSection("Graph").Get<GraphOptions>() ?? new GraphOptions();
        if (string.IsNullOrWhiteSpace(options.ClientState))
        {
            options.ClientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<SalesMailboxQueue>();
        services.AddSingleton<SalesMailboxLifecycle>();
        services.AddSingleton<SubscriptionValidationWindow>();
        if (!options.Enabled || !graph.Enabled) return builder;
        if (string.IsNullOrWhiteSpace(options.Mailbox) || string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.OwnerObjectId))
        {
            throw new InvalidOperationException("SalesMailbox:Enabled needs SalesMailbox:Mailbox, SalesMailbox:TenantId and SalesMailbox:OwnerObjectId.");
        }
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<IAppTokenProvider, EntraAppTokenProvider>();
        services.AddSingleton<SalesMailboxGraph>();
        services.AddSingleton<SalesMailboxSubscriber>();
        services.AddHostedService(sp => sp.GetRequiredService<SalesMailboxSubscriber>());
        services.AddHostedService<SalesMailboxProcessor>();
        return builder;
    }

    /// <summary>
    /// Graph's change notifications: the validation handshake answered at once (only while a subscription is being
    /// created), notifications acknowledged with 202 after only queueing their message ids; a wrong clientState is ignored and logged.
    /// </summary>
    public static IEndpointRouteBuilder MapSalesMailbox(this IEndpointRouteBuilder app)
    {
        app.MapPost(NotificationPath, async (HttpContext context, SalesMailboxOptions options, SalesMailboxQueue queue, SubscriptionValidationWindow validation, ILoggerFactory logs) =>
        {
            if (context.Request.Query.TryGetValue("validationToken", out var token)) return Handshake(token.ToString(), validation);
            var logger = logs.CreateLogger("SalesMailbox");
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var items)
                    || items.ValueKind != JsonValueKind.Array) return Results.BadRequest();
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    if (!ClientStateMatches(item, options))
                    {
                        logger.LogWarning("Ignored a Graph notification with a wrong clientState (subscription {SubscriptionId}).",
                            item.TryGetProperty("subscriptionId", out var sid) ? sid.ToString() : "?");
                        continue;
                    }
                    var id = item.TryGetProperty("resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null;
                    if (!string.IsNullOrWhiteSpace(id)) queue.TryEnqueue(id);
                }
            }
            return Results.Accepted();
        }).AllowAnonymous().WithTags("Graph").WithName("GraphNotifications").DisableAntiforgery();

        app.MapPost(LifecyclePath, async (HttpContext context, SalesMailboxOptions options, SalesMailboxLifecycle lifecycle, SubscriptionValidationWindow validation, ILoggerFactory logs) =>
        {
            if (context.Request.Query.TryGetValue("validationToken", out var token)) return Handshake(token.ToString(), validation);
            var logger = logs.CreateLogger("SalesMailbox");
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var items)
                    || items.ValueKind != JsonValueKind.Array) return Results.BadRequest();
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    var subscriptionId = Text(item, "subscriptionId");
                    if (!ClientStateMatches(item, options))
                    {
                        logger.LogWarning("Ignored a Graph lifecycle notification with a wrong clientState (subscription {SubscriptionId}).", subscriptionId ?? "?");
                        continue;
                    }
                    if (Text(item, "lifecycleEvent") is { } lifecycleEvent && subscriptionId is not null)
                    {
                        logger.LogInformation("Graph lifecycle event {Event} for subscription {SubscriptionId}.", lifecycleEvent, subscriptionId);
                        lifecycle.TryEnqueue(new LifecycleSignal(lifecycleEvent, subscriptionId));
                    }
                }
            }
            return Results.Accepted();
        }).AllowAnonymous().WithTags("Graph").WithName("GraphLifecycleNotifications").DisableAntiforgery();
        return app;
    }

    /// <summary>Graph's URL check: its token echoed as plain text while we are creating a subscription, else 400 and nothing echoed.</summary>
    private static IResult Handshake(string token, SubscriptionValidationWindow validation) =>
        validation.IsOpen && token.Length is > 0 and <= MaxValidationTokenLength
            ? Results.Text(token, "text/plain", Encoding.UTF8, StatusCodes.Status200OK)
            : Results.BadRequest();

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool ClientStateMatches(JsonElement item, SalesMailboxOptions options) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Text(item, "clientState") ?? ""), Encoding.UTF8.GetBytes(options.ClientState));
}

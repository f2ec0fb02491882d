using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

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
/// Keeps one Graph subscription on the mailbox's inbox alive: created once the server listens (Graph validates the
/// notification URL on creation), renewed <see cref="SalesMailboxOptions.RenewBeforeMinutes"/> before it expires,
/// recreated when a renewal is refused.
/// </summary>
public sealed class SalesMailboxSubscriber(
    SalesMailboxGraph graph, SalesMailboxOptions options, TimeProvider time, IHostApplicationLifetime lifetime, IServer server,
    ILogger<SalesMailboxSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(5);

    public SubscriptionState? Current { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (Current is null) Current = await CreateAsync(stoppingToken);
                else if (time.GetUtcNow() >= Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes)) Current = await RenewAsync(Current, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The sales mailbox subscription could not be created or renewed; trying again.");
            }
            // Short waits on the (testable) clock: a long sleep would miss a clock change, and a failed call is retried soon.
            var wait = Current is null ? TimeSpan.FromMinutes(1)
                : TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks,
                    Math.Min(CheckEvery.Ticks, (Current.ExpiresAt - TimeSpan.FromMinutes(options.RenewBeforeMinutes) - time.GetUtcNow()).Ticks)));
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    private async Task<SubscriptionState> CreateAsync(CancellationToken ct)
    {
        var url = NotificationUrl();
        var created = await graph.Client.Subscriptions.PostAsync(new Subscription
        {
            ChangeType = "created",
            NotificationUrl = url,
            Resource = $"users/{options.Mailbox}/mailFolders('inbox')/messages",
            ExpirationDateTime = Expiry(),
            ClientState = options.ClientState,
        }, cancellationToken: ct) ?? throw new InvalidOperationException("Graph returned no subscription.");
        logger.LogInformation("Subscribed to {Mailbox}'s inbox until {Expiry} ({SubscriptionId}).", options.Mailbox, created.ExpirationDateTime, created.Id);
        return new SubscriptionState(created.Id!, created.ExpirationDateTime ?? Expiry(), url);
    }

    private async Task<SubscriptionState> RenewAsync(SubscriptionState current, CancellationToken ct)
    {
        try
        {
            var renewed = await graph.Client.Subscriptions[current.Id].PatchAsync(new Subscription { ExpirationDateTime = Expiry() }, cancellationToken: ct);
            logger.LogInformation("Renewed subscription {SubscriptionId} until {Expiry}.", current.Id, renewed?.ExpirationDateTime);
            return current with { ExpiresAt = renewed?.ExpirationDateTime ?? Expiry() };
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == StatusCodes.Status404NotFound)
        {
            logger.LogWarning("Subscription {SubscriptionId} is gone; subscribing again.", current.Id);
            return await CreateAsync(ct);
        }
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
    private static readonly string[] Fields = ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "receivedDateTime", "subject", "body", "uniqueBody"];

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
                var result = await capture.ProcessAsync(options.TenantId, options.Mailbox, options.OwnerObjectId, email, stoppingToken);
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
    public const string HttpClientName = "graph-app";

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
    /// Graph's change notifications: the validation handshake answered at once, notifications acknowledged with 202
    /// after only queueing their message ids; a wrong clientState is ignored and logged.
    /// </summary>
    public static IEndpointRouteBuilder MapSalesMailbox(this IEndpointRouteBuilder app)
    {
        app.MapPost(NotificationPath, async (HttpContext context, SalesMailboxOptions options, SalesMailboxQueue queue, ILoggerFactory logs) =>
        {
            if (context.Request.Query.TryGetValue("validationToken", out var token))
            {
                return Results.Text(token.ToString(), "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
            }
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
                if (!document.RootElement.TryGetProperty("value", out var items) || items.ValueKind != JsonValueKind.Array) return Results.BadRequest();
                var expected = Encoding.UTF8.GetBytes(options.ClientState);
                foreach (var item in items.EnumerateArray())
                {
                    var clientState = item.TryGetProperty("clientState", out var cs) && cs.ValueKind == JsonValueKind.String ? cs.GetString() ?? "" : "";
                    if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(clientState), expected))
                    {
                        logger.LogWarning("Ignored a Graph notification with a wrong clientState (subscription {SubscriptionId}).",
                            item.TryGetProperty("subscriptionId", out var sid) ? sid.ToString() : "?");
                        continue;
                    }
                    var id = item.TryGetProperty("resourceData", out var data) && data.TryGetProperty("id", out var rid) ? rid.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(id)) queue.TryEnqueue(id);
                }
            }
            return Results.Accepted();
        }).AllowAnonymous().WithTags("Graph").WithName("GraphNotifications").DisableAntiforgery();
        return app;
    }
}

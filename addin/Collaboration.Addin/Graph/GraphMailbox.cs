using Collaboration.Addin.Emails;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>Settings under <c>Graph</c>. Off unless <c>Graph:Enabled</c> is true and an Entra app is configured.</summary>
public sealed class GraphOptions
{
    public bool Enabled { get; set; }
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
    public string[] Scopes { get; set; } = ["https://graph.microsoft.com/Mail.ReadWrite"];
    public string LoggedCategory { get; set; } = "Logged to Collaboration";
}

/// <summary>The rep's own mailbox, read as the rep through an on-behalf-of token: trusted content instead of what the pane sent.</summary>
public interface IMailbox
{
    bool IsAvailable { get; }
    Task<EmailFields?> ReadAsync(string itemId, CancellationToken ct);
    Task MarkLoggedAsync(string itemId, CancellationToken ct);
}

internal sealed class NoMailbox : IMailbox
{
    public bool IsAvailable => false;
    public Task<EmailFields?> ReadAsync(string itemId, CancellationToken ct) => Task.FromResult<EmailFields?>(null);
    public Task MarkLoggedAsync(string itemId, CancellationToken ct) => Task.CompletedTask;
}

internal sealed class GraphMailbox(GraphServiceClient graph, GraphOptions options) : IMailbox
{
    private static readonly string[] Fields =
        ["id", "internetMessageId", "conversationId", "from", "toRecipients", "ccRecipients", "receivedDateTime", "subject", "body", "uniqueBody", "categories"];

    public bool IsAvailable => true;

    public async Task<EmailFields?> ReadAsync(string itemId, CancellationToken ct)
    {
        var message = await graph.Me.Messages[itemId].GetAsync(request =>
        {
            request.QueryParameters.Select = Fields;
            request.Headers.Add("Prefer", "IdType=\"ImmutableId\"");
        }, ct);
        if (message is null) return null;
        var body = message.UniqueBody is { Content.Length: > 0 } unique ? unique : message.Body;
        var isHtml = body?.ContentType == BodyType.Html;
        return new EmailFields
        {
            From = Party(message.From),
            To = message.ToRecipients?.Select(Party).OfType<EmailPartyFields>().ToList(),
            Cc = message.CcRecipients?.Select(Party).OfType<EmailPartyFields>().ToList(),
            Subject = message.Subject,
            BodyHtml = isHtml ? body?.Content : null,
            BodyText = isHtml ? null : body?.Content,
            InternetMessageId = message.InternetMessageId,
            ConversationId = message.ConversationId,
            ReceivedAt = message.ReceivedDateTime,
            ItemId = message.Id ?? itemId,
        };
    }

    public async Task MarkLoggedAsync(string itemId, CancellationToken ct)
    {
        var current = await graph.Me.Messages[itemId].GetAsync(request => request.QueryParameters.Select = ["categories"], ct);
        var categories = current?.Categories ?? [];
        if (categories.Contains(options.LoggedCategory, StringComparer.OrdinalIgnoreCase)) return;
        await graph.Me.Messages[itemId].PatchAsync(new Message { Categories = [.. categories, options.LoggedCategory] }, cancellationToken: ct);
    }

    private static EmailPartyFields? Party(Recipient? recipient) =>
        recipient?.EmailAddress is { Address: { } address } email ? new EmailPartyFields(email.Name, address) : null;
}

/// <summary>Graph tokens for the signed-in rep, exchanged on their behalf from the add-in's own token.</summary>
internal sealed class OnBehalfOfTokenProvider(ITokenAcquisition tokens, IHttpContextAccessor http, GraphOptions options) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([new Uri(options.BaseUrl).Host]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        tokens.GetAccessTokenForUserAsync(options.Scopes, user: http.HttpContext?.User);
}

public static class GraphServiceCollectionExtensions
{
    public const string HttpClientName = "graph";

    /// <summary>Registers the mailbox: Graph when enabled and an Entra app is configured, otherwise none.</summary>
    public static WebApplicationBuilder AddMailbox(this WebApplicationBuilder builder, bool entraConfigured)
    {
        var options = builder.Configuration.GetSection("Graph").Get<GraphOptions>() ?? new GraphOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        if (!options.Enabled || !entraConfigured)
        {
            services.AddSingleton<IMailbox, NoMailbox>();
            return builder;
        }
        services.AddHttpContextAccessor();
        services.AddHttpClient(HttpClientName);
        services.AddScoped<IAccessTokenProvider, OnBehalfOfTokenProvider>();
        services.AddScoped(sp => new GraphServiceClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            new BaseBearerTokenAuthenticationProvider(sp.GetRequiredService<IAccessTokenProvider>()),
            options.BaseUrl));
        services.AddScoped<IMailbox, GraphMailbox>();
        return builder;
    }
}

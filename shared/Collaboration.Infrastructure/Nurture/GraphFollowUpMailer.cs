using Collaboration.Application.Nurture;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Infrastructure.Nurture;

/// <summary>Client credentials (the app's secret) through MSAL, which caches the token until shortly before it expires.</summary>
internal sealed class ClientCredentialsToken : IFollowUpMailToken
{
    private readonly IConfidentialClientApplication _app;
    private readonly string[] _scopes;

    public ClientCredentialsToken(FollowUpMailOptions options)
    {
        if (string.IsNullOrEmpty(options.TenantId) || string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new InvalidOperationException("FollowUpMail:Enabled needs FollowUpMail:TenantId, FollowUpMail:ClientId and FollowUpMail:ClientSecret.");
        }
        _app = ConfidentialClientApplicationBuilder.Create(options.ClientId).WithClientSecret(options.ClientSecret)
            .WithAuthority(new Uri(new Uri(options.Authority), options.TenantId).ToString()).Build();
        _scopes = [options.Scope];
    }

    public async Task<string> GetTokenAsync(CancellationToken ct) =>
        (await _app.AcquireTokenForClient(_scopes).ExecuteAsync(ct)).AccessToken;
}

/// <summary>Sends as the rep: <c>POST /users/{rep}/sendMail</c> with an app-only token, kept in their Sent Items.</summary>
public sealed class GraphFollowUpMailer : IFollowUpMailer, IDisposable
{
    public const string HttpClientName = "FollowUpMail";

    private readonly GraphServiceClient _client;

    public void Dispose() => _client.Dispose();
    private readonly string _tenantId;

    public GraphFollowUpMailer(IHttpClientFactory http, IFollowUpMailToken tokens, FollowUpMailOptions options)
    {
        _tenantId = options.TenantId;
        _client = new GraphServiceClient(http.CreateClient(HttpClientName),
            new BaseBearerTokenAuthenticationProvider(new TokenProvider(tokens, options.GraphBaseUrl)), options.GraphBaseUrl);
    }

    public bool IsEnabled => true;

    public Task SendAsync(FollowUpEmail email, CancellationToken ct)
    {
        if (!string.Equals(email.TenantId, _tenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Follow-up mail is sent only for deals of tenant {_tenantId} (FollowUpMail:TenantId); this deal is in another tenant.");
        }
        return _client.Users[email.RepObjectId].SendMail.PostAsync(new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = email.Subject,
                Body = new ItemBody { ContentType = BodyType.Text, Content = email.Body },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = email.To } }],
            },
            SaveToSentItems = true,
        }, cancellationToken: ct);
    }

    private sealed class TokenProvider(IFollowUpMailToken tokens, string baseUrl) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([new Uri(baseUrl).Host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default) => tokens.GetTokenAsync(cancellationToken);
    }
}

public static class FollowUpMailServiceCollectionExtensions
{
    /// <summary>
    /// Email steps of follow-up plans sent from the rep's mailbox when <c>FollowUpMail:Enabled</c>; otherwise (and by
    /// default) they stay reminders. Register after <c>AddNotifications</c> (the host where the nurture runner runs).
    /// </summary>
    public static IServiceCollection AddFollowUpMail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(FollowUpMailOptions.Section).Get<FollowUpMailOptions>() ?? new FollowUpMailOptions();
        if (configuration["Graph:BaseUrl"] is { Length: > 0 } baseUrl) options.GraphBaseUrl = baseUrl;
        if (!options.Enabled)
        {
            services.TryAddSingleton<IFollowUpMailer, NoFollowUpMailer>();
            return services;
        }
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            throw new InvalidOperationException("FollowUpMail:Enabled needs FollowUpMail:TenantId: the one tenant whose deals get follow-up mail.");
        }
        services.AddHttpClient(GraphFollowUpMailer.HttpClientName);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IFollowUpMailToken, ClientCredentialsToken>();
        services.Replace(ServiceDescriptor.Singleton<IFollowUpMailer, GraphFollowUpMailer>());
        return services;
    }
}

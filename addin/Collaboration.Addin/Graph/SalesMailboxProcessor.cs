using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Collaboration.Addin.Emails;
using Collaboration.Application.Capture;
using Collaboration.Application.Persistence;
using Collaboration.Domain.Capture;
using Collaboration.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Collaboration.Addin.Graph;

/// <summary>The app-only Graph client for the shared mailbox.</summary>
public sealed class SalesMailboxGraph(IHttpClientFactory http, IAppTokenProvider tokens, GraphOptions graph)
{
    public GraphServiceClient Client { get; } = new(http.CreateClient(SalesMailboxEndpoints.HttpClientName),
        new BaseBearerTokenAuthenticationProvider(new AppAccessTokenProvider(tokens, graph.BaseUrl)), graph.BaseUrl);

    /// <summary>Deletes a subscription this server no longer uses, so Graph stops posting to it; one already gone is fine.</summary>
    public async Task DeleteSubscriptionAsync(string subscriptionId, ILogger logger, CancellationToken ct)
    {
        try
        {
            await Client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: ct);
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

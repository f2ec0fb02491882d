using System.Net;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Domain.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Notifications;

/// <summary>
/// Delivers notifications in Teams: finds the stored conversation (or starts a 1:1 one), has the renderer build the
/// activity and posts it through the Connector. Failures become <see cref="NotificationChannelException"/>s the
/// sender understands: blocked conversations are deactivated and permanent, throttling carries its Retry-After, and a
/// stored serviceUrl outside the bot's allow-list parks the delivery without anything being sent.
/// </summary>
public sealed class TeamsNotificationChannel(
    IConnectorClient connector, IConversationDirectory directory, INotificationRenderer renderer,
    IOptions<TeamsNotificationOptions> options, ILogger<TeamsNotificationChannel> logger,
    IEnumerable<INotificationMessageLocator>? locators = null) : INotificationChannel
{
    private readonly INotificationMessageLocator[] _locators = locators?.ToArray() ?? [];

    public async Task<NotificationReceipt> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        if (await UpdateInPlaceAsync(notification, cancellationToken) is { } updated) return updated;
        var reference = await ConversationAsync(notification, cancellationToken);
        var activity = await renderer.RenderAsync(notification.Message, reference, cancellationToken);
        try
        {
            var response = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
            return new NotificationReceipt(response.Id);
        }
        catch (ConversationBlockedException ex)
        {
            await directory.DeactivateAsync(notification.TenantId, reference.ConversationId, ex.Reason, cancellationToken);
            throw new NotificationChannelException($"Teams blocks conversation {reference.ConversationId}: {ex.Reason}", permanent: true, innerException: ex);
        }
        catch (ServiceUrlNotAllowedException ex)
        {
            throw NotAllowed(ex);
        }
        catch (ConnectorException ex)
        {
            throw Classify(ex);
        }
        catch (HttpRequestException ex)
        {
            throw new NotificationChannelException("The Bot Connector could not be reached: " + ex.Message, innerException: ex);
        }
    }

    /// <summary>
    /// Replaces the message a locator names; null when none does or Teams refuses the update (the message was deleted,
    /// the bot removed from that chat), and the notification is then posted as usual.
    /// </summary>
    private async Task<NotificationReceipt?> UpdateInPlaceAsync(OutgoingNotification notification, CancellationToken ct)
    {
        foreach (var locator in _locators)
        {
            if (await locator.FindAsync(notification.Message, ct) is not { } target) continue;
            var activity = await renderer.RenderAsync(notification.Message, target.Conversation, ct);
            activity.Id = target.ActivityId;
            try
            {
                await connector.UpdateActivityAsync(target.Conversation.ServiceUrl, target.Conversation.ConversationId, target.ActivityId, activity, ct);
                return new NotificationReceipt(target.ActivityId);
            }
            catch (Exception ex) when (ex is ConnectorException or ServiceUrlNotAllowedException or HttpRequestException)
            {
                logger.LogInformation(ex, "Could not update message {ActivityId}; the notification is posted instead", target.ActivityId);
            }
        }
        return null;
    }

    private async Task<ConversationReference> ConversationAsync(OutgoingNotification notification, CancellationToken ct)
    {
        var stored = notification.RecipientKind == RecipientKind.User
            ? await directory.FindPersonalAsync(notification.TenantId, notification.Recipient, ct)
            : await directory.FindAsync(notification.TenantId, notification.Recipient, ct);
        if (stored is { Active: false })
        {
            throw new NotificationChannelException($"The conversation of {notification.Recipient} is deactivated (Teams blocked the bot there).", permanent: true);
        }
        if (stored is not null) return stored.Reference;
        if (notification.RecipientKind == RecipientKind.Conversation)
        {
            throw new NotificationChannelException($"No stored conversation for '{notification.Recipient}'.", permanent: true);
        }
        return await StartPersonalAsync(notification.TenantId, notification.Recipient, ct);
    }

    private async Task<ConversationReference> StartPersonalAsync(string tenantId, string userObjectId, CancellationToken ct)
    {
        var endpoint = await directory.EndpointForTenantAsync(tenantId, ct);
        var serviceUrl = endpoint?.ServiceUrl ?? options.Value.ServiceUrl;
        var botId = endpoint?.BotId ?? options.Value.BotId;
        if (string.IsNullOrEmpty(serviceUrl) || string.IsNullOrEmpty(botId))
        {
            throw new NotificationChannelException($"Cannot start a conversation with {userObjectId}: no service URL or bot id for tenant {tenantId}.", permanent: true);
        }
        ConversationResourceResponse created;
        try
        {
            created = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.Personal(botId, userObjectId, tenantId), ct);
        }
        catch (ConversationBlockedException ex)
        {
            throw new NotificationChannelException($"Teams refuses a conversation with {userObjectId}: {ex.Reason}", permanent: true, innerException: ex);
        }
        catch (ServiceUrlNotAllowedException ex)
        {
            throw NotAllowed(ex);
        }
        catch (ConnectorException ex)
        {
            throw Classify(ex);
        }
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new NotificationChannelException("Teams created a conversation without an id.");
        }
        var reference = new ConversationReference
        {
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            ChannelId = "msteams",
            ConversationId = created.Id,
            ConversationType = "personal",
            TenantId = tenantId,
            BotId = botId,
            UserAadObjectId = userObjectId,
        };
        await directory.SavePersonalAsync(tenantId, userObjectId, reference, ct);
        logger.LogInformation("Started a 1:1 conversation with {User} in tenant {Tenant}", userObjectId, tenantId);
        return reference;
    }

    private static NotificationChannelException NotAllowed(ServiceUrlNotAllowedException ex) =>
        new($"Service URL not allowed: {ex.Message}", permanent: true, innerException: ex);

    private static NotificationChannelException Classify(ConnectorException ex)
    {
        var permanent = ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed;
        return new NotificationChannelException(ex.Message, permanent, ex.RetryAfter, ex);
    }
}

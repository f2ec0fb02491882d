using System.Text.Json;
using System.Text.Json.Serialization;
using Collaboration.Domain.Notifications;

namespace Collaboration.Application.Notifications;

/// <summary>Where deliveries go out (Teams, in the bot host). Throws <see cref="NotificationChannelException"/> on failure.</summary>
public interface INotificationChannel
{
    Task<NotificationReceipt> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);
}

public sealed record OutgoingNotification(long DeliveryId, string TenantId, RecipientKind RecipientKind, string Recipient, DeliveryMessage Message, int Attempt);

/// <summary>What the channel reports back; <see cref="MessageId"/> lets the bot update the message later.</summary>
public sealed record NotificationReceipt(string? MessageId);

/// <summary>
/// A send that failed. <see cref="Permanent"/>: retrying cannot help (the conversation is blocked, the request is
/// malformed), so the delivery is parked at once; otherwise it is retried after <see cref="RetryAfter"/> if the
/// channel was told one, else after an exponential backoff with jitter.
/// </summary>
public sealed class NotificationChannelException(string message, bool permanent = false, TimeSpan? retryAfter = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The JSON a delivery's payload is stored in; the bot reads it with the same options.</summary>
public static class DeliveryPayload
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(DeliveryMessage message) => JsonSerializer.Serialize(message, Options);

    public static DeliveryMessage Deserialize(string payload) =>
        JsonSerializer.Deserialize<DeliveryMessage>(payload, Options) ?? throw new JsonException("Empty delivery payload.");
}

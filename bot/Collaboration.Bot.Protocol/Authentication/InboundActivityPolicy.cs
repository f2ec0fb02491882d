using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Protocol.Authentication;

/// <summary>
/// What an authenticated activity must also satisfy before any handler sees it: an allowed channel, a serviceUrl the
/// bot may send to (so only such URLs are ever stored for proactive messages), and, for a single-tenant bot, its own
/// tenant.
/// </summary>
public sealed class InboundActivityPolicy(IOptions<BotAuthenticationOptions> options, ServiceUrlAllowList serviceUrls)
{
    private readonly BotAuthenticationOptions _options = options.Value;

    /// <summary>Why the activity is refused, or null when it may be handled.</summary>
    public string? Refusal(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId)
            || !_options.EffectiveAllowedChannels.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return $"Channel '{activity.ChannelId}' is not in AllowedChannels.";
        }

        if (serviceUrls.Refusal(activity.ServiceUrl) is { } serviceUrlRefusal)
        {
            return serviceUrlRefusal;
        }

        if (_options.IsSingleTenant && !_options.IsDevelopmentMode && !IsOwnTenant(activity))
        {
            return "A single-tenant bot accepts activities of its own tenant only.";
        }

        return null;
    }

    // Both places Teams names the tenant must name the bot's own (a forged activity could set only one of them).
    private bool IsOwnTenant(Activity activity)
    {
        var own = _options.MicrosoftAppTenantId?.Trim();
        var fromConversation = activity.Conversation?.TenantId;
        var fromChannelData = activity.ChannelData?.Tenant?.Id;
        if (string.IsNullOrEmpty(own) || (string.IsNullOrEmpty(fromConversation) && string.IsNullOrEmpty(fromChannelData)))
        {
            return false;
        }

        return (string.IsNullOrEmpty(fromConversation) || string.Equals(fromConversation, own, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(fromChannelData) || string.Equals(fromChannelData, own, StringComparison.OrdinalIgnoreCase));
    }
}

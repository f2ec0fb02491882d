using Collaboration.Application.Notifications;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Bot.Notifications;

public static class TeamsNotificationServiceCollectionExtensions
{
    /// <summary>
    /// Sends notifications through Teams. Needs <c>AddBotProtocol</c> (the Connector client), <c>AddNotifications</c>,
    /// and the bot host's <see cref="IConversationDirectory"/> and <see cref="INotificationRenderer"/>.
    /// </summary>
    public static IServiceCollection AddTeamsNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsNotificationOptions>().Configure(o =>
        {
            configuration.GetSection(TeamsNotificationOptions.Section).Bind(o);
            o.BotId ??= configuration["MicrosoftAppId"];
        });
        // The sender is a singleton; the typed Connector client is transient so its HttpClient handlers rotate.
        services.AddSingleton<INotificationChannel>(sp =>
            ActivatorUtilities.CreateInstance<TeamsNotificationChannel>(sp, new PerCallConnectorClient(sp)));
        return services;
    }

    private sealed class PerCallConnectorClient(IServiceProvider services) : IConnectorClient
    {
        private IConnectorClient Client => services.GetRequiredService<IConnectorClient>();

        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
            Client.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
            Client.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
            Client.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
            Client.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);

        public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
            Client.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

        public Task<ChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default) =>
            Client.GetConversationMemberAsync(serviceUrl, conversationId, memberId, cancellationToken);
    }
}

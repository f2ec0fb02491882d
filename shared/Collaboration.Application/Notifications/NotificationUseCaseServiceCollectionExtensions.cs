using Collaboration.Application.Nurture;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Application.Notifications;

public static class NotificationUseCaseServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher, the weekly digest scheduler, the delivery sender and the nurture runner, with settings from
    /// <c>Notifications:*</c>; Collaboration.Infrastructure's <c>AddNotifications</c> adds their hosted services.
    /// </summary>
    public static IServiceCollection AddNotificationUseCases(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, OwnerHearsOfStageChanges>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, NewOwnerHearsOfAssignment>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, SubscribedChannelsHear>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, OwnerIsAskedForReview>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, QuoteApprovalIsAskedAndAnswered>());
        services.TryAddSingleton<NotificationRateLimiter>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<DeliverySender>();
        services.TryAddSingleton<NotificationAdmin>();
        services.TryAddSingleton<NotificationPreferences>();
        services.TryAddSingleton<IFollowUpMailer, NoFollowUpMailer>();
        services.TryAddSingleton<NurtureRunner>();
        services.TryAddSingleton<NurtureService>();
        services.TryAddSingleton<WeeklyDigestScheduler>();
        return services;
    }
}

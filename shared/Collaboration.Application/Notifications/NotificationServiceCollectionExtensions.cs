using Collaboration.Application.Nurture;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collaboration.Application.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher, the weekly digest scheduler, the delivery sender, the nurture runner and their hosted services, with settings from
    /// <c>Notifications:*</c>. Needs <c>AddCrm</c> and an <see cref="INotificationChannel"/> (the bot host registers
    /// the Teams one). Add rules with <c>services.AddSingleton&lt;INotificationRule, MyRule&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, OwnerHearsOfStageChanges>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, NewOwnerHearsOfAssignment>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, SubscribedChannelsHear>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationRule, OwnerIsAskedForReview>());
        services.TryAddSingleton<NotificationRateLimiter>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<DeliverySender>();
        services.TryAddSingleton<NotificationAdmin>();
        services.TryAddSingleton<NotificationPreferences>();
        services.TryAddSingleton<IFollowUpMailer, NoFollowUpMailer>();
        services.TryAddSingleton<NurtureRunner>();
        services.TryAddSingleton<NurtureService>();
        services.TryAddSingleton<WeeklyDigestScheduler>();
        if (options.RunHostedServices)
        {
            services.AddHostedService<OutboxDispatcherService>();
            services.AddHostedService<DeliverySenderService>();
            services.AddHostedService<NurtureRunnerService>();
            services.AddHostedService<WeeklyDigestService>();
        }
        return services;
    }
}

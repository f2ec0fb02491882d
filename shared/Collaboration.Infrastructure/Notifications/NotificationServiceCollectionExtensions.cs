using Collaboration.Application.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher, the weekly digest scheduler, the delivery sender, the nurture runner and their hosted services, with settings from
    /// <c>Notifications:*</c>. Needs <c>AddCrm</c> and an <see cref="INotificationChannel"/> (the bot host registers
    /// the Teams one). Add rules with <c>services.AddSingleton&lt;INotificationRule, MyRule&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNotificationUseCases(configuration);
        var options = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
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

using Collaboration.Application;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Application.Organisation;
using Collaboration.Bot.Conversation;
using Collaboration.Bot.Deals;
using Collaboration.Bot.Membership;
using Collaboration.Bot.MessageExtensions;
using Collaboration.Bot.Notifications;
using Collaboration.Bot.Organisation;
using Collaboration.Bot.Preferences;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Quotes;
using Collaboration.Bot.Reminders;
using Collaboration.Bot.Reports;
using Collaboration.Infrastructure;
using Collaboration.Infrastructure.Notifications;
using Collaboration.Infrastructure.Nurture;
using Collaboration.Infrastructure.Persistence.KeyRing;

namespace Collaboration.Bot;

/// <summary>The Teams bot host: the CRM on the configured database, the Bot Framework endpoint and a health check.</summary>
public static class BotHost
{
    public const string MessagesPath = "/api/messages";

    /// <remarks>
    /// Notifications run here: the outbox dispatcher, the delivery sender, the nurture runner and the weekly digest
    /// scheduler are hosted services (<c>Notifications:*</c>). With a single SQLite database only one instance may run
    /// them: set <c>Notifications:RunHostedServices=false</c> on every other bot instance (and the add-in host does not
    /// register them at all). On PostgreSQL several senders may run; their leases keep them apart.
    /// </remarks>
    /// <param name="configure">Runs before services are registered: tests add settings and replace services here.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddCrm(builder.Configuration);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddFollowUpMail(builder.Configuration);
        builder.Services.AddSingleton<IConversationDirectory, StoredConversationDirectory>();
        builder.Services.AddSingleton<QuoteNotifications>();
        builder.Services.AddSingleton<INotificationMessageLocator>(sp => sp.GetRequiredService<QuoteNotifications>());
        builder.Services.AddSingleton<INotificationRenderer, CardNotificationRenderer>();
        builder.Services.AddTeamsNotifications(builder.Configuration);
        builder.Services.AddSingleton<MembershipHandler>();
        builder.Services.AddSingleton<DealViews>();
        builder.Services.AddSingleton<StaleCard>();
        builder.Services.AddSingleton<DealChanges>();
        builder.Services.AddSingleton<DealHandler>();
        builder.Services.AddSingleton<PreferencesHandler>();
        builder.Services.AddSingleton<ReminderHandler>();
        builder.Services.AddSingleton<Contracts.ContractHandler>();
        builder.Services.AddSingleton<ReportHandler>();
        builder.Services.AddSingleton(SettingsLinkOptions.From(builder.Configuration));
        builder.Services.AddCrmDataProtection(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<OrganisationHandler>();
        builder.Services.AddSingleton<ReplyDelivery>();
        builder.Services.AddSingleton<DealSearchExtension>();
        builder.Services.AddSingleton<LogToDealAction>();
        builder.Services.AddSingleton<MessageExtensionHandler>();
        builder.Services.AddSingleton<QuoteHandler>();
        builder.Services.AddSingleton<CrmBot>();

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapBotMessages<CrmBot>(MessagesPath);
        return app;
    }

    /// <summary>
    /// Applies the database migrations (when Database:MigrateOnStartup) before the host takes requests; the signing keys and
    /// the connector token are fetched beside them (<see cref="BotSignInWarmUp"/>), not waited for.
    /// </summary>
    public static Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        app.Services.GetRequiredService<BotSignInWarmUp>().Start();
        return app.Services.MigrateCrmDatabaseAsync(ct);
    }
}

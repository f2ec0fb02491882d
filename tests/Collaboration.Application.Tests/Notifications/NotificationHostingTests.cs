using Collaboration.Application.Capture;
using Collaboration.Application.Notifications;
using Collaboration.Application.Nurture;
using Collaboration.Application.Users;
using Collaboration.Domain.Common;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure;
using Collaboration.Infrastructure.Notifications;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Collaboration.Application.Tests.Notifications;

public class NotificationHostingTests
{
    [Fact]
    public void SettingsAreReadFromTheNotificationsSection()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = Configuration(new()
        {
            ["Notifications:PollInterval"] = "00:00:00.250",
            ["Notifications:MaxDeliveryAttempts"] = "3",
            ["Notifications:PerTenantPerSecond"] = "20",
        });
        services.AddCrm(configuration).AddNotifications(configuration).AddSingleton<INotificationChannel>(new RecordingChannel());

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<NotificationOptions>();
        Assert.Equal((TimeSpan.FromMilliseconds(250), 3, 20, 60), (options.PollInterval, options.MaxDeliveryAttempts, options.PerTenantPerSecond, options.PerConversationPer30Seconds));
        Assert.Equal(4, provider.GetServices<IHostedService>().Count());
        Assert.Equal(5, provider.GetServices<INotificationRule>().Count());
        Assert.NotNull(provider.GetRequiredService<DeliverySender>());
        Assert.NotNull(provider.GetRequiredService<NurtureService>());
    }

    [Fact]
    public async Task TheHostedServicesDeliverAStageChangeWithoutBeingAsked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var channel = new RecordingChannel();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
            ["Notifications:PollInterval"] = "00:00:00.050",
        });
        builder.Services.AddCrm(builder.Configuration).AddNotifications(builder.Configuration).AddSingleton<INotificationChannel>(channel);
        using var host = builder.Build();
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "boss", "Boss", null, "en-US", "UTC"));
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "alice", "Alice", null, "de-DE", "Europe/Berlin"));
        var boss = new Actor(CrmTestHost.TenantA, "boss", ChangeSurface.Outlook);
        var deals = host.Services.GetRequiredService<Opportunities.OpportunityService>();

        await host.StartAsync();
        var deal = await deals.CaptureAsync(boss, new CaptureRequest("Hosted") { OwnerObjectId = "boss" });
        await deals.AssignOwnerAsync(boss, deal.Id, null, "alice");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (channel.Sent.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(25);
        await host.StopAsync();

        var (notification, _) = Assert.Single(channel.Sent);
        Assert.Equal(("alice", "de-DE", "Europe/Berlin"), (notification.Recipient, notification.Message.Locale, notification.Message.TimeZone));
    }

    [Fact]
    public async Task AChangeWrittenInThisProcessWakesTheDispatcherAndTheSenderBeforeTheirNextPoll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var channel = new RecordingChannel();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
            ["Notifications:PollInterval"] = "01:00:00",
        });
        builder.Services.AddCrm(builder.Configuration).AddNotifications(builder.Configuration).AddSingleton<INotificationChannel>(channel);
        using var host = builder.Build();
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "boss", "Boss", null, "en-US", "UTC"));
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "alice", "Alice", null, "en-US", "UTC"));
        var boss = new Actor(CrmTestHost.TenantA, "boss", ChangeSurface.Outlook);
        var deals = host.Services.GetRequiredService<Opportunities.OpportunityService>();

        await host.StartAsync();
        // Both services have made their first pass and are idle for an hour unless woken.
        await Task.Delay(500);
        var deal = await deals.CaptureAsync(boss, new CaptureRequest("Woken") { OwnerObjectId = "boss" });
        await deals.AssignOwnerAsync(boss, deal.Id, null, "alice");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (channel.Sent.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(25);
        await host.StopAsync();

        Assert.Equal("alice", Assert.Single(channel.Sent).Notification.Recipient);
    }

    [Fact]
    public async Task ChangesWrittenRightAfterADispatchWaitTheBusyGapAndAreDispatchedInOnePass()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var channel = new RecordingChannel();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
            ["Notifications:PollInterval"] = "01:00:00",
            ["Notifications:BusyPassGap"] = "00:00:03",
        });
        builder.Services.AddCrm(builder.Configuration).AddNotifications(builder.Configuration).AddSingleton<INotificationChannel>(channel);
        using var host = builder.Build();
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "boss", "Boss", null, "en-US", "UTC"));
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "alice", "Alice", null, "en-US", "UTC"));
        var boss = new Actor(CrmTestHost.TenantA, "boss", ChangeSurface.Outlook);
        var deals = host.Services.GetRequiredService<Opportunities.OpportunityService>();

        await host.StartAsync();
        await Task.Delay(500);
        var first = await deals.CaptureAsync(boss, new CaptureRequest("First") { OwnerObjectId = "boss" });
        await deals.AssignOwnerAsync(boss, first.Id, null, "alice");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await PendingOutboxAsync(database) > 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(0, await PendingOutboxAsync(database));
        long dispatchedBefore;
        await using (var before = database.Database.Open(CrmTestHost.TenantA)) dispatchedBefore = await before.Outbox.MaxAsync(m => m.Id);

        // The dispatcher just found work: what comes now waits for the gap instead of a pass of its own each.
        var more = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var deal = await deals.CaptureAsync(boss, new CaptureRequest($"More {i}") { OwnerObjectId = "boss" });
            await deals.AssignOwnerAsync(boss, deal.Id, null, "alice");
            more.Add(deal.Id);
        }
        await Task.Delay(500);
        var waiting = await PendingOutboxAsync(database);
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (channel.Sent.Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(25);
        await host.StopAsync();

        Assert.True(waiting >= 3, $"{waiting} outbox rows were still waiting");
        Assert.Equal(["alice"], channel.Sent.Select(s => s.Notification.Recipient).Distinct());
        Assert.Equal(4, channel.Sent.Count);
        await using var db = database.Database.Open(CrmTestHost.TenantA);
        var passes = await db.Outbox.Where(m => m.Id > dispatchedBefore).Select(m => m.ProcessedAt).ToListAsync();
        Assert.Equal(6, passes.Count);
        Assert.DoesNotContain(null, passes);
        // The three later changes' rows in one pass (the first change's may have taken one or two, as they came).
        Assert.Single(passes.Distinct());
    }

    private static async Task<int> PendingOutboxAsync(TestDatabase database)
    {
        await using var db = database.Database.Open(CrmTestHost.TenantA);
        return await db.Outbox.CountAsync(m => m.ProcessedAt == null);
    }

    [Fact]
    public async Task AParkedDeliveryAnAdminRetriesGoesOutBeforeTheSendersNextPoll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var failing = true;
        var channel = new RecordingChannel
        {
            Behaviour = n => failing ? throw new NotificationChannelException("400 Bad Request", permanent: true) : new NotificationReceipt($"msg-{n.DeliveryId}"),
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = database.Database.ConnectionString,
            ["Notifications:PollInterval"] = "01:00:00",
        });
        builder.Services.AddCrm(builder.Configuration).AddNotifications(builder.Configuration).AddSingleton<INotificationChannel>(channel);
        using var host = builder.Build();
        var users = host.Services.GetRequiredService<UserDirectory>();
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "boss", "Boss", null, "en-US", "UTC"));
        await users.EnsureAsync(new UserProfile(CrmTestHost.TenantA, "alice", "Alice", null, "en-US", "UTC"));
        var boss = new Actor(CrmTestHost.TenantA, "boss", ChangeSurface.Outlook);
        var deals = host.Services.GetRequiredService<Opportunities.OpportunityService>();
        var admin = host.Services.GetRequiredService<NotificationAdmin>();

        await host.StartAsync();
        await Task.Delay(500);
        var deal = await deals.CaptureAsync(boss, new CaptureRequest("Parked") { OwnerObjectId = "boss" });
        await deals.AssignOwnerAsync(boss, deal.Id, null, "alice");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<ParkedDelivery> parked = [];
        while (parked.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            parked = await admin.ParkedAsync(CrmTestHost.TenantA);
        }
        failing = false;

        Assert.True(await admin.RetryAsync(CrmTestHost.TenantA, Assert.Single(parked).Id));
        while (channel.Sent.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(25);
        await host.StopAsync();

        Assert.Equal("alice", Assert.Single(channel.Sent).Notification.Recipient);
        Assert.Empty(await admin.ParkedAsync(CrmTestHost.TenantA));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

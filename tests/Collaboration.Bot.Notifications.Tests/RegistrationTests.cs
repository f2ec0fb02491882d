using Collaboration.Application;
using Collaboration.Application.Notifications;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Infrastructure;
using Collaboration.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Bot.Notifications.Tests;

public class RegistrationTests
{
    [Fact]
    public void TheBotHostGetsTheTeamsChannelWithTheBotIdFromItsAppId()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "secret",
            ["Notifications:Teams:ServiceUrl"] = "https://smba.example/teams/",
            ["Notifications:RunHostedServices"] = "false",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCrm(configuration).AddBotProtocol(configuration).AddNotifications(configuration).AddTeamsNotifications(configuration);
        services.AddSingleton<IConversationDirectory, InMemoryConversationDirectory>();
        services.AddSingleton<INotificationRenderer, TextRenderer>();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<TeamsNotificationChannel>(provider.GetRequiredService<INotificationChannel>());
        Assert.NotNull(provider.GetRequiredService<DeliverySender>());
        var options = provider.GetRequiredService<IOptions<TeamsNotificationOptions>>().Value;
        Assert.Equal(("00000000-0000-0000-0000-000000000001", "https://smba.example/teams/"), (options.BotId, options.ServiceUrl));
        Assert.Empty(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>());
    }
}

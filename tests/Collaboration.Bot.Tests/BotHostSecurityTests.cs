using System.Net;
using System.Text;
using Collaboration.Application.Conversations;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Tests.Infrastructure;
using Collaboration.Domain.Notifications;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Tests;

/// <summary>The real bot host against forged activities and a production start without an identity.</summary>
public sealed class BotHostSecurityTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private static readonly TestUser Alex = new("aad-alex", "Alex Wilber");
    private static readonly TestUser Megan = new("aad-megan", "Megan Bowen");
    private LocalOpenIdIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalOpenIdIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task AnActivityPointingAtAnAttackersServiceUrlIsRefusedAndItsConversationNeverStored()
    {
        const string attacker = "https://attacker.example/teams/";
        await using var host = await BotConversationHost.StartAuthenticatedAsync(_issuer, AppId);
        await host.Services.GetRequiredService<BotSignInWarmUp>().Completion;
        var tokensAtStart = _issuer.TokenRequests;
        var message = host.Activity(Alex, "message");
        message["serviceUrl"] = attacker;
        message["text"] = "my deals";

        var response = await host.PostAsync(message, _issuer.CreateToken(AppId, attacker, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Connector.Requests);
        Assert.Equal(tokensAtStart, _issuer.TokenRequests);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.ConversationReferences.ToListAsync());
    }

    [Fact]
    public async Task AConversationStoredWithAServiceUrlOutsideTheListIsNeverWrittenTo()
    {
        await using var host = await BotConversationHost.StartAsync();
        await host.SayAsync(Alex, "new deal Alpha 10k");
        await host.SayAsync(Megan, "help");
        await using (var db = host.Db.Database.Open("tenant-a"))
        {
            // A reference written before the allow-list existed, pointing at an attacker's host.
            foreach (var user in await db.Users.ToListAsync()) user.PlaceInTeam("east", null);
            var stored = await db.ConversationReferences.SingleAsync(r => r.ConversationId == Alex.ConversationId);
            stored.Apply(new ConversationAddress("https://attacker.example/teams/", "msteams", "personal", Alex.ObjectId, null, BotConversationHost.BotId, "en-US"),
                DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await host.SayAsync(Megan, "advance alpha");
        var before = host.Connector.Requests.Count;

        Assert.Equal(0, await NotificationConversationTests.PumpAsync(host));

        Assert.Empty(host.RequestsSince(before));
        await using var check = host.Db.Database.Open("tenant-a");
        var delivery = await check.Deliveries.AsNoTracking().SingleAsync();
        Assert.Equal(DeliveryStatus.Parked, delivery.Status);
        Assert.Contains("Service URL not allowed", delivery.LastError);
    }

    [Fact]
    public void TheBotRefusesToStartInProductionWithoutAnAppId()
    {
        var error = Assert.Throws<InvalidOperationException>(() => BotHost.Build(["--environment", "Production"], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "",
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Crm"] = "Data Source=:memory:",
                ["Notifications:RunHostedServices"] = "false",
            });
        }));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheBotRefusesATextPlainPostFromAnotherSite()
    {
        await using var host = await BotConversationHost.StartAsync();
        var message = host.Activity(Alex, "message");
        message["text"] = "new deal Forged 1k";
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHost.MessagesPath)
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "text/plain"),
        };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await using var db = host.Db.Database.Open("tenant-a");
        Assert.Empty(await db.Opportunities.ToListAsync());
    }
}

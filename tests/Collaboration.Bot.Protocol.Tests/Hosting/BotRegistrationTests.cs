using System.Net;
using System.Text;
using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Hosting;
using Collaboration.Bot.Protocol.Tests.Infrastructure;
using Collaboration.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Bot.Protocol.Tests.Hosting;

public sealed class BotRegistrationTests
{
    [Fact]
    public async Task HandlerTypeIsResolvedFromTheRequestServices()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapBotMessages<CountingHandler>("/api/messages"), environment: "Development",
            configure: builder =>
            {
                builder.Services.AddBotProtocol(builder.Configuration);
                builder.Services.AddScoped<CountingHandler>();
            });
        using var client = new HttpClient { BaseAddress = server.Address };

        var response = await client.PostAsync("/api/messages", new StringContent(TestActivities.Message(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, CountingHandler.Calls);
    }

    [Fact]
    public void AppIdWithoutAPasswordStopsStartUp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "app" });
        builder.Services.AddBotProtocol(builder.Configuration);
        using var app = builder.Build();

        Assert.Throws<InvalidOperationException>(() => app.MapBotMessages("/api/messages", new RecordingHandler()));
    }

    [Fact]
    public void InsecureMetadataUrlStopsStartUp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "pw",
            ["BotOpenIdMetadata"] = "http://login.example.test/.well-known/openidconfiguration",
        });
        builder.Services.AddBotProtocol(builder.Configuration);
        using var app = builder.Build();

        Assert.Throws<ArgumentException>(() => app.MapBotMessages("/api/messages", new RecordingHandler()));
    }

    private sealed class CountingHandler : IActivityHandler
    {
        public static int Calls;

        public Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult<InvokeResponse?>(null);
        }
    }
}

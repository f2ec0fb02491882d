using Collaboration.Bot.Protocol.Activities;
using Collaboration.Bot.Protocol.Connector;
using Collaboration.Bot.Protocol.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collaboration.Benchmarks.Load;

/// <summary>
/// `floor-host`: the least a Teams bot can do on our protocol stack, the floor our bot is measured against. A minimal
/// ASP.NET Core endpoint that parses the activity, validates the same real JWT (same authenticator, same signing keys)
/// and POSTs one reply to the same connector with the same client-credentials token; no database, no card.
/// An invoke is answered with a one-line card and nothing is sent, as the botbuilder echo does.
/// </summary>
public static class FloorHostCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBotProtocol(builder.Configuration);
        var thumbprint = Environment.GetEnvironmentVariable(BotHostCommand.TrustThumbprintVariable);
        if (!string.IsNullOrEmpty(thumbprint))
        {
            builder.Services.AddHttpClient(MsalBotTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => string.Equals(cert?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase),
            });
        }
        var app = builder.Build();
        app.MapGet("/health", () => "ok");
        app.MapBotMessages("/api/messages", new EchoHandler());
        await app.RunAsync();
        return 0;
    }

    private sealed class EchoHandler : IActivityHandler
    {
        public async Task<InvokeResponse?> HandleAsync(Activity activity, TurnContext turn, CancellationToken cancellationToken)
        {
            if (activity.IsInvoke) return InvokeResponse.AdaptiveCard(Card("Moved to the next stage."));
            if (activity.IsMessage) await turn.SendAsync("You said: " + activity.Text, cancellationToken);
            return null;
        }

        private static System.Text.Json.Nodes.JsonObject Card(string text) => new()
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = text }),
        };
    }
}

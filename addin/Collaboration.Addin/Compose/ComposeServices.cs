using Collaboration.Application.Meetings;
using Collaboration.Application.SentMail;
using Collaboration.Infrastructure.Persistence.KeyRing;
using Microsoft.Graph;

namespace Collaboration.Addin.Compose;

public static class ComposeServices
{
    /// <summary>Compose mode and meetings: the people matcher, the two logs, the header tokens and Sent Items (Graph when the mailbox is).</summary>
    public static WebApplicationBuilder AddCompose(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // One key ring for every instance on the database (and the bot): a stamp issued by one is redeemed by any other.
        services.AddCrmDataProtection(builder.Configuration, builder.Environment);
        services.AddSingleton(ComposeOptions.From(builder.Configuration));
        services.AddSingleton<PeopleMatcher>();
        services.AddSingleton<MeetingLog>();
        services.AddSingleton<SentMailLog>();
        services.AddSingleton<LogOnSendTokens>();
        services.AddScoped<ISentItems>(sp => sp.GetService<GraphServiceClient>() is { } graph ? new GraphSentItems(graph) : new NoSentItems());
        services.AddScoped<SentMailSync>();
        return builder;
    }
}

using System.Security.Cryptography.X509Certificates;
using Collaboration.Application.Meetings;
using Collaboration.Application.SentMail;
using Collaboration.Infrastructure.Persistence.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Graph;

namespace Collaboration.Addin.Compose;

public static class ComposeServices
{
    /// <summary>Compose mode and meetings: the people matcher, the two logs, the header tokens and Sent Items (Graph when the mailbox is).</summary>
    public static WebApplicationBuilder AddCompose(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // One key ring for every instance on the database: a stamp issued by one is redeemed by any other.
        var dataProtection = services.AddDataProtection().PersistKeysToCrmDatabase("Collaboration.Addin");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, builder.Configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (builder.Environment.IsDevelopment())
        {
            // The demo's keys sit unencrypted in its database, as ASP.NET Core warns at every start; production keeps the warning.
            builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        }
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

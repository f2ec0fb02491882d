using System.Security.Cryptography.X509Certificates;
using Collaboration.Application.Persistence;
using Collaboration.Infrastructure.Quotes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collaboration.Infrastructure.Persistence.KeyRing;

public static class KeyRingDataProtectionExtensions
{
    /// <summary>One name for both hosts: what one protects (a quote's document link) the other can read.</summary>
    public const string ApplicationName = "Collaboration";

    /// <summary>
    /// Data protection for a host: the key ring in the CRM database, encrypted with the certificate at
    /// <c>DataProtection:CertificatePath</c> when one is set, and the quote document links it signs.
    /// </summary>
    public static IServiceCollection AddCrmDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().PersistKeysToCrmDatabase(ApplicationName);
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsDevelopment())
        {
            // The demo's keys sit unencrypted in its database, as ASP.NET Core warns at every start; production keeps the warning.
            services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        }
        services.AddSingleton<QuoteDocumentLinks>();
        return services;
    }

    /// <summary>The key ring in the CRM database, under one application name whatever folder an instance runs from.</summary>
    public static IDataProtectionBuilder PersistKeysToCrmDatabase(this IDataProtectionBuilder builder, string applicationName)
    {
        builder.SetApplicationName(applicationName);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseKeyRing(services.GetRequiredService<ICrmDatabase>())));
        return builder;
    }
}

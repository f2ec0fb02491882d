using Collaboration.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collaboration.Infrastructure.Persistence.KeyRing;

public static class KeyRingDataProtectionExtensions
{
    /// <summary>The key ring in the CRM database, under one application name whatever folder an instance runs from.</summary>
    public static IDataProtectionBuilder PersistKeysToCrmDatabase(this IDataProtectionBuilder builder, string applicationName)
    {
        builder.SetApplicationName(applicationName);
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseKeyRing(services.GetRequiredService<ICrmDatabase>())));
        return builder;
    }
}

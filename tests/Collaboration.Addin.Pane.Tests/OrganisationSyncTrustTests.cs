using System.Security.Authentication;
using Collaboration.Application;
using Collaboration.Application.Administration;
using Collaboration.Domain.Common;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Pane.Tests;

/// <summary>The sync's app-only token comes over https from an authority whose certificate the app trusts, and from no other.</summary>
public sealed class OrganisationSyncTrustTests
{
    private static readonly Actor Admin = new(SettingsPage.Tenant, "admin-id", ChangeSurface.Api);

    [Fact]
    public async Task TheSyncFetchesItsTokenFromATrustedAuthorityAndReadsTheDirectory()
    {
        await using var entra = await LocalEntra.StartAsync([("ann-id", "Ann", "ann@contoso.example", "zh-CN")]);
        await using var host = await AddinHost.StartAsync(settings: entra.Settings(SettingsPage.Tenant), services: entra.Trust);

        var report = await host.Services.GetRequiredService<OrganisationSync>().RunAsync(Admin);

        Assert.Equal(1, report.Added);
        Assert.Equal(1, entra.Issuer.TokenRequests);
        await using var db = host.Db.Database.Open(SettingsPage.Tenant);
        Assert.Equal("zh-Hans", (await db.Users.SingleAsync(u => u.ObjectId == "ann-id")).Locale);
    }

    [Fact]
    public async Task TheSyncRefusesAnAuthorityWhoseCertificateTheAppDoesNotTrust()
    {
        await using var entra = await LocalEntra.StartAsync([("ann-id", "Ann", "ann@contoso.example", null)]);
        await using var stranger = await LocalEntra.StartAsync([]);
        await using var host = await AddinHost.StartAsync(settings: entra.Settings(SettingsPage.Tenant), services: LocalEntra.TrustOnly(stranger.Issuer));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.Services.GetRequiredService<OrganisationSync>().RunAsync(Admin));

        Assert.Contains(Chain(error), e => e is AuthenticationException);
        Assert.Equal(0, entra.Issuer.TokenRequests);
        await using var db = host.Db.Database.Open(SettingsPage.Tenant);
        Assert.False(await db.Users.AnyAsync(u => u.ObjectId == "ann-id"));
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException) yield return e;
    }
}

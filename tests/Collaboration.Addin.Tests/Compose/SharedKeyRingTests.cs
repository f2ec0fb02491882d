using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Collaboration.Addin.Compose;
using Collaboration.Application;
using Collaboration.Domain.Common;
using Collaboration.Infrastructure.Persistence.KeyRing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Addin.Tests.Compose;

/// <summary>
/// Several add-in instances on one database (and the next start after a redeploy) share one data-protection key ring,
/// kept in the database: a "log when sent" stamp issued by one instance is redeemed by any other.
/// (The stamp's use by the endpoints is in <see cref="LogOnSendTests"/>.)
/// </summary>
public class SharedKeyRingTests
{
    public static TheoryData<DatabaseKind> Databases => new() { DatabaseKind.Sqlite, DatabaseKind.Postgres };

    private static readonly Actor Rep = new(AddinHost.TenantA, AddinHost.RepA, ChangeSurface.Outlook);

    [Theory, MemberData(nameof(Databases))]
    public async Task AStampIssuedByOneInstanceIsRedeemedByAnotherAndAfterARestartButNotOnAnotherDatabase(DatabaseKind kind)
    {
        await using var first = await AddinHost.StartAsync(kind);
        var dealId = Guid.NewGuid();
        var fromFirst = Tokens(first).Issue(Rep, dealId).Token;

        await using (var second = AddinHost.Restart(first.Db))
        {
            Assert.Equal(dealId, Tokens(second).DealFor(Rep, fromFirst));
            var fromSecond = Tokens(second).Issue(Rep, dealId).Token;
            Assert.Equal(dealId, Tokens(first).DealFor(Rep, fromSecond));
        }

        await using (var afterRedeploy = AddinHost.Restart(first.Db))
        {
            Assert.Equal(dealId, Tokens(afterRedeploy).DealFor(Rep, fromFirst));
        }

        await using var otherDatabase = await AddinHost.StartAsync(kind);
        Assert.Null(Tokens(otherDatabase).DealFor(Rep, fromFirst));

        await using var db = first.Db.Database.Open((string?)null);
        var key = Assert.Single(await db.Set<DataProtectionKeyRecord>().ToListAsync());
        Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificateConfiguredTheKeyIsStoredEncryptedAndStillSharedBetweenInstances()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"keyring-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Collaboration key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        }
        try
        {
            var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "test-password" };
            await using var first = await AddinHost.StartAsync(settings: settings);
            var dealId = Guid.NewGuid();
            var stamp = Tokens(first).Issue(Rep, dealId).Token;

            await using (var second = AddinHost.Restart(first.Db, settings))
            {
                Assert.Equal(dealId, Tokens(second).DealFor(Rep, stamp));
            }

            await using var db = first.Db.Database.Open((string?)null);
            var key = Assert.Single(await db.Set<DataProtectionKeyRecord>().ToListAsync());
            Assert.Contains("<encryptedSecret", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static LogOnSendTokens Tokens(AddinHost host) => host.Services.GetRequiredService<LogOnSendTokens>();
}

using Collaboration.Application.Capture;
using Collaboration.Infrastructure.Persistence;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A pooled PostgreSQL connection goes back to the pool without Npgsql's session reset (seven statements the server
/// would run before the next command on it) unless the admin's connection string asks for it; what a reset would have
/// been for still holds: the next unit of work on that connection is not inside a transaction the last one left open.
/// </summary>
public class PostgresSessionTests
{
    [Fact]
    public async Task ConnectionsSkipTheSessionResetUnlessTheAdminAsksForIt()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var configured = new NpgsqlConnectionStringBuilder(host.Db.Database.ConnectionString);
        configured.Remove("No Reset On Close");

        using var byDefault = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, configured.ConnectionString);
        Assert.True(new NpgsqlConnectionStringBuilder(byDefault.ConnectionString).NoResetOnClose);

        configured.NoResetOnClose = false;
        using var admins = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, configured.ConnectionString);
        Assert.False(new NpgsqlConnectionStringBuilder(admins.ConnectionString).NoResetOnClose);
    }

    [Fact]
    public async Task AUnitOfWorkThatLeftItsTransactionOpenLeavesNothingToTheNextOnItsConnection()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var rep = await host.RepAsync("rep-1");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso renewal") { Amount = 5_000m });
        // One connection in the pool: the second unit of work gets the first one's.
        var single = new NpgsqlConnectionStringBuilder(host.Db.Database.ConnectionString) { MaxPoolSize = 1, ApplicationName = "session-test" };
        single.Remove("No Reset On Close");
        using var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, single.ConnectionString);

        int firstBackend;
        await using (var first = database.Open(CrmTestHost.TenantA))
        {
            await first.Database.BeginTransactionAsync();
            firstBackend = await first.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync();
            await first.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Opportunities\" SET \"Name\" = 'half written' WHERE \"Id\" = {deal.Id}");
            // Disposed without a commit, as when the request failed.
        }

        await using (var second = database.Open(CrmTestHost.TenantA))
        {
            Assert.Equal(firstBackend, await second.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync());
            Assert.Equal("Contoso renewal", (await second.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id)).Name);
            await second.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"Opportunities\" SET \"Name\" = 'Contoso renewal 2027' WHERE \"Id\" = {deal.Id}");
        }

        // The second unit of work's change was committed on its own, not held in a transaction the first left open.
        await using var other = host.Db.Database.Open(CrmTestHost.TenantA);
        Assert.Equal("Contoso renewal 2027", (await other.Opportunities.AsNoTracking().SingleAsync(o => o.Id == deal.Id)).Name);
    }
}

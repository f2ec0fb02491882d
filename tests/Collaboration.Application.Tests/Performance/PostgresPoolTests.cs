using Collaboration.Application.Capture;
using Collaboration.Application.Reports;
using Collaboration.Domain.Pipeline;
using Collaboration.Infrastructure.Persistence;
using Collaboration.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A host keeps at most <see cref="CrmDatabase.PostgresPoolSize"/> connections to PostgreSQL unless its connection string
/// says otherwise; requests beyond that wait for one, and none waits for ever.
/// </summary>
public class PostgresPoolTests
{
    [Fact]
    public async Task AHostKeepsAtMostItsPoolOfConnectionsAndAnAdminsSizeIsKept()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var byDefault = Without(host.Db.Database.ConnectionString, "Maximum Pool Size");

        using (var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, byDefault))
        {
            var (answered, mostAtOnce) = await SleepAtOnceAsync(database, host, 48);
            Assert.Equal(48, answered);
            Assert.InRange(mostAtOnce, 8, CrmDatabase.PostgresPoolSize);
        }
        NpgsqlConnection.ClearAllPools();

        var admins = new NpgsqlConnectionStringBuilder(byDefault) { MaxPoolSize = 40 }.ConnectionString;
        using (var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, admins))
        {
            var (answered, mostAtOnce) = await SleepAtOnceAsync(database, host, 48);
            Assert.Equal(48, answered);
            Assert.InRange(mostAtOnce, CrmDatabase.PostgresPoolSize + 1, 40);
        }
    }

    [Fact]
    public async Task MoreReportsAtOnceThanThePoolHoldsAllAnswer()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Postgres);
        var rep = await host.RepAsync("rep-1");
        for (var i = 0; i < 3; i++)
        {
            await host.Deals.CaptureAsync(rep, new CaptureRequest($"Contoso {i}") { Amount = 1_000m * (i + 1) });
            host.Clock.Advance(TimeSpan.FromDays(40));
        }
        // A waiting request gives up after 5 s: a report that held one connection while it waited for another would
        // fail here instead of answering.
        var pooled = new NpgsqlConnectionStringBuilder(Without(host.Db.Database.ConnectionString, "Maximum Pool Size")) { Timeout = 5 }.ConnectionString;
        using var database = new CrmDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, pooled);
        var reports = new PipelineReports(database, host.Clock);
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        // A year: its months are read in slices, each on a connection of its own.
        var year = new ReportFilter(today.AddDays(-365), today);

        var answers = await Task.WhenAll(Enumerable.Range(0, 3 * CrmDatabase.PostgresPoolSize)
            .Select(_ => Task.Run(() => reports.ConversionAsync(rep, year))));

        Assert.All(answers, report => Assert.Equal(3, report.Rows.Where(r => r.Stage == Stage.New).Sum(r => r.Entered)));
    }

    private static string Without(string connectionString, string key)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Remove(key);
        return builder.ConnectionString;
    }

    /// <summary>Runs <paramref name="count"/> units of work at once, each holding its connection for 0.2 s; the most connections the server saw.</summary>
    private static async Task<(int Answered, int MostAtOnce)> SleepAtOnceAsync(CrmDatabase database, CrmTestHost host, int count)
    {
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using var watcher = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(host.Db.Database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await watcher.OpenAsync();
        var answered = 0;
        var sleeps = Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await using var db = database.Open(CrmTestHost.TenantA);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.2)");
            Interlocked.Increment(ref answered);
        })));
        var most = 0;
        while (!sleeps.IsCompleted)
        {
            await using var ask = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE datname = @name AND query LIKE 'SELECT pg_sleep%'", watcher);
            ask.Parameters.AddWithValue("name", name!);
            most = Math.Max(most, (int)(await ask.ExecuteScalarAsync())!);
            await Task.Delay(20);
        }
        await sleeps;
        return (answered, most);
    }
}

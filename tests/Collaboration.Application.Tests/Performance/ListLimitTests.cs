using System.Collections.Concurrent;
using System.Diagnostics;
using Collaboration.Application.Capture;
using Collaboration.Application.Opportunities;
using Collaboration.Domain.Interactions;
using Collaboration.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A rep's deal list and a deal's timeline show as many rows as asked, in their order; on SQLite their LIMIT is part
/// of the SQL (SQLite prepares a statement with a bound LIMIT again each time it runs).
/// </summary>
public class ListLimitTests
{
    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task MyDealsAndTheTimelineShowAsManyAsAskedHottestAndNewestFirst(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-limits");
        var deals = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            deals.Add((await host.Deals.CaptureAsync(rep, new CaptureRequest($"Deal {i}") { CloseDate = new DateOnly(2027, 1, 10 - i) })).Id);
        }
        for (var i = 0; i < 4; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            await host.Deals.LogInteractionAsync(rep, deals[0], new InteractionInput(InteractionKind.Call, $"Call {i}", Direction.Outbound));
        }

        var three = await host.Queries.MyOpenDealsAsync(rep, 3);
        var all = await host.Queries.MyOpenDealsAsync(rep, 500);
        var none = await host.Queries.MyOpenDealsAsync(rep, 0);
        var timeline = await new DealTimeline(host.Db.Database).ForAsync(rep, deals[0], 2);

        // Equal scores: the nearest close date first, which is the last deal captured.
        Assert.Equal(["Deal 4", "Deal 3", "Deal 2"], three.Select(d => d.Name));
        Assert.Equal(5, all.Count);
        Assert.Empty(none);
        Assert.Equal(["Call: Call 3", "Call: Call 2"], timeline.Select(e => e.Summary));
    }

    [Fact]
    public async Task OnSqliteTheDealListAndTimelineReadsCarryTheirLimitInTheSql()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        string file;
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA)) file = db.Database.GetDbConnection().DataSource;
        // Other tests run at the same time in this process: only this test's database file counts.
        var seen = new ConcurrentQueue<string>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new CommandTexts(file, seen));
        var rep = await host.RepAsync("rep-sql");
        var deal = await host.Deals.CaptureAsync(rep, new CaptureRequest("Contoso"));

        await host.Queries.MyOpenDealsAsync(rep, 15);
        await host.Queries.DetailAsync(rep, deal.Id, 20);

        var reads = seen.Where(sql => sql.Contains("ORDER BY", StringComparison.Ordinal)
            && (sql.Contains("FROM \"Opportunities\"", StringComparison.Ordinal) || sql.Contains("FROM \"OpportunityChanges\"", StringComparison.Ordinal)
                || sql.Contains("FROM \"Interactions\"", StringComparison.Ordinal))).ToList();
        Assert.True(reads.Count >= 3, string.Join("\n\n", seen));
        Assert.All(reads, sql => Assert.DoesNotContain("LIMIT @", sql, StringComparison.Ordinal));
    }

    private sealed class CommandTexts(string file, ConcurrentQueue<string> seen) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command.Connection: SqliteConnection connection } data
                && connection.DataSource == file)
            {
                seen.Enqueue(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

using Collaboration.Application.Capture;
using Collaboration.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// Every row a capture or a stage change inserts updates each index of its table: a random leaf page each, written to
/// the log and copied back at the next checkpoint. An index on a foreign key alone, beside the tenant's index on the
/// same key, is such a write that no read needs: every query carries its tenant. The key leads the one index instead,
/// which then also serves the key's constraint. And a new row's id sorts after the ids made before it, so that the row
/// and what hangs off it go to the last pages of their indexes instead of a random page each.
/// </summary>
public class WriteIndexTests
{
    private static readonly string[] WrittenByCaptureAndMove = ["Opportunities", "Interactions", "OpportunityChanges", "StageStints", "Outbox"];

    [Fact]
    public async Task TheTablesACaptureWritesKeepNoIndexOfAKeyAloneBesideTheTenantsIndexOfIt()
    {
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        await using var connection = new SqliteConnection(host.Db.Database.ConnectionString);
        await connection.OpenAsync();

        var redundant = new List<string>();
        foreach (var table in WrittenByCaptureAndMove)
        {
            var indexes = await IndexesAsync(connection, table);
            Assert.NotEmpty(indexes);
            foreach (var (name, columns) in indexes.Where(i => i.Columns.Count == 1 && i.Columns[0] != "TenantId"))
            {
                var key = columns[0];
                var alsoServedBy = indexes.Where(other => other.Name != name && other.Columns.Take(2).ToHashSet().SetEquals(["TenantId", key])).Select(o => o.Name);
                redundant.AddRange(alsoServedBy.Select(other => $"{table}: {name} ({key}) beside {other}"));
            }
        }
        Assert.Empty(redundant);

        // The reads by those keys still find an index that starts with the key.
        foreach (var (table, key) in new[] { ("Interactions", "OpportunityId"), ("OpportunityChanges", "OpportunityId"), ("Opportunities", "AccountId"), ("Opportunities", "PrimaryContactId") })
        {
            Assert.Contains(await IndexesAsync(connection, table), i => i.Columns[0] == key);
        }
    }

    [Theory, MemberData(nameof(PersistenceTests.Databases), MemberType = typeof(PersistenceTests))]
    public async Task DealsCapturedOneAfterAnotherSortByIdInTheOrderTheyWereCaptured(DatabaseKind kind)
    {
        await using var host = await CrmTestHost.StartAsync(kind);
        var rep = await host.RepAsync("rep-row-ids");
        var captured = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            captured.Add((await host.Deals.CaptureAsync(rep, new CaptureRequest($"Deal {i}"))).Id);
            // An id's time is in milliseconds; two made within one may sort either way.
            await Task.Delay(3);
        }

        await using var db = host.Db.Database.Open(rep.TenantId);
        var byId = await db.Opportunities.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync();
        Assert.Equal(captured, byId);
    }

    private static async Task<List<(string Name, List<string> Columns)>> IndexesAsync(SqliteConnection connection, string table)
    {
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = $"SELECT name FROM pragma_index_list('{table}');";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        }
        var indexes = new List<(string, List<string>)>();
        foreach (var name in names)
        {
            await using var info = connection.CreateCommand();
            info.CommandText = "SELECT name FROM pragma_index_info($index) ORDER BY seqno;";
            info.Parameters.AddWithValue("$index", name);
            var columns = new List<string>();
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            indexes.Add((name, columns));
        }
        return indexes;
    }
}

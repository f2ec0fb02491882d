using System.Text.RegularExpressions;
using Collaboration.Domain.Common;
using Collaboration.Domain.Opportunities;
using Collaboration.Domain.Pipeline;
using Collaboration.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Collaboration.Application.Tests.Performance;

/// <summary>
/// A stage change reads the stints it changes (its deal's last one, the ones still waiting for a step further along,
/// its last entry into the stage it enters) in one statement and by index: a deal clicked back and forth for months
/// must not make each click read its whole path. Checked on SQLite's plans for each part of the statement the move ran.
/// </summary>
public class StintReadTests
{
    [Fact]
    public async Task AMoveOnALongPathReadsItsStintsByIndexNotThroughTheWholePath()
    {
        // Listening before the host starts: EF Core caches for a while that nobody listens to its commands.
        using var commands = CommandsCarrying.Start();
        await using var host = await CrmTestHost.StartAsync(DatabaseKind.Sqlite);
        var ann = await host.RepAsync("ann");
        var created = Opportunity.Capture(CrmTestHost.TenantA, "Contoso renewal", "ann", PipelineSettings.Default,
            new ChangeContext("ann", ChangeSurface.Outlook, host.Clock.GetUtcNow()), CaptureSource.Email, amount: 5000m);
        await using (var db = host.Db.Database.Open(CrmTestHost.TenantA))
        {
            db.Opportunities.Add(created);
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < 30; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            await host.Deals.MoveStageAsync(ann, created.Id, null, i % 2 == 0 ? Stage.Qualify : Stage.New, overrideReason: "strategic");
        }

        commands.Record(created.Id);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.Deals.MoveStageAsync(ann, created.Id, null, Stage.Qualify, overrideReason: "strategic");
        var ran = commands.Stop();

        var stintReads = ran.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                                        && c.Text.Contains("FROM \"StageStints\"", StringComparison.Ordinal)).ToList();
        // One statement: the last stint, the waiting ones and the last entry into Qualify (a round trip each on PostgreSQL before).
        var read = Assert.Single(stintReads);
        await using var connection = new SqliteConnection(host.Db.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var part in read.Text.Split("\nUNION ALL\n"))
        {
            // A part whose condition of parameters alone is false for this move (the one for a win) runs no loop:
            // SQLite tests such a term once, before it.
            if (SwitchedOff(part, read)) continue;
            var plan = await PlanAsync(connection, read with { Text = part });
            // Only the deal's key prefix is a walk through its whole path, unless the read stops at its first row.
            var throughThePath = plan.Any(step => step.EndsWith("(OpportunityId=?)", StringComparison.Ordinal) && !step.Contains("COVERING", StringComparison.Ordinal))
                                 && !part.Contains("LIMIT 1", StringComparison.Ordinal);
            Assert.False(throughThePath, $"{part}\n→ {string.Join(" / ", plan)}");
        }
        Assert.Contains(read.Text.Split("\nUNION ALL\n"), part => SwitchedOff(part, read));
    }

    private static bool SwitchedOff(string part, RanCommand read) =>
        Regex.Match(part, @"(?:WHERE|AND) @(\w+) AND") is { Success: true } condition
        && read.Parameters.FirstOrDefault(p => p.Name == "@" + condition.Groups[1].Value).Value is false or 0 or 0L;

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, RanCommand read)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + read.Text;
        foreach (var (name, value) in read.Parameters) explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) steps.Add(reader.GetString(3));
        return steps;
    }
}
